import { Knex } from 'knex';
import { completeShard } from './operations/shardCompletions/completeShard';
import { ShardCompletions } from './ShardCompletions';

/**
 * Shard completions on the plugin's own database.
 * @internal
 */
export class DatabaseShardCompletions implements ShardCompletions {
  constructor(private readonly db: Knex) {}

  completeShard(index: number, count: number, at: Date) {
    return completeShard(this.db, index, count, at);
  }
}
