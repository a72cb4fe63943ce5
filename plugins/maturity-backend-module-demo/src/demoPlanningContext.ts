import {
  DemoEntity,
  demoSlug,
  isDeployable,
  isMlPipeline,
  isNotebookPrototype,
  lifecycleActivity,
  ownerGroupName,
} from './DemoEntity';
import {
  DemoProfile,
  demoReleaseTrainTeams,
  getDemoProfile,
} from './demoProfiles';
import { issueProjectKey, teamRoster } from './demoVocabulary';
import { SeededRandom } from './seededRandom';
import { utcDayKey } from './utcDays';

/**
 * What planning needs to know about an entity, worked out once per entity
 * rather than once per day.
 *
 * @internal
 */
export interface DemoPlanningContext {
  entityRef: string;
  /** Short entity name used in external ids and titles. */
  slug: string;
  /** Group entity reference of the owning team. */
  ownerRef: string;
  profile: DemoProfile;
  deployable: boolean;
  /** Whether a CI pipeline builds its changes (not yet for a notebook prototype). */
  runsCi: boolean;
  trainsModels: boolean;
  /** Multiplier on the profile's change and deploy rates. */
  activity: number;
  roster: string[];
  projectKey: string;
  /** Whether a dependency bot opens pull requests. */
  dependencyUpdates: boolean;
  /**
   * Whether the team releases its components together: planned deploys at
   * the team's times, each from the team's release commit.
   */
  releasesWithTeam: boolean;
  /**
   * The first day with anything planned (a component new to its team);
   * unset: every day has its plan.
   */
  firstActiveDay?: number;
}

/** Libraries change less often than the services that use them. */
const LIBRARY_ACTIVITY = 0.6;

/**
 * Builds the planning context of an entity. Components of one team differ a
 * little in how busy they are (a stable factor between 0.7 and 1.3), so a
 * team's components do not all look alike. `today` places the first day of
 * a component with `activeDays`.
 *
 * @internal
 */
export function createDemoPlanningContext(
  entity: DemoEntity,
  today: number,
): DemoPlanningContext {
  const owner = ownerGroupName(entity.owner);
  const profile = getDemoProfile(owner);
  const deployable = isDeployable(entity);
  const spread = new SeededRandom(`${entity.entityRef}|activity`).between(
    0.7,
    1.3,
  );
  return {
    entityRef: entity.entityRef,
    slug: demoSlug(entity.entityRef),
    ownerRef: `group:default/${owner}`,
    profile,
    deployable,
    runsCi: !isNotebookPrototype(entity),
    trainsModels: isMlPipeline(entity),
    activity:
      spread * lifecycleActivity(entity) * (deployable ? 1 : LIBRARY_ACTIVITY),
    roster: teamRoster(owner),
    projectKey: issueProjectKey(owner),
    dependencyUpdates: profile.repoFacts.dependabot === true,
    releasesWithTeam: demoReleaseTrainTeams.has(owner),
    firstActiveDay:
      entity.activeDays === undefined ? undefined : today - entity.activeDays,
  };
}

/**
 * The start of the external ids of what an entity does on a day, e.g.
 * `demo:checkout-api:deploy:2025-03-04`.
 *
 * @internal
 */
export function demoIdPrefix(
  context: DemoPlanningContext,
  kind: string,
  day: number,
): string {
  return `demo:${context.slug}:${kind}:${utcDayKey(day)}`;
}
