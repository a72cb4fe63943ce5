import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's migrations, for tests of one migration. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@maturity-for-backstage/backstage-plugin-maturity-backend',
  'migrations',
);

/** Runs the plugin's migrations up to, not including, the named one. */
export async function migrateUpTo(knex: Knex, name: string) {
  for (;;) {
    const [, pending] = (await knex.migrate.list({
      directory: MIGRATIONS_DIRECTORY,
    })) as [unknown, Array<{ file: string }>];
    if (pending.length === 0 || pending[0].file === name) return;
    await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY });
  }
}

/**
 * Rolls the plugin's migrations back, one at a time, until the one whose
 * version (its name's timestamp) is `version` is undone.
 */
export async function migrateDownBefore(knex: Knex, version: string) {
  while (
    !(
      (await knex.migrate.currentVersion({ directory: MIGRATIONS_DIRECTORY })) <
      version
    )
  ) {
    await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
  }
}

/**
 * Runs the plugin's migrations up to the named one, then `writeRows` (the
 * older rows the migration must keep or fill from), then the named one.
 */
export async function migrateOver(
  knex: Knex,
  name: string,
  writeRows: () => PromiseLike<unknown>,
) {
  await migrateUpTo(knex, name);
  await writeRows();
  await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY });
}
