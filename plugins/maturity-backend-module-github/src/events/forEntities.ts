import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  entityExternalId,
  SourceEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import {
  GithubRepository,
  RepositoryEntity,
} from '../catalog/readRepositoryMap';

/** An event before it is bound to an entity (see {@link forEntities}). */
export type Unbound<E> = Omit<E, 'source' | 'entityRef'>;

/**
 * The external id of a GitHub item's event for one entity: the item's id
 * (run id, deployment id, `owner/repo#n`, `owner/repo@sha`), a space (GitHub
 * ids have none), and the entity ref, hashed past 255 characters; see
 * {@link entityExternalId}.
 */
export function externalIdFor(id: string, entityRef: string): string {
  return entityExternalId(id, entityRef, ' ');
}

/**
 * One event per entity of the repository (or per one of `entities`, those a
 * path-scoped event belongs to), each with its own external id (see
 * {@link externalIdFor}): external ids are unique per source.
 */
export function forEntities(
  repository: GithubRepository,
  events: Array<Unbound<BuildEvent | DeploymentEvent | ChangeEvent>>,
  entities: RepositoryEntity[] = repository.entities,
): SourceEvent[] {
  return events.flatMap(event =>
    entities.map(
      ({ entityRef }) =>
        ({
          ...event,
          entityRef,
          externalId: externalIdFor(event.externalId, entityRef),
        } as SourceEvent),
    ),
  );
}
