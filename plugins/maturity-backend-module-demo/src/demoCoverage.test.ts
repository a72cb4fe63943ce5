import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real plugin evaluates with the real metrics and the default rubric.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import {
  defaultRubric,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEMO_ACTIVITY_TASK_ID } from './DemoSource';
import { maturityModuleDemo } from './module';

jest.setTimeout(180_000);

/**
 * The day the demo is shown: its activity is a year up to now, drawn day by
 * day, so every level depends on the date. Checked as of the run, as a
 * newcomer would open it that day (MATURITY_DEMO_AS_OF, an ISO time, checks
 * another day).
 */
const NOW = new Date(process.env.MATURITY_DEMO_AS_OF ?? Date.now());
const EXAMPLES = path.resolve(__dirname, '../../../examples');
/** The demo app's configuration, which chooses the kinds it scores. */
const APP_CONFIG = path.resolve(__dirname, '../../../app-config.yaml');

/** The example catalog `npm start` reads (examples/all.yaml's targets). */
function exampleCatalog(): Entity[] {
  return fs
    .readdirSync(EXAMPLES)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')),
    )
    .map(document => document.toJS() as Entity)
    .filter(entity => entity.kind !== 'Location');
}

/** The demo app's evaluation settings that decide what is scored and how. */
function demoEvaluationConfig(): {
  kinds: string[];
  nonDeployableTypes: string[];
} {
  const { kinds, nonDeployableTypes } = parse(
    fs.readFileSync(APP_CONFIG, 'utf8'),
  ).maturity.evaluation;
  return { kinds, nonDeployableTypes };
}

const rubricChecks = [
  ...defaultRubric.categories.flatMap(category => category.levels),
  ...defaultRubric.mlops.levels,
].flatMap(level => level.checks);

