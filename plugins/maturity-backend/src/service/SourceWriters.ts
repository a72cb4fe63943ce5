import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';

/**
 * Who may write which sources through the ingest API. Sources compare
 * case-insensitively here, so `GitHub` is as reserved as `github`.
 * @internal
 */
export interface SourceWriters {
  /** Ids of installed source modules (the demo's included): never writable through the API. */
  reserved: ReadonlySet<string>;
  /** Sources bound to a static token, by the token's subject. */
  bySubject: ReadonlyMap<string, ReadonlySet<string>>;
  /** Sources bound to a user, by user entity ref (lower case). */
  byUser: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every source bound to someone: no other caller may write it. */
  claimed: ReadonlySet<string>;
}

const key = (source: string) => source.toLocaleLowerCase('en-US');

/**
 * Reads `maturity.ingest.writers` once at start-up. A binding that names a
 * reserved source stops start-up: the module owns it.
 * @internal
 */
export function readSourceWriters(
  config: Config,
  reservedSources: Iterable<string>,
): SourceWriters {
  const reserved = new Set([...reservedSources].map(key));
  const bySubject = new Map<string, Set<string>>();
  const byUser = new Map<string, Set<string>>();
  const claimed = new Set<string>();
  const entries =
    config.getOptionalConfigArray('maturity.ingest.writers') ?? [];
  entries.forEach((entry, index) => {
    const path = `maturity.ingest.writers[${index}]`;
    const subject = entry.getOptionalString('subject');
    const user = entry.getOptionalString('user');
    if ((subject === undefined) === (user === undefined)) {
      throw new Error(`Invalid config at ${path}: give either subject or user`);
    }
    const sources = entry.getStringArray('sources').map(key);
    for (const source of sources) {
      if (reserved.has(source)) {
        throw new Error(
          `Invalid config at ${path}.sources: '${source}' is the id of an installed source module, which alone writes it`,
        );
      }
      claimed.add(source);
    }
    const map = subject !== undefined ? bySubject : byUser;
    const id = subject ?? key(user!);
    map.set(id, new Set([...(map.get(id) ?? []), ...sources]));
  });
  return { reserved, bySubject, byUser, claimed };
}

/**
 * Refuses (403 naming `events[i].source`) a batch holding an event the caller
 * may not write:
 * - a reserved source, whoever asks;
 * - a static token bound in `maturity.ingest.writers`: only its own sources;
 * - a user: only the sources bound to that user (none by default);
 * - any other service caller: any source not reserved nor bound to someone.
 * @internal
 */
export function assertMayWriteSources(
  writers: SourceWriters,
  credentials: BackstageCredentials,
  events: ReadonlyArray<{ source: string }>,
): void {
  const principal = credentials.principal as {
    type: string;
    subject?: string;
    userEntityRef?: string;
  };
  let own: ReadonlySet<string> | undefined;
  let who: string;
  if (principal.type === 'user') {
    own = writers.byUser.get(key(principal.userEntityRef ?? '')) ?? new Set();
    who = `user ${principal.userEntityRef}`;
  } else {
    own = writers.bySubject.get(principal.subject ?? '');
    who = `token subject '${principal.subject}'`;
  }
  events.forEach((event, index) => {
    const source = key(event.source);
    let reason: string | undefined;
    if (writers.reserved.has(source)) {
      reason = `'${event.source}' is written by its installed source module alone`;
    } else if (own && !own.has(source)) {
      reason = `the ${who} may write only ${
        own.size ? [...own].map(s => `'${s}'`).join(', ') : 'no source'
      } (maturity.ingest.writers)`;
    } else if (!own && writers.claimed.has(source)) {
      reason = `'${event.source}' is bound to other writers in maturity.ingest.writers`;
    }
    if (reason) {
      throw new NotAllowedError(`events[${index}].source: ${reason}`);
    }
  });
}
