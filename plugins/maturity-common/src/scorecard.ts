import type { Exemption } from './wire';
import { EvidenceId, MetricStatus } from './metrics';

/**
 * The outcome of one check. Only `pass` and `exempt` count as met;
 * `not-applicable` is left out; `insufficient-data` is its own state, never a
 * fail.
 * @public
 */
export type CheckState =
  | 'pass'
  | 'fail'
  | 'not-applicable'
  | 'insufficient-data'
  | 'exempt';

/** Where a default threshold comes from, shown beside it. @public */
export type ThresholdSource =
  | 'CDMM'
  | 'DORA-2024'
  | 'FourKeys'
  | 'DevLake'
  | 'MLOps'
  | 'heuristic';

/** The five Continuous Delivery Maturity Model categories. @public */
export const CATEGORY_IDS = [
  'culture',
  'design',
  'build-deploy',
  'test',
  'information',
] as const;

/** @public */
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** 0 none, 1 Base, 2 Beginner, 3 Intermediate, 4 Advanced, 5 Expert. @public */
export type MaturityLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** @public */
export const LEVEL_NAMES: Record<MaturityLevel, string> = {
  0: 'None',
  1: 'Base',
  2: 'Beginner',
  3: 'Intermediate',
  4: 'Advanced',
  5: 'Expert',
};

/** One check's result, with everything needed to explain it. @public */
export interface CheckResult {
  checkId: string;
  title: string;
  category: CategoryId | 'mlops';
  level: MaturityLevel;
  /** The one check a level cannot be met without. */
  required: boolean;
  state: CheckState;
  /** Human explanation of the outcome, e.g. "4.2 deploy-days/week ≥ 3". */
  message: string;
  /** The values the check looked at (metric values, facts). */
  observed: Record<string, number | string | boolean | null>;
  /** The threshold as configured, e.g. "\>= 0.8". Absent for fact checks. */
  threshold?: string;
  source: ThresholdSource;
  howToFix: string;
  /** Ids of the events behind the observed values, most relevant first. */
  evidence: EvidenceId[];
  /** Set when the state is `exempt`. */
  exemption?: Exemption;
  /**
   * Set when the state is `exempt`: the state the check's data gave, which
   * the exemption replaced. Absent in scorecards evaluated before it was
   * kept.
   */
  stateWithoutWaiver?: Exclude<CheckState, 'exempt'>;
  /**
   * Set while the check is advisory (new, or its rule changed, in a recent
   * rubric change): the UTC day (`YYYY-MM-DD`) from which it counts in
   * levels. Until then it is shown with its state and not counted.
   */
  countsFrom?: string;
}

/** Whether one level of a category is met. @public */
export interface LevelResult {
  level: MaturityLevel;
  /** R passed (or exempt) and at least 2/3 of applicable scored checks passed. */
  met: boolean;
  /** The level could not be judged because its required check lacks data. */
  insufficientData: boolean;
  passedScored: number;
  applicableScored: number;
}

/** @public */
export interface CategoryResult {
  category: CategoryId;
  /**
   * The held level: the highest L such that every level up to L is met,
   * except that a drop counts only after it was found on several days in a
   * row (see `atRisk`).
   */
  level: MaturityLevel;
  /** The level today's checks alone give; absent on an unheld scorecard. */
  rawLevel?: MaturityLevel;
  /** Set while the held level is above the raw one. */
  atRisk?: CategoryAtRisk;
  levels: LevelResult[];
}

/** A category held above its raw level, and when it would drop. @public */
export interface CategoryAtRisk {
  /** On how many UTC days in a row the evaluation found it below. */
  belowDays: number;
  /** The UTC day (`YYYY-MM-DD`) it drops if still below then. */
  dropsOn: string;
  /** The unmet checks of the levels between the raw and the held level. */
  checks: string[];
}

/**
 * DORA performance band of one delivery metric. `none` is below `low`: only
 * deployment frequency has it, for an entity with a deploy source but no
 * production deploy in 180 days.
 * @public
 */
export type DoraBand = 'none' | 'low' | 'medium' | 'high' | 'elite';

/** @public */
export interface DoraMetricResult {
  metricId: string;
  value: number | null;
  status: MetricStatus;
  sampleSize: number;
  band: DoraBand | null;
}

/** DORA delivery performance, shown beside the practice level. @public */
export interface DeliveryPerformance {
  deploymentFrequency: DoraMetricResult;
  leadTime: DoraMetricResult;
  changeFailureRate: DoraMetricResult;
  recoveryTime: DoraMetricResult;
  /** Shown, not banded. */
  reworkRate: DoraMetricResult;
  /**
   * The lowest band of the banded metrics; null if deployment frequency,
   * lead time or change failure rate lacks data. Recovery time counts when
   * it has a band (it needs several recovered failures).
   */
  overallBand: DoraBand | null;
}

/**
 * The levels an entity would have if its exempt checks counted with the
 * state their data gave: the debt its waivers hide.
 * @public
 */
export interface LevelsWithoutWaivers {
  overallLevel: MaturityLevel;
  categoryLevels: Record<CategoryId, MaturityLevel>;
  /** Present for ML entities only. */
  mlopsLevel?: MlopsResult['level'];
}

/** Google's MLOps levels, for ML entities. @public */
export interface MlopsResult {
  level: 0 | 1 | 2;
}

/**
 * An entity's evaluated scorecard.
 * @public
 */
export interface Scorecard {
  entityRef: string;
  rubricVersion: string;
  evaluatedAt: string;
  window: { from: string; to: string };
  /** Median of the five (held) category levels. */
  overallLevel: MaturityLevel;
  /** Median of the raw category levels; absent on an unheld scorecard. */
  rawOverallLevel?: MaturityLevel;
  /** max − min of category levels ≥ 2. */
  imbalanced: boolean;
  categories: CategoryResult[];
  checks: CheckResult[];
  delivery: DeliveryPerformance;
  /** Present for ML entities only. */
  mlops?: MlopsResult;
  /**
   * The levels without the exemptions' help; equal to the levels when no
   * exempt check would fail. Absent in scorecards evaluated before it was
   * added.
   */
  levelsWithoutWaivers?: LevelsWithoutWaivers;
}
