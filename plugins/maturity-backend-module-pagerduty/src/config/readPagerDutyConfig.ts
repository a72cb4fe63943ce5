import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { SourceConfigBlock } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { MAX_INCIDENT_SPAN_DAYS } from '../api/PagerDutyClient';

/** The `maturity.sources.pagerduty` block, read and checked. */
export interface PagerDutyConfig {
  token: string;
  apiBaseUrl: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  initialLookbackDays: number;
  webhookSecrets: string[];
}

/** Where the PagerDuty source is configured. */
export const PAGERDUTY_CONFIG_KEY = 'maturity.sources.pagerduty';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

/**
 * Reads `maturity.sources.pagerduty`; undefined when the block is absent (the
 * source is then disabled). Throws naming the key of any invalid value; the
 * token's value never appears in a message.
 */
export function readPagerDutyConfig(
  config: Config,
): PagerDutyConfig | undefined {
  const block = SourceConfigBlock.read(config, PAGERDUTY_CONFIG_KEY);
  if (!block) return undefined;

  const token = block.config.getOptionalString('token');
  if (token === undefined || token.trim() === '') {
    throw block.invalid('token', 'a PagerDuty REST API key is required');
  }

  const apiBaseUrl =
    block.config.getOptionalString('apiBaseUrl') ?? 'https://api.pagerduty.com';
  let parsed: URL;
  try {
    parsed = new URL(apiBaseUrl);
  } catch {
    throw block.invalid('apiBaseUrl', 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw block.invalid('apiBaseUrl', 'must be an absolute http(s) URL');
  }

  const schedule = block.readSchedule(DEFAULT_SCHEDULE);
  const initialLookbackDays = block.readInitialLookbackDays();
  if (initialLookbackDays > MAX_INCIDENT_SPAN_DAYS) {
    // PagerDuty lists at most 6 months of incidents at once: a first sync
    // stays one such span rather than hours of requests under the rate
    // limit (each incident costs one or two more).
    throw block.invalid(
      'initialLookbackDays',
      `must be at most ${MAX_INCIDENT_SPAN_DAYS} days (PagerDuty lists incidents at most 6 months at once)`,
    );
  }

  const webhookSecrets =
    block.config.getOptionalStringArray('webhookSecrets') ?? [];
  if (webhookSecrets.some(secret => secret.trim() === '')) {
    throw block.invalid('webhookSecrets', 'secrets must not be empty');
  }

  return {
    token: token.trim(),
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    schedule,
    initialLookbackDays,
    webhookSecrets,
  };
}
