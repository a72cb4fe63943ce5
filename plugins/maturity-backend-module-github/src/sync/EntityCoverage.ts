import { atOrAfter } from '../api/githubTimes';
import {
  GithubRepository,
  RepositoryEntity,
} from '../catalog/readRepositoryMap';

/**
 * Which of a repository's entities its stored positions were reached for.
 * An entity mapped since has none of the repository's history: every
 * stream reads again from the lookback, and what lies before the stored
 * positions (written for the other entities already) is written for the
 * new entities alone, so the re-read cannot replace the others' events with
 * copies read past the look-up limits.
 */
export class EntityCoverage {
  /** The entities mapped since the cursor was stored. */
  readonly added: RepositoryEntity[];

  constructor(
    private readonly repository: GithubRepository,
    /** The cursor's `entityRefs`; undefined counts as every entity. */
    covered: string[] | undefined,
    /** Where a stream without a position (or re-reading) starts. */
    readonly lookbackStart: string,
  ) {
    const known = covered && new Set(covered);
    this.added = known
      ? repository.entities.filter(e => !known.has(e.entityRef))
      : [];
  }

  /** Whether this sync reads the repository again for new entities. */
  get rereading(): boolean {
    return this.added.length > 0;
  }

  /** Where a stream stored at `position` reads from. */
  since(position: string | undefined): string {
    return (this.rereading ? undefined : position) ?? this.lookbackStart;
  }

  /**
   * The entities an item at `at` is written for, in a stream stored at
   * `position`: the new ones alone before the position of a re-read.
   */
  entitiesAt(
    at: string | undefined,
    position: string | undefined,
  ): RepositoryEntity[] {
    return this.rereading && position && !(at && atOrAfter(at, position))
      ? this.added
      : this.repository.entities;
  }
}
