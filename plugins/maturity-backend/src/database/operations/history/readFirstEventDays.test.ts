import { TestDatabases } from '@backstage/backend-test-utils';
import { RepoFactEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import {
  at,
  build,
  deployment,
  incident,
  pullRequest,
} from '../../../testing/testEvents';
import { readFirstEventDays } from './readFirstEventDays';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const PAGED = 'component:default/paged';
const DOCS = 'component:default/docs';
const NEVER = 'component:default/never';

/** Days since 1970-01-01 of a 2026 date `MM-DD`. */
const day = (monthDay: string) =>
  Date.parse(`2026-${monthDay}T00:00:00Z`) / (24 * 60 * 60 * 1000);

const fact = (entityRef: string, observedAt: string): RepoFactEvent => ({
  type: 'repo_fact',
  source: 'github',
  entityRef,
  fact: 'codeowners',
  value: true,
  observedAt: at(observedAt),
});

describe('readFirstEventDays', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives the day of each entity’s earliest event of any kind, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      await events.ingest([
        build(SHOP, 'B1', 'success', '03-10 10:00', '03-10 10:05'),
        deployment(SHOP, 'D1', 'production', '03-07 10:00', '03-07 10:10'),
        // A pull request is ordered by when it opened (03-05), not by its
        // first commit (03-01).
        pullRequest(SHOP, 'P1', {
          authored: '03-01 08:00',
          opened: '03-05 09:00',
          merged: '03-06 09:30',
        }),
        fact(SHOP, '03-20 00:00'),
        // The incident is the earliest; late in its UTC day.
        incident(PAGED, 'I1', '02-20 23:59'),
        build(PAGED, 'B2', 'failure', '02-21 00:01', '02-21 00:05'),
        fact(DOCS, '01-15 12:00'),
      ]);

      const firstDays = await readFirstEventDays(knex, [
        SHOP,
        PAGED,
        DOCS,
        NEVER,
      ]);
      expect(Object.fromEntries(firstDays)).toEqual({
        [SHOP]: day('03-05'),
        [PAGED]: day('02-20'),
        [DOCS]: day('01-15'),
      });
      await expect(readFirstEventDays(knex, [])).resolves.toEqual(new Map());
    },
  );
});
