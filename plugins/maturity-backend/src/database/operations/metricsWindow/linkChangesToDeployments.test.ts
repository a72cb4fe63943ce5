import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';
import { at, deployment, pullRequest, sha } from '../../../testing/testEvents';
import { MetricsWindow } from '../../MetricsWindow';
import { linkChangesToDeployments } from './linkChangesToDeployments';
import { readRevertedDeployments } from './readRevertedDeployments';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const OTHER = 'component:default/other';

// Window: March 2026. Every change below has its commit in one or more
// production deployments; which deployment "first shipped" it decides
// whether the change counts in the window.
const window: MetricsWindow = {
  entities: [{ entityRef: SHOP }, { entityRef: OTHER }],
  from: new Date(at('03-01 00:00')),
  to: new Date(at('04-01 00:00')),
};

const events = [
  // Merged and first shipped before the window, shipped again in it
  // (a redeploy of the same commit): not a change of this window.
  pullRequest(
    SHOP,
    'early',
    { authored: '02-10 09:00', opened: '02-10 10:00', merged: '02-11 10:00' },
    { sha: sha('early') },
  ),
  deployment(SHOP, 'feb', 'production', '02-12 09:00', '02-12 09:10', {
    commitSha: sha('early'),
  }),
  deployment(SHOP, 'redeploy', 'production', '03-05 09:00', '03-05 09:10', {
    commitSha: sha('early'),
  }),
  // Merged before the window, first shipped in it: counts, linked to the
  // first of the two deployments that carry it.
  pullRequest(
    SHOP,
    'late',
    { authored: '02-20 09:00', opened: '02-20 10:00', merged: '02-27 16:00' },
    { sha: sha('late') },
  ),
  deployment(SHOP, 'march-1', 'production', '03-02 09:00', '03-02 09:10', {
    commitShas: [sha('late'), sha('other-commit')],
  }),
  deployment(SHOP, 'march-2', 'production', '03-09 09:00', '03-09 09:10', {
    commitShas: [sha('late')],
  }),
  // Its deployment started before the window and finished in it: it ran in
  // the window, so it counts.
  pullRequest(
    SHOP,
    'boundary',
    { authored: '02-27 09:00', opened: '02-27 10:00', merged: '02-28 20:00' },
    { sha: sha('boundary') },
  ),
  deployment(SHOP, 'overnight', 'production', '02-28 23:30', '03-01 00:30', {
    commitSha: sha('boundary'),
  }),
  // Staging first, production after the window: not shipped in the window.
  pullRequest(
    SHOP,
    'pending',
    { authored: '03-28 09:00', opened: '03-28 10:00', merged: '03-30 10:00' },
    { sha: sha('pending') },
  ),
  deployment(SHOP, 'stage', 'staging', '03-30 11:00', '03-30 11:10', {
    commitSha: sha('pending'),
  }),
  deployment(SHOP, 'april', 'production', '04-01 09:00', '04-01 09:10', {
    commitSha: sha('pending'),
  }),
  // A failed production deployment ships nothing.
  pullRequest(
    SHOP,
    'broken',
    { authored: '03-10 09:00', opened: '03-10 10:00', merged: '03-11 10:00' },
    { sha: sha('broken') },
  ),
  deployment(SHOP, 'failed', 'production', '03-11 11:00', '03-11 11:10', {
    commitSha: sha('broken'),
    status: 'failure',
  }),
  // The same SHA deployed by another entity does not ship SHOP's change.
  deployment(OTHER, 'elsewhere', 'production', '03-12 09:00', '03-12 09:10', {
    commitSha: sha('broken'),
  }),
  // A revert in the window of a commit first shipped before it: the revert
  // names a deployment outside the window, so no window deployment failed.
  pullRequest(
    SHOP,
    'revert-early',
    { authored: '03-06 09:00', opened: '03-06 10:00', merged: '03-06 11:00' },
    { sha: sha('revert-early'), isRevert: true, revertsSha: sha('early') },
  ),
  // A revert in the window of a commit first shipped in it.
  pullRequest(
    SHOP,
    'revert-late',
    { authored: '03-03 09:00', opened: '03-03 10:00', merged: '03-03 11:00' },
    {
      sha: sha('revert-late'),
      isRevert: true,
      revertsSha: sha('late').toUpperCase(),
    },
  ),
];

describe('linking changes and reverts to the deployments that shipped them', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'counts a change in the window of its first production deployment, %p',
    async databaseId => {
      const { knex, store } = await migratedEventStore(databases, databaseId);
      await store.ingest(events);
      const externalId = async (table: string, id: number) =>
        (await knex(table).where({ id }).first('external_id')).external_id;

      const links = await linkChangesToDeployments(knex, window);
      const named = await Promise.all(
        links.map(async link => ({
          change: await externalId('changes', link.changeId),
          deployment: await externalId('deployments', link.deploymentId),
          entityRef: link.entityRef,
          deployedAt: new Date(link.deployedAt).toISOString(),
          mergedAt: new Date(link.mergedAt).toISOString(),
        })),
      );
      // Newest deployment first.
      expect(named).toEqual([
        {
          change: 'late',
          deployment: 'march-1',
          entityRef: SHOP,
          deployedAt: at('03-02 09:10'),
          mergedAt: at('02-27 16:00'),
        },
        {
          change: 'boundary',
          deployment: 'overnight',
          entityRef: SHOP,
          deployedAt: at('03-01 00:30'),
          mergedAt: at('02-28 20:00'),
        },
      ]);

      const reverts = await readRevertedDeployments(knex, window);
      expect(
        await Promise.all(
          reverts.map(async r => ({
            deployment: await externalId('deployments', r.deploymentId),
            revert: await externalId('changes', r.revertChangeId),
          })),
        ),
      ).toEqual([{ deployment: 'march-1', revert: 'revert-late' }]);
    },
  );
});
