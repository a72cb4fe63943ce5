import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { SourceConfigBlock } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** The `maturity.sources.github` block, read and checked. */
export interface GithubSourceConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  initialLookbackDays: number;
  maxConcurrency: number;
}

/** Where the GitHub source is configured. */
export const GITHUB_CONFIG_KEY = 'maturity.sources.github';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 25 },
  initialDelay: { seconds: 30 },
};

const DEFAULTS: GithubSourceConfig = {
  schedule: DEFAULT_SCHEDULE,
  initialLookbackDays: 90,
  maxConcurrency: 4,
};

/**
 * Reads `maturity.sources.github`; undefined when the source is off: the
 * block says `enabled: false`, or it is absent and `integrations.github`
 * has no credentials (installing the module with a token is enough to turn
 * it on). Throws naming the key of any invalid value. Credentials are not
 * read here: they come from `integrations.github`.
 */
export function readGithubConfig(
  config: Config,
  options: { hasCredentials: boolean },
): GithubSourceConfig | undefined {
  const block = SourceConfigBlock.read(config, GITHUB_CONFIG_KEY);
  if (!block) {
    return options.hasCredentials ? DEFAULTS : undefined;
  }
  let enabled: boolean | undefined;
  try {
    enabled = block.config.getOptionalBoolean('enabled');
  } catch {
    throw block.invalid('enabled', 'must be true or false');
  }
  if (enabled === false) return undefined;

  const schedule = block.readSchedule(DEFAULT_SCHEDULE);
  const initialLookbackDays = block.readInitialLookbackDays();
  const maxConcurrency = block.readNumber('maxConcurrency', 4);
  if (
    !Number.isInteger(maxConcurrency) ||
    maxConcurrency < 1 ||
    maxConcurrency > 32
  ) {
    throw block.invalid(
      'maxConcurrency',
      'must be a whole number from 1 to 32',
    );
  }

  return { schedule, initialLookbackDays, maxConcurrency };
}
