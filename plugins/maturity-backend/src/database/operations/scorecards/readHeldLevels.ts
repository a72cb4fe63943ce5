import { CheckState } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { fromHeldLevelsColumn } from '../../heldLevelsColumn';
import { PreviousLevels } from '../../ScorecardStore';

/**
 * What the latest scorecards of a batch's entities held: each category's
 * held state and each check's state, for the holding rule and to tell
 * newly failing checks. One statement per thousand entities (by the
 * primary key); entities without a scorecard are left out.
 */
export async function readHeldLevels(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, PreviousLevels>> {
  const previous = new Map<string, PreviousLevels>();
  for (const batch of chunks(entityRefs, 1000)) {
    const rows: Array<{
      entity_ref: string;
      held_levels: string | null;
      check_states: string;
    }> = await db('scorecards')
      .whereIn('entity_ref', batch)
      .select('entity_ref', 'held_levels', 'check_states');
    for (const row of rows) {
      previous.set(row.entity_ref, {
        held: fromHeldLevelsColumn(row.held_levels),
        checkStates: JSON.parse(row.check_states) as Record<string, CheckState>,
      });
    }
  }
  return previous;
}
