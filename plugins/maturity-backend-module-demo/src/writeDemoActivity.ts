import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  canonicalEntityRef,
  MaturityEventSink,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { DemoEntity, generateDemoActivity } from './generateDemoActivity';

const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_DAYS = 365;
/**
 * Marks a component new to its team in a demo catalog: its activity began
 * this many whole days before today.
 */
export const DEMO_ACTIVE_DAYS_ANNOTATION = 'maturity.io/demo-active-days';
// The catalog reads its locations shortly after start-up; wait for it.
const CATALOG_WAIT_MS = 3 * 60 * 1000;
const CATALOG_POLL_MS = 5000;

function toDemoEntity(entity: Entity): DemoEntity {
  const owner = String(entity.spec?.owner ?? 'unknown');
  return {
    // The spelling the plugin stores (lower case): cursor scopes and the
    // generated external ids stay those of earlier runs.
    entityRef: canonicalEntityRef(entity),
    type: String(entity.spec?.type ?? 'service'),
    owner: parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }).name,
    lifecycle: entity.spec?.lifecycle as string | undefined,
    tags: entity.metadata.tags,
    activeDays: activeDaysOf(entity),
  };
}

/** The annotated active days; anything but a whole number is ignored. */
function activeDaysOf(entity: Entity): number | undefined {
  const value = entity.metadata.annotations?.[DEMO_ACTIVE_DAYS_ANNOTATION];
  return value !== undefined && /^\d+$/.test(value.trim())
    ? Number(value)
    : undefined;
}

/**
 * Writes demo activity for every component of the catalog, through the same
 * validation and store path as the ingest API. A per-entity sync cursor (the
 * last day written) keeps later runs to the days since, so a restart repeats
 * nothing and the demo stays current while the backend runs.
 */
export async function writeDemoActivity(options: {
  sink: MaturityEventSink;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  now?: Date;
  catalogWaitMs?: number;
}): Promise<{ entities: number; created: number }> {
  const { sink, catalog, auth, logger } = options;
  const credentials = await auth.getOwnServiceCredentials();

  let components: Entity[] = [];
  const deadline = Date.now() + (options.catalogWaitMs ?? CATALOG_WAIT_MS);
  for (;;) {
    ({ items: components } = await catalog.getEntities(
      {
        filter: { kind: 'component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.tags',
          'metadata.annotations',
          'spec',
        ],
      },
      { credentials },
    ));
    if (components.length > 0 || Date.now() >= deadline) break;
    await new Promise(resolve => setTimeout(resolve, CATALOG_POLL_MS));
  }

  const now = options.now ?? new Date();
  const today = Math.floor(now.getTime() / DAY_MS);
  let created = 0;
  for (const entity of components.map(toDemoEntity)) {
    const lastDay = await sink.getCursor(entity.entityRef);
    // Redo the last written day: it was partial if written before midnight.
    const days = lastDay
      ? Math.min(HISTORY_DAYS, Math.max(1, today - Number(lastDay) + 1))
      : HISTORY_DAYS;
    const events = generateDemoActivity({ entities: [entity], now, days });
    const result = await sink.write(events);
    await sink.setCursor(entity.entityRef, String(today));
    created += result.created;
  }
  logger.info(
    `Demo activity: ${created} new events for ${components.length} components`,
  );
  return { entities: components.length, created };
}
