import { createHash } from 'node:crypto';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/**
 * One part of the full evaluation: the entities whose canonical ref hashes
 * to `index` modulo `count`. Each shard is its own scheduled task, so the
 * replicas share the full evaluation.
 */
export interface EvaluationShard {
  index: number;
  count: number;
}

/**
 * The shard an entity belongs to: a hash of its canonical ref (SHA-1, the
 * first 32 bits), so the assignment is the same on every replica and in
 * every release, whatever the catalog's order or the ref's spelling.
 */
export function shardOfEntity(
  ref: Parameters<typeof canonicalEntityRef>[0],
  count: number,
): number {
  const digest = createHash('sha1').update(canonicalEntityRef(ref)).digest();
  return digest.readUInt32BE(0) % count;
}

/** Whether an entity belongs to the shard (any entity, without a shard). */
export function inShard(
  ref: Parameters<typeof canonicalEntityRef>[0],
  shard: EvaluationShard | undefined,
): boolean {
  return !shard || shardOfEntity(ref, shard.count) === shard.index;
}
