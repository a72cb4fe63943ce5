import { Config } from '@backstage/config';

/**
 * Bounds on one ingest request.
 * @internal
 */
export interface IngestLimits {
  maxEventsPerBatch: number;
  maxBodyBytes: number;
}

const DEFAULT_MAX_EVENTS_PER_BATCH = 1000;
const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Reads `maturity.ingest` once at start-up. @internal */
export function readIngestLimits(config: Config): IngestLimits {
  const ingest = config.getOptionalConfig('maturity.ingest');
  const limits = {
    maxEventsPerBatch:
      ingest?.getOptionalNumber('maxEventsPerBatch') ??
      DEFAULT_MAX_EVENTS_PER_BATCH,
    maxBodyBytes:
      ingest?.getOptionalNumber('maxBodyBytes') ?? DEFAULT_MAX_BODY_BYTES,
  };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `Invalid config at maturity.ingest.${key}: must be a positive integer, got ${value}`,
      );
    }
  }
  return limits;
}
