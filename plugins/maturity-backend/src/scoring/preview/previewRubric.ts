import { InputError } from '@backstage/errors';
import {
  EvaluationInput,
  Rubric,
  RubricPreview,
  applyRubricOverrides,
  defaultRubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  RubricPreviewReader,
  RubricPreviewRow,
} from '../../database/RubricPreviewReader';
import { yieldToEventLoop } from '../../database/yieldToEventLoop';
import { compareRubrics } from './compareRubrics';
import { previewEntity } from './previewEntity';
import { RubricPreviewTally } from './RubricPreviewTally';

/**
 * The rubric a proposed `maturity.rubric` override gives, validated as
 * app-config's is; a 400 naming the body path of the first problem, e.g.
 * `rubric.checks.test.3.e2e-tests.threshold: must be a number`.
 */
export function proposedRubric(overrides: unknown): Rubric {
  try {
    return applyRubricOverrides(defaultRubric, overrides, 'rubric');
  } catch (error) {
    throw new InputError(
      error instanceof Error ? error.message : 'rubric: invalid',
    );
  }
}

/** The evaluation input an entity's evaluation stored, if it stored one. */
function storedInput(row: RubricPreviewRow): EvaluationInput | undefined {
  if (!row.inputs) return undefined;
  const now = row.evaluatedAt.toISOString();
  return {
    ...row.inputs,
    metrics: row.metrics?.metrics ?? {},
    // Exempt checks keep their stored state; no waiver is evaluated again.
    exemptions: [],
    now,
    window: { from: row.metrics?.from ?? now, to: row.metrics?.to ?? now },
  };
}

/**
 * Previews what a proposed rubric override would do to every evaluated
 * entity's levels, from the stored results alone: read in batches, each
 * entity evaluated in memory and added to the totals, only the asked page
 * of affected entities kept.
 */
export async function previewRubric(
  reader: RubricPreviewReader,
  options: {
    current: Rubric;
    /** The active rubric's checks advisory now (see advisoryChecksOn). */
    advisoryChecks: ReadonlySet<string>;
    overrides: unknown;
    limit: number;
    offset: number;
  },
): Promise<RubricPreview> {
  const { current } = options;
  const proposed = proposedRubric(options.overrides);
  const comparison = compareRubrics(current, proposed);
  const context = {
    current,
    proposed,
    comparison,
    advisoryChecks: options.advisoryChecks,
  };
  const tally = new RubricPreviewTally(comparison, options);
  const needsInputs = comparison.reevaluate.length > 0;
  for await (const batch of reader.readPreviewRows({
    withMetrics: comparison.readsMetrics,
    withInputs: needsInputs,
  })) {
    for (const row of batch) {
      tally.add(
        row,
        previewEntity(context, {
          checkStates: row.checkStates,
          isMl: row.isMl,
          input: needsInputs ? storedInput(row) : undefined,
        }),
      );
    }
    // Other requests run between batches.
    await yieldToEventLoop();
  }
  return tally.result({
    current: current.version,
    proposed: proposed.version,
  });
}
