import { mockServices } from '@backstage/backend-test-utils';
import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { syncGithubRepository } from '../sync/syncGithubRepository';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { credentials, repository as shop } from './githubApi';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';

/**
 * What the pull sync writes for `acme/shop` (mapped to `repository`'s
 * entities) from the fixtures (msw handlers of githubApi.ts must be
 * installed), by external id: what a webhook delivery about the same item
 * must write too.
 */
export async function pullSyncEvents(
  repository: GithubRepository = shop,
): Promise<Map<string, SourceEvent>> {
  const sink = new RecordingSink();
  await syncGithubRepository({
    client: new GithubClient({ credentials }),
    sink,
    repository,
    logger: mockServices.logger.mock(),
    initialLookbackDays: 90,
    now: new Date('2026-11-20T12:00:00Z'),
  });
  return new Map(
    [...sink.events.values()].flatMap(event =>
      'externalId' in event ? [[event.externalId, event]] : [],
    ),
  );
}
