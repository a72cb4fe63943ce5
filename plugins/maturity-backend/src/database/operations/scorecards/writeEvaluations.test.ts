import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { records } from '../../__testUtils__/sampleEvaluations';
import { RubricCheckDefinitions } from '../../RubricCheckDefinitions';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { writeEvaluations } from './writeEvaluations';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';
/** 2026-11-23 in days since 1970-01-01. */
const DAY = 20780;
const MORNING = Date.parse('2026-11-23T10:00:00Z');
const AFTERNOON = Date.parse('2026-11-23T15:00:00Z');

describe('writeEvaluations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "writes each entity's latest scorecard, metrics and day's history point, replacing earlier ones, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const definitions = new RubricCheckDefinitions(knex);
      await writeEvaluations(knex, definitions, records, new Date(MORNING));
      // The same day, later: checkout-api at level 5 everywhere.
      await writeEvaluations(
        knex,
        definitions,
        [makeEvaluation(CHECKOUT, { levels: [5, 5, 5, 5, 5] })],
        new Date(AFTERNOON),
      );

      const scorecards = await knex('scorecards')
        .orderBy('entity_ref')
        .select('entity_ref', 'overall_level', 'evaluated_at');
      // Overall: the median category level (3 of 3,2,3,2,3 and so on).
      expect(
        scorecards.map(row => [
          row.entity_ref,
          Number(row.overall_level),
          Number(row.evaluated_at),
        ]),
      ).toEqual([
        [CHECKOUT, 5, AFTERNOON],
        ['component:default/invoice-generator', 1, MORNING],
        ['component:default/ledger-service', 4, MORNING],
      ]);
      const metrics = await knex('entity_metrics')
        .orderBy('entity_ref')
        .select('entity_ref', 'evaluated_at');
      expect(
        metrics.map(row => [row.entity_ref, Number(row.evaluated_at)]),
      ).toEqual([
        [CHECKOUT, AFTERNOON],
        ['component:default/invoice-generator', MORNING],
        ['component:default/ledger-service', MORNING],
      ]);
      // One point per entity for the day: checkout-api's is its latest.
      const history = await knex('scorecard_history')
        .orderBy('entity_ref')
        .select('entity_ref', 'day', 'overall_level');
      expect(
        history.map(row => [
          row.entity_ref,
          Number(row.day),
          Number(row.overall_level),
        ]),
      ).toEqual([
        [CHECKOUT, DAY, 5],
        ['component:default/invoice-generator', DAY, 1],
        ['component:default/ledger-service', DAY, 4],
      ]);
      // The failing checks' definitions, once each for the rubric version.
      await expect(
        knex('rubric_checks')
          .orderBy('check_id')
          .select('rubric_version', 'check_id'),
      ).resolves.toEqual([
        { rubric_version: 'test-1', check_id: 'build-deploy.4.ci-success' },
        { rubric_version: 'test-1', check_id: 'test.1.tests' },
      ]);
    },
  );
  it.each(databases.eachSupportedId())(
    "writes each entity's catalog tags, lower case, as a JSON array, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const tagged = makeEvaluation(CHECKOUT, { levels: [3, 3, 3, 3, 3] });
      tagged.subject.tags = ['Java', 'pci-dss'];
      const untagged = makeEvaluation('component:default/ledger-service', {
        levels: [3, 3, 3, 3, 3],
      });
      await writeEvaluations(
        knex,
        new RubricCheckDefinitions(knex),
        [tagged, untagged],
        new Date(MORNING),
      );

      const rows = await knex('scorecards')
        .orderBy('entity_ref')
        .select('entity_ref', 'tags');
      expect(rows).toEqual([
        { entity_ref: CHECKOUT, tags: '["java","pci-dss"]' },
        { entity_ref: 'component:default/ledger-service', tags: '[]' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'commits new check definitions before the save, which stays all or nothing, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      // The save fails after writing scorecards: its metrics table is gone.
      await knex.schema.dropTable('entity_metrics');

      await expect(
        writeEvaluations(
          knex,
          new RubricCheckDefinitions(knex),
          records,
          new Date(MORNING),
        ),
      ).rejects.toThrow();

      // Nothing of the save is kept; the definitions were committed on their
      // own first, so no replica's save waits on another's for them.
      const [{ n }] = await knex('scorecards').count({ n: '*' });
      expect(Number(n)).toBe(0);
      await expect(
        knex('rubric_checks').orderBy('check_id').pluck('check_id'),
      ).resolves.toEqual(['build-deploy.4.ci-success', 'test.1.tests']);
    },
  );

  it.each(databases.eachSupportedId())(
    'stamps history points with the time of the write and stores known definitions once, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const definitions = new RubricCheckDefinitions(knex);
      const written = Date.parse('2026-11-23T10:07:00Z');
      await writeEvaluations(
        knex,
        definitions,
        records,
        new Date(MORNING),
        new Date(written),
      );
      const writtenAt = async () =>
        (await knex('scorecard_history').pluck('written_at')).map(Number);
      expect(await writtenAt()).toEqual([written, written, written]);

      const statements: string[] = [];
      const listen = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listen);
      await writeEvaluations(knex, definitions, records, new Date(AFTERNOON));
      knex.removeListener('query', listen);

      // Written again that day: the write's time replaces the first (no
      // clock given here, so the evaluation's).
      expect(await writtenAt()).toEqual([AFTERNOON, AFTERNOON, AFTERNOON]);
      // No statement touches the definitions this process stored already,
      // nor opens a transaction for them: one save transaction.
      expect(statements.filter(sql => /rubric_checks/.test(sql))).toEqual([]);
      expect(
        statements.filter(sql => /^(begin|BEGIN)/.test(sql)).length,
      ).toBeLessThanOrEqual(1);
    },
  );
});
