import { LoggerService } from '@backstage/backend-plugin-api';
import {
  INCIDENT_SERVICE_ANNOTATIONS,
  MATURITY_EVENT_TYPES,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  MaturityEventSink,
  MaturityEventSource,
  MaturitySourcesExtensionPoint,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

const SOURCE_ID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

function describeSource(source: MaturityEventSource): string {
  const parts = [];
  if (source.collects?.length) {
    parts.push(`collects ${source.collects.join(', ')}`);
  }
  if (source.entityAnnotations?.length) {
    parts.push(`maps entities by ${source.entityAnnotations.join(', ')}`);
  }
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * The sources that backend modules add through
 * `maturitySourcesExtensionPoint`: checked as they are added, connected to
 * their sinks once the plugin starts.
 * @internal
 */
export class SourceRegistry {
  readonly #sources = new Map<string, MaturityEventSource>();

  /** What modules get from the extension point: adding sources, no more. */
  readonly extensionPoint: MaturitySourcesExtensionPoint = {
    addSource: (...sources) => sources.forEach(source => this.#add(source)),
  };

  #add(source: MaturityEventSource) {
    if (!SOURCE_ID.test(source.id)) {
      throw new Error(`Invalid maturity source id '${source.id}'`);
    }
    if (this.#sources.has(source.id)) {
      throw new Error(`Maturity source '${source.id}' added twice`);
    }
    const unknown = (source.collects ?? []).filter(
      type => !MATURITY_EVENT_TYPES.includes(type),
    );
    if (unknown.length > 0) {
      throw new Error(
        `Maturity source '${
          source.id
        }' collects unknown event types: ${unknown.join(', ')}`,
      );
    }
    this.#sources.set(source.id, source);
  }

  /** The ids of the added sources: theirs alone to write. */
  ids(): string[] {
    return [...this.#sources.keys()];
  }

  /** The annotations that map entities to an incident tool, sources' included. */
  incidentAnnotations(): string[] {
    const annotations = new Set(INCIDENT_SERVICE_ANNOTATIONS);
    for (const source of this.#sources.values()) {
      if (source.collects?.includes('incident')) {
        for (const annotation of source.entityAnnotations ?? []) {
          annotations.add(annotation);
        }
      }
    }
    return [...annotations];
  }

  /** Hands every source its sink, once, in the order they were added. */
  async connect(
    sinkFor: (sourceId: string) => MaturityEventSink,
    logger: LoggerService,
  ): Promise<void> {
    for (const source of this.#sources.values()) {
      await source.connect(sinkFor(source.id));
      logger.info(
        `Connected maturity source '${source.id}'${describeSource(source)}`,
      );
    }
  }
}
