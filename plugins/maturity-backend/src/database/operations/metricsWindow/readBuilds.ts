import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { toFlag, toOptionalNumber, windowBindings } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

/** A CI run as the CI metrics read it. */
export interface BuildRecord {
  id: number;
  entityRef: string;
  pipeline?: string;
  branch?: string;
  isDefaultBranch: boolean;
  trigger?: string;
  status: string;
  startedAt: number;
  finishedAt?: number;
  /** Kinds of step the run had (`unit-test`, `sast`, ...); shared between runs. */
  steps: readonly string[];
}

const NO_STEPS: readonly string[] = Object.freeze([]);

/**
 * Step lists repeat across a pipeline's runs: each distinct list is parsed
 * once per read and shared by the runs that have it.
 */
function stepListParser(): (json: unknown) => readonly string[] {
  const parsed = new Map<string, readonly string[]>();
  return json => {
    if (typeof json !== 'string' || json === '') return NO_STEPS;
    let steps = parsed.get(json);
    if (!steps) {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        value = [];
      }
      steps = Object.freeze(
        Array.isArray(value)
          ? value.filter((s): s is string => typeof s === 'string')
          : [],
      );
      parsed.set(json, steps);
    }
    return steps;
  };
}

/**
 * The batch's CI runs started in the window, each entity's oldest first (a
 * run occurs when it starts, so the entity-time index gives the order
 * without a sort), with their step kinds. One statement.
 */
export async function readBuilds(
  db: Knex,
  window: MetricsWindow,
): Promise<BuildRecord[]> {
  const stepsOf = stepListParser();
  return selectBatchRows(
    db,
    {
      sql: `
      select id, entity_ref, pipeline, branch, is_default_branch, trigger,
        status, started_at, finished_at, steps, occurred_at
      from builds
      where entity_ref in (:entities)
        and occurred_at >= :from and occurred_at < :to
      `,
      bindings: windowBindings(db, window),
      columns: [
        'id',
        'entity_ref',
        'pipeline',
        'branch',
        'is_default_branch',
        'trigger',
        'status',
        'started_at',
        'finished_at',
        'steps',
        'occurred_at',
      ],
      orderBy: 'entity_ref, occurred_at, id',
    },
    row => ({
      id: Number(row.id),
      entityRef: String(row.entity_ref),
      pipeline: (row.pipeline as string | null) ?? undefined,
      branch: (row.branch as string | null) ?? undefined,
      isDefaultBranch: toFlag(row.is_default_branch) ?? false,
      trigger: (row.trigger as string | null) ?? undefined,
      status: String(row.status),
      startedAt: Number(row.started_at),
      finishedAt: toOptionalNumber(row.finished_at),
      steps: stepsOf(row.steps),
    }),
  );
}
