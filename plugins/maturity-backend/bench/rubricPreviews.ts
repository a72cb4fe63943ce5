import { Rubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { performance } from 'node:perf_hooks';
import { RubricPreviewReader } from '../src/database/RubricPreviewReader';
import { previewRubric } from '../src/scoring/preview/previewRubric';

/** One rubric preview over every evaluated entity, timed. */
export interface RubricPreviewTiming {
  label: string;
  /** Median of the runs. */
  ms: number;
  compared: number;
  changed: number;
  notPreviewable: number;
}

/** The previews timed: a threshold change, and a change of flags alone. */
const PREVIEWS: Array<{ label: string; overrides: unknown }> = [
  {
    label:
      'threshold: build-deploy.4.ci-success-rate >= 0.95 (evaluated from stored metrics and inputs)',
    overrides: {
      checks: { 'build-deploy.4.ci-success-rate': { threshold: 0.95 } },
    },
  },
  {
    label:
      'disabled: build-deploy.3.green-at-merge (levels from stored check states alone)',
    overrides: {
      checks: { 'build-deploy.3.green-at-merge': { enabled: false } },
    },
  },
];

const RUNS = 3;

/**
 * Times `POST /v1/rubric/preview`'s work (without HTTP) after a full
 * evaluation: each preview `RUNS` times, the median kept.
 */
export async function measureRubricPreviews(
  reader: RubricPreviewReader,
  current: Rubric,
): Promise<RubricPreviewTiming[]> {
  const timings: RubricPreviewTiming[] = [];
  for (const { label, overrides } of PREVIEWS) {
    const times: number[] = [];
    let last;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      last = await previewRubric(reader, {
        current,
        // As after the advisory days of a first deployment: none.
        advisoryChecks: new Set(),
        overrides,
        limit: 50,
        offset: 0,
      });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    timings.push({
      label,
      ms: times[Math.floor(times.length / 2)],
      compared: last!.entitiesCompared,
      changed: last!.entitiesChanged,
      notPreviewable: last!.notPreviewable,
    });
  }
  return timings;
}
