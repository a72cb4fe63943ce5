import {
  applyHeldLevels,
  CATEGORY_IDS,
  CategoryId,
  HeldLevelsState,
  MaturityLevel,
  medianLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EvaluationRecord, PreviousLevels } from '../database/ScorecardStore';
import {
  HeldLevelSet,
  LevelChange,
  SavedEntityLevels,
} from './LevelChangeListener';

function levelSetOf(
  levels: Partial<Record<CategoryId, MaturityLevel>>,
): HeldLevelSet {
  const categories = {} as Record<CategoryId, MaturityLevel>;
  for (const id of CATEGORY_IDS) categories[id] = levels[id] ?? 0;
  return { overall: medianLevel(Object.values(categories)), categories };
}

function heldLevelSet(held: HeldLevelsState): HeldLevelSet {
  const levels: Partial<Record<CategoryId, MaturityLevel>> = {};
  for (const id of CATEGORY_IDS) levels[id] = held[id]?.level;
  return levelSetOf(levels);
}

function changesOf(
  entityRef: string,
  before: HeldLevelSet,
  after: HeldLevelSet,
): LevelChange[] {
  const changes: LevelChange[] = [];
  for (const id of CATEGORY_IDS) {
    const [from, to] = [before.categories[id], after.categories[id]];
    if (from !== to) changes.push({ entityRef, category: id, from, to });
  }
  if (before.overall !== after.overall) {
    changes.push({
      entityRef,
      category: 'overall',
      from: before.overall,
      to: after.overall,
    });
  }
  return changes;
}

/**
 * The latest evaluation's holding stage, pure: each record's scorecard with
 * its levels held (see applyHeldLevels) against what its previous scorecard
 * held, the state to store, and what changed for a LevelChangeListener.
 * A scorecard stored before levels were held starts held at its own raw
 * levels (nothing to hold from); such an entity, or one evaluated for the
 * first time, has no `before` and no changes; one whose previous check
 * states were not read (nobody listens) has no newly failing checks.
 * Without a listener (`listening` false) the entities and changes are not
 * worked out: both come back empty.
 */
export function holdLevels(
  records: EvaluationRecord[],
  previous: ReadonlyMap<string, PreviousLevels>,
  options: { dropAfterDays: number; listening: boolean },
): {
  records: EvaluationRecord[];
  entities: SavedEntityLevels[];
  changes: LevelChange[];
} {
  const entities: SavedEntityLevels[] = [];
  const changes: LevelChange[] = [];
  const held = records.map(record => {
    const ref = record.subject.entityRef;
    const last = previous.get(ref);
    const { scorecard, held: state } = applyHeldLevels(
      record.scorecard,
      last?.held,
      options,
    );
    const heldRecord = { ...record, scorecard, held: state };
    if (!options.listening) return heldRecord;
    const after = heldLevelSet(state);
    const entity: SavedEntityLevels = {
      entityRef: ref,
      after,
      newlyFailingChecks: [],
    };
    if (record.subject.ownerRef) entity.ownerRef = record.subject.ownerRef;
    if (last?.held) {
      entity.before = heldLevelSet(last.held);
      changes.push(...changesOf(ref, entity.before, after));
    }
    const checkStates = last?.checkStates;
    if (checkStates) {
      // Advisory checks do not count, so their failing is no news yet.
      entity.newlyFailingChecks = scorecard.checks
        .filter(
          c =>
            c.state === 'fail' &&
            !c.countsFrom &&
            checkStates[c.checkId] !== 'fail',
        )
        .map(c => ({ checkId: c.checkId, required: c.required }));
    }
    entities.push(entity);
    return heldRecord;
  });
  return { records: held, entities, changes };
}
