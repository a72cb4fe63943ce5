import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { readRollup } from './operations/rollups/readRollup';
import { readRollupsBuilt } from './operations/rollups/readRollupsBuilt';
import { readSubgroups } from './operations/rollups/readSubgroups';
import { replaceRollups } from './operations/rollups/replaceRollups';
import { RollupStore } from './RollupStore';

/**
 * The rollups on the plugin's own database: each method one operation of
 * database/operations.
 * @internal
 */
export class DatabaseRollupStore implements RollupStore {
  constructor(private readonly db: Knex) {}

  replaceRollups(rollups: Rollup[]) {
    return replaceRollups(this.db, rollups);
  }

  getRollup(scopeRef: string) {
    return readRollup(this.db, scopeRef);
  }

  readSubgroups(groupRefs: string[]) {
    return readSubgroups(this.db, groupRefs);
  }

  rollupsBuilt() {
    return readRollupsBuilt(this.db);
  }
}
