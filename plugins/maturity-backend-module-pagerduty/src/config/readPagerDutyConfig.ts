import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

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
  const block = config.getOptionalConfig(PAGERDUTY_CONFIG_KEY);
  if (!block) return undefined;
  const key = (name: string) => `${PAGERDUTY_CONFIG_KEY}.${name}`;
  const invalid = (name: string, why: string) =>
    new Error(`Invalid config at '${key(name)}': ${why}`);

  const token = block.getOptionalString('token');
  if (token === undefined || token.trim() === '') {
    throw invalid('token', 'a PagerDuty REST API key is required');
  }

  const apiBaseUrl =
    block.getOptionalString('apiBaseUrl') ?? 'https://api.pagerduty.com';
  let parsed: URL;
  try {
    parsed = new URL(apiBaseUrl);
  } catch {
    throw invalid('apiBaseUrl', 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid('apiBaseUrl', 'must be an absolute http(s) URL');
  }

  let schedule = DEFAULT_SCHEDULE;
  if (block.has('schedule')) {
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
        block.getConfig('schedule'),
      );
    } catch (error) {
      throw invalid('schedule', (error as Error).message);
    }
  }

  const initialLookbackDays =
    block.getOptionalNumber('initialLookbackDays') ?? 90;
  if (!Number.isFinite(initialLookbackDays) || initialLookbackDays <= 0) {
    throw invalid('initialLookbackDays', 'must be a positive number of days');
  }

  const webhookSecrets = block.getOptionalStringArray('webhookSecrets') ?? [];
  if (webhookSecrets.some(secret => secret.trim() === '')) {
    throw invalid('webhookSecrets', 'secrets must not be empty');
  }

  return {
    token: token.trim(),
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    schedule,
    initialLookbackDays,
    webhookSecrets,
  };
}
