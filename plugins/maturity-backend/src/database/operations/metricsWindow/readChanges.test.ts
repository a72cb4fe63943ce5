import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { at, build, pullRequest, sha } from '../../../testing/testEvents';
import { readChanges } from './readChanges';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const OTHER = 'component:default/other';

describe('readChanges', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the changes of the window with their merge commit built or not, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      await events.ingest([
        // Authored before the window, merged in it, its merge commit built.
        pullRequest(
          SHOP,
          'P1',
          {
            authored: '02-20 10:00',
            opened: '02-21 10:00',
            merged: '03-02 10:00',
          },
          { sha: sha('m1'), reviewCount: 2 },
        ),
        build(SHOP, 'B1', 'success', '03-02 10:05', '03-02 10:15', {
          commitSha: sha('m1'),
        }),
        // Merged in the window, never built.
        pullRequest(
          SHOP,
          'P2',
          {
            authored: '03-03 10:00',
            opened: '03-03 11:00',
            merged: '03-04 10:00',
          },
          { sha: sha('m2') },
        ),
        // Entirely before the window, and another entity's.
        pullRequest(SHOP, 'P3', {
          authored: '01-03 10:00',
          opened: '01-03 11:00',
          merged: '01-04 10:00',
        }),
        pullRequest(OTHER, 'P4', {
          authored: '03-03 10:00',
          opened: '03-03 11:00',
          merged: '03-04 10:00',
        }),
      ]);

      const changes = await readChanges(knex, {
        entities: [{ entityRef: SHOP }],
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      });
      expect(
        changes
          .map(c => [c.sha, c.mergedAt, c.mergeCommitBuilt, c.reviewCount])
          .sort(),
      ).toEqual(
        [
          [sha('m1'), Date.parse(at('03-02 10:00')), true, 2],
          [sha('m2'), Date.parse(at('03-04 10:00')), false, undefined],
        ].sort(),
      );
      expect(changes.every(c => c.entityRef === SHOP)).toBe(true);
      expect(changes[0]).toMatchObject({
        kind: 'pull_request',
        state: 'merged',
        targetBranch: 'main',
        referencesIssue: false,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'tells whether a change references an issue, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      const merged = {
        authored: '03-02 10:00',
        opened: '03-02 11:00',
        merged: '03-03 10:00',
      };
      await events.ingest([
        pullRequest(SHOP, 'P1', merged, {
          sha: sha('p1'),
          linkedIssues: ['A-1', 'A-2'],
        }),
        pullRequest(SHOP, 'P2', merged, { sha: sha('p2'), linkedIssues: [] }),
        pullRequest(SHOP, 'P3', merged, { sha: sha('p3') }),
      ]);

      const changes = await readChanges(knex, {
        entities: [{ entityRef: SHOP }],
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      });
      expect(
        Object.fromEntries(changes.map(c => [c.sha, c.referencesIssue])),
      ).toEqual({
        [sha('p1')]: true,
        [sha('p2')]: false,
        [sha('p3')]: false,
      });
    },
  );
});
