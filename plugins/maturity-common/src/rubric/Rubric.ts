import { CategoryId, MaturityLevel, ThresholdSource } from '../scorecard';
import { CheckRule } from './CheckRule';

/**
 * One check of the rubric: what it looks at (`rule`), which level it belongs
 * to and whether that level can be met without it.
 * @public
 */
export interface RubricCheck {
  /** Stable id, `<category>.<level>.<slug>`, e.g. `build-deploy.3.automated-prod-deploys`. */
  id: string;
  title: string;
  category: CategoryId | 'mlops';
  level: MaturityLevel;
  /** The one check per level that the level cannot be met without. */
  required: boolean;
  source: ThresholdSource;
  /** One actionable sentence. */
  howToFix: string;
  /** Disabled checks are not evaluated at all. */
  enabled: boolean;
  rule: CheckRule;
}

/** The checks of one level of a category or track. @public */
export interface RubricLevel {
  level: MaturityLevel;
  checks: RubricCheck[];
}

/** One of the five CDMM categories with its levels 1 to 5. @public */
export interface RubricCategory {
  id: CategoryId;
  title: string;
  levels: RubricLevel[];
}

/**
 * Google's MLOps levels, evaluated only for ML entities. Levels 1 and 2 are
 * met when their required check and every applicable scored check pass:
 * MLOps levels are defined by having all their capabilities.
 * @public
 */
export interface RubricMlopsTrack {
  /** The track applies to entities of these `spec.type`s or with these tags. */
  appliesTo: { types: string[]; tags: string[] };
  levels: RubricLevel[];
}

/**
 * A complete rubric. `version` is `<edition>-<content hash>`, so any change
 * to the checks, thresholds or rules yields a new version.
 * @public
 */
export interface Rubric {
  version: string;
  categories: RubricCategory[];
  mlops: RubricMlopsTrack;
}
