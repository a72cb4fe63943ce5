import { ConfigReader } from '@backstage/config';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { readEvaluationConfig } from './readEvaluationConfig';

describe('readEvaluationConfig', () => {
  it('uses the defaults when nothing is configured', () => {
    const config = readEvaluationConfig(new ConfigReader({}));
    expect(config).toMatchObject({
      rubric: defaultRubric,
      windowDays: 90,
      batchSize: 500,
      kinds: ['Component'],
      nonDeployableTypes: ['library'],
      historyBackfillDays: 0,
      historyBackfillIntervalDays: 1,
      schedule: { frequency: { hours: 1 } },
    });
  });

  it('reads the schedule, window, kinds and rubric overrides', () => {
    const config = readEvaluationConfig(
      new ConfigReader({
        maturity: {
          evaluation: {
            schedule: { frequency: { minutes: 15 }, timeout: { minutes: 10 } },
            windowDays: 30,
            kinds: ['Component', 'Resource'],
            historyBackfillDays: 120,
          },
          rubric: {
            checks: {
              'build-deploy.3.automated-prod-deploys': { threshold: 0.5 },
            },
          },
        },
      }),
    );
    expect(config.schedule).toEqual({
      frequency: { minutes: 15 },
      timeout: { minutes: 10 },
    });
    expect(config).toMatchObject({ windowDays: 30, historyBackfillDays: 120 });
    expect(config.kinds).toEqual(['Component', 'Resource']);
    expect(config.rubric.version).not.toBe(defaultRubric.version);
  });

  it('splits the full evaluation into 4 shards of 10 minutes at most by default, or as configured', () => {
    const defaults = readEvaluationConfig(new ConfigReader({}));
    expect(defaults.shards).toBe(4);
    expect(defaults.schedule.timeout).toEqual({ minutes: 10 });
    expect(
      readEvaluationConfig(
        new ConfigReader({ maturity: { evaluation: { shards: 2 } } }),
      ).shards,
    ).toBe(2);
    expect(() =>
      readEvaluationConfig(
        new ConfigReader({ maturity: { evaluation: { shards: 0 } } }),
      ),
    ).toThrow(/maturity\.evaluation\.shards/);
  });

  it('holds levels 3 days and keeps changed checks advisory 14 days by default, or as configured', () => {
    const defaults = readEvaluationConfig(new ConfigReader({}));
    expect(defaults.levelDropAfterDays).toBe(3);
    expect(defaults.advisoryDays).toBe(14);
    const configured = readEvaluationConfig(
      new ConfigReader({
        maturity: { evaluation: { levelDropAfterDays: 1, advisoryDays: 0 } },
      }),
    );
    expect(configured.levelDropAfterDays).toBe(1);
    expect(configured.advisoryDays).toBe(0);
    expect(() =>
      readEvaluationConfig(
        new ConfigReader({
          maturity: { evaluation: { levelDropAfterDays: 0 } },
        }),
      ),
    ).toThrow(/maturity\.evaluation\.levelDropAfterDays/);
    expect(() =>
      readEvaluationConfig(
        new ConfigReader({ maturity: { evaluation: { advisoryDays: 1.5 } } }),
      ),
    ).toThrow(/maturity\.evaluation\.advisoryDays/);
  });

  it('stops start-up on bad values, naming the key', () => {
    expect(() =>
      readEvaluationConfig(
        new ConfigReader({ maturity: { evaluation: { windowDays: 0 } } }),
      ),
    ).toThrow(/maturity\.evaluation\.windowDays/);
    expect(() =>
      readEvaluationConfig(
        new ConfigReader({ maturity: { evaluation: { batchSize: 1001 } } }),
      ),
    ).toThrow(
      'Invalid config at maturity.evaluation.batchSize: must be an integer from 1 to 1000, got 1001',
    );
    expect(
      readEvaluationConfig(
        new ConfigReader({ maturity: { evaluation: { batchSize: 1000 } } }),
      ).batchSize,
    ).toBe(1000);
    expect(() =>
      readEvaluationConfig(
        new ConfigReader({
          maturity: {
            rubric: { checks: { 'no.such.check': { threshold: 1 } } },
          },
        }),
      ),
    ).toThrow(/maturity\.rubric\.checks/);
  });

  it('accepts the override example of the README', () => {
    const config = readEvaluationConfig(
      new ConfigReader({
        maturity: {
          rubric: {
            checks: {
              'build-deploy.3.automated-prod-deploys': { threshold: 0.9 },
              'design.4.independent-deploys': { enabled: false },
            },
            addChecks: [
              {
                id: 'security.sbom',
                category: 'test',
                level: 4,
                title: 'SBOM published',
                howToFix: 'Publish an SBOM from the release pipeline.',
                rule: { kind: 'fact', fact: 'sbom-published' },
              },
            ],
          },
        },
      }),
    );
    const checks = config.rubric.categories.flatMap(c =>
      c.levels.flatMap(l => l.checks),
    );
    expect(checks.find(c => c.id === 'security.sbom')).toMatchObject({
      level: 4,
      required: false,
    });
    expect(
      checks.find(c => c.id === 'design.4.independent-deploys')?.enabled,
    ).toBe(false);
  });
});
