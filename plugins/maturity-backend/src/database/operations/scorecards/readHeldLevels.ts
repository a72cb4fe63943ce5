import { CheckState } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { fromHeldLevelsColumn } from '../../heldLevelsColumn';
import { PreviousLevels } from '../../ScorecardStore';

/**
 * What the latest scorecards of a batch's entities held: each category's
 * held state, for the holding rule, and with `checkStates` each check's
 * state, to tell newly failing checks (a document of every check, read and
 * parsed only for a listener to level changes). One statement per thousand
 * entities (by the primary key); entities without a scorecard are left out.
 */
export async function readHeldLevels(
  db: Knex,
  entityRefs: string[],
  options: { checkStates: boolean },
): Promise<Map<string, PreviousLevels>> {
  const previous = new Map<string, PreviousLevels>();
  const columns = ['entity_ref', 'held_levels'];
  if (options.checkStates) columns.push('check_states');
  for (const batch of chunks(entityRefs, 1000)) {
    const rows: Array<{
      entity_ref: string;
      held_levels: string | null;
      check_states?: string;
    }> = await db('scorecards').whereIn('entity_ref', batch).select(columns);
    for (const row of rows) {
      const levels: PreviousLevels = {
        held: fromHeldLevelsColumn(row.held_levels),
      };
      if (row.check_states !== undefined) {
        levels.checkStates = JSON.parse(row.check_states) as Record<
          string,
          CheckState
        >;
      }
      previous.set(row.entity_ref, levels);
    }
  }
  return previous;
}