describe('the demo on the example catalog', () => {
  const catalog = exampleCatalog();
  const evaluation = demoEvaluationConfig();
  const scored = catalog.filter(entity =>
    evaluation.kinds.some(
      kind => kind.toLowerCase() === entity.kind.toLowerCase(),
    ),
  );
  /** Scorecards by entity name (the example catalog's names are unique). */
  const scorecards = new Map<string, Scorecard>();
  const ownerOf = (name: string) =>
    scored.find(e => e.metadata.name === name)!.spec!.owner;

  beforeAll(async () => {
    // Only the clock is fixed: the demo writes and the evaluation scores as
    // of NOW, while timers, I/O and the database run as usual.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        maturityPlugin,
        maturityModuleDemo,
        scheduler.factory,
        catalogServiceMock.factory({ entities: catalog }),
        mockServices.rootConfig.factory({
          data: {
            maturity: {
              demo: { enabled: true },
              // As the demo app: history from the raw events, here one
              // point, enough for the history check.
              evaluation: {
                ...evaluation,
                historyBackfillDays: 95,
                historyBackfillIntervalDays: 95,
                shards: 1,
                batchSize: 50,
              },
            },
          },
        }),
      ],
    });
    const tasks = () =>
      scheduler.scheduleTask.mock.calls.map(
        ([t]) => t as SchedulerServiceTaskInvocationDefinition,
      );
    const run = (task: SchedulerServiceTaskInvocationDefinition) =>
      task.fn(new AbortController().signal);
    await run(tasks().find(t => t.id === DEMO_ACTIVITY_TASK_ID)!);
    // The full evaluation, in as many shards as configured.
    const shards = tasks().filter(t =>
      t.id.startsWith('maturity-evaluate-all'),
    );
    if (shards.length === 0) throw new Error('No evaluation scheduled');
    for (const shard of shards) await run(shard);

    for (const entity of scored) {
      const res = await fetch(
        `http://localhost:${backend.server.port()}/api/maturity/v1/entities/${entity.kind.toLowerCase()}/default/${
          entity.metadata.name
        }/scorecard`,
        { headers: { Authorization: mockCredentials.service.header() } },
      );
      if (!res.ok) {
        throw new Error(
          `${entity.metadata.name}: ${res.status} ${res.statusText}`,
        );
      }
      if (scorecards.has(entity.metadata.name)) {
        throw new Error(`${entity.metadata.name}: two scored entities`);
      }
      scorecards.set(entity.metadata.name, (await res.json()) as Scorecard);
    }
  });

  afterAll(() => {
    jest.useRealTimers();
  });

  /** Entity names by the state of one check. */
  function statesOf(checkId: string): Record<string, string[]> {
    const states: Record<string, string[]> = {};
    for (const [name, scorecard] of scorecards) {
      const check = scorecard.checks.find(c => c.checkId === checkId);
      if (check) (states[check.state] ??= []).push(name);
    }
    return states;
  }

  it('shows every check of the default rubric passing somewhere and failing or not applicable elsewhere', () => {
    const unreachable: string[] = [];
    for (const check of rubricChecks) {
      const states = statesOf(check.id);
      const passing = states.pass?.length ?? 0;
      const notMet =
        (states.fail?.length ?? 0) + (states['not-applicable']?.length ?? 0);
      if (check.rule.kind === 'not-measured') {
        // Nothing reports what it needs yet: not applicable everywhere.
        if (passing > 0) unreachable.push(`${check.id} passes`);
      } else if (passing === 0) {
        unreachable.push(`${check.id} passes nowhere`);
      } else if (notMet === 0) {
        unreachable.push(`${check.id} fails nowhere`);
      }
    }
    expect(unreachable).toEqual([]);
  });

  it('backfills history from each entity’s first event: the service begun 45 days ago lacks 90 days', () => {
    const states = statesOf('information.4.scorecard-history');
    // The demo writes no activity for Resources: no event, no backfill, so
    // their history starts with their first evaluation.
    const resources = scored
      .filter(entity => entity.kind === 'Resource')
      .map(entity => entity.metadata.name);
    expect(resources.length).toBeGreaterThan(0);
    expect(states.fail!.sort()).toEqual(
      ['visual-search-service', ...resources].sort(),
    );
    expect(states.pass!.length).toBeGreaterThan(30);
  });

  it('fails a Resource without a lifecycle, which the catalog lets no Component lack', () => {
    const states = statesOf('design.1.type-and-lifecycle');
    expect(states.fail).toEqual(['orders-db']);
    expect(states.pass).toContain('order-events-topic');
  });

  it('reaches every overall level from 1 to 5', () => {
    const overall = new Set<number>(
      [...scorecards.values()].map(scorecard => scorecard.overallLevel),
    );
    expect([1, 2, 3, 4, 5].filter(level => !overall.has(level))).toEqual([]);
  });

  it('takes the platform team to Advanced, with Expert categories', () => {
    const platform = [...scorecards.entries()].filter(
      ([name, scorecard]) =>
        ownerOf(name) === 'group:default/platform' &&
        scorecard.delivery.deploymentFrequency.status !== 'not-applicable',
    );
    expect(platform.length).toBeGreaterThan(0);
    for (const [name, scorecard] of platform) {
      expect([name, scorecard.overallLevel >= 4]).toEqual([name, true]);
    }
    expect(
      platform.some(([, scorecard]) =>
        scorecard.categories.some(category => category.level === 5),
      ),
    ).toBe(true);
  });

  it('leaves the demo campaign part met: the platform team meets it, checkout does not', () => {
    // The demo backend's campaign (packages/backend/src/demo/demoCampaign.ts):
    // deployed production components, both checks to pass.
    const goal = ['test.3.tests-required', 'test.4.e2e-gates-production'];
    const inScope = scored.filter(
      entity =>
        entity.kind === 'Component' &&
        entity.spec?.lifecycle === 'production' &&
        ['service', 'website'].includes(entity.spec?.type as string),
    );
    const meets = (name: string) =>
      goal.every(checkId =>
        ['pass', 'not-applicable'].includes(
          scorecards.get(name)!.checks.find(c => c.checkId === checkId)
            ?.state ?? 'not-applicable',
        ),
      );
    const meeting = inScope.filter(e => meets(e.metadata.name));
    const ownersOf = (entities: Entity[]) =>
      [...new Set(entities.map(e => e.spec!.owner as string))].sort();

    expect(meeting.length).toBeGreaterThan(0);
    expect(meeting.length).toBeLessThan(inScope.length);
    expect(ownersOf(meeting)).toContain('group:default/platform');
    const behind = inScope.filter(e => !meets(e.metadata.name));
    expect(ownersOf(behind)).toContain('group:default/checkout');
    expect(ownersOf(behind).length).toBeGreaterThan(2);
  });

  it('puts the ML team on every MLOps level', () => {
    const mlops = Object.fromEntries(
      [...scorecards.entries()]
        .filter(([, scorecard]) => scorecard.mlops)
        .map(([name, scorecard]) => [name, scorecard.mlops!.level]),
    );
    // The e2e test opens the training pipeline at level 2.
    expect(mlops).toEqual({
      'recommendation-model-training': 2,
      'recommendation-service': 1,
      'feature-store': 0,
      'ml-features-lib': 0,
    });
  });
});
