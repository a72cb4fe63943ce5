import {
  CategoryId,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** An entity's held levels: each category's and the overall level. */
export interface HeldLevelSet {
  overall: MaturityLevel;
  categories: Record<CategoryId, MaturityLevel>;
}

/** One held level that moved: a category's or the overall level. */
export interface LevelChange {
  entityRef: string;
  category: CategoryId | 'overall';
  from: MaturityLevel;
  to: MaturityLevel;
}

/** A check failing now that did not fail in the entity's previous scorecard. */
export interface NewlyFailingCheck {
  checkId: string;
  /** The check a level cannot be met without. */
  required: boolean;
}

/** One evaluated entity of a saved batch, as a listener sees it. */
export interface SavedEntityLevels {
  entityRef: string;
  ownerRef?: string;
  /** Held levels before this evaluation; absent on an entity's first one. */
  before?: HeldLevelSet;
  after: HeldLevelSet;
  /** Empty on an entity's first evaluation (nothing to compare with). */
  newlyFailingChecks: NewlyFailingCheck[];
}

/** What one saved batch of the latest evaluation changed. */
export interface SavedLevelsBatch {
  evaluatedAt: Date;
  entities: SavedEntityLevels[];
  /** Every held level that moved in the batch (rises and drops). */
  changes: LevelChange[];
}

/**
 * Told after each batch of the latest evaluation is saved (not for
 * backfilled history), e.g. to notify owners of level drops. Called once per
 * batch, after its transaction committed; what a listener throws is logged
 * and never fails the evaluation run, so a listener that must not lose a
 * notice keeps it itself (e.g. stores it before sending).
 */
export interface LevelChangeListener {
  levelsSaved(batch: SavedLevelsBatch): Promise<void>;
}

/** The default: nobody listens. */
export const noLevelChangeListener: LevelChangeListener = {
  async levelsSaved() {},
};
