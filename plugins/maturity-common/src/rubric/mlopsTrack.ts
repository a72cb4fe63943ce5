import { CheckResult, MlopsResult } from '../scorecard';
import { RubricEntity } from './EvaluationInput';
import { RubricMlopsTrack } from './Rubric';
import {
  MLOPS_SCORED_SHARE,
  evaluateLevel,
  ladderLevel,
} from './levelMechanics';

/**
 * Whether the MLOps track applies: the entity's `spec.type` or one of its
 * tags is listed in the track's `appliesTo`.
 * @public
 */
export function isMlEntity(
  entity: RubricEntity,
  track: RubricMlopsTrack,
): boolean {
  return (
    (entity.type !== undefined &&
      track.appliesTo.types.includes(entity.type)) ||
    entity.tags.some(tag => track.appliesTo.tags.includes(tag))
  );
}

/**
 * Google's MLOps level from the track's evaluated checks: a level is met when
 * its required check and every applicable scored check are met, and levels
 * form a strict ladder (level 2 needs level 1).
 * @public
 */
export function mlopsLevel(
  track: RubricMlopsTrack,
  checks: ReadonlyArray<
    Pick<CheckResult, 'category' | 'level' | 'required' | 'state'>
  >,
): MlopsResult {
  const levels = track.levels.map(l =>
    evaluateLevel(
      l.level,
      checks.filter(c => c.category === 'mlops' && c.level === l.level),
      MLOPS_SCORED_SHARE,
    ),
  );
  return { level: Math.min(ladderLevel(levels), 2) as MlopsResult['level'] };
}
