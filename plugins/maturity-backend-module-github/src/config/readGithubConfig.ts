import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

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

/**
 * Reads `maturity.sources.github`; undefined when the block is absent (the
 * source is then disabled). Throws naming the key of any invalid value.
 * Credentials are not read here: they come from `integrations.github`.
 */
export function readGithubConfig(
  config: Config,
): GithubSourceConfig | undefined {
  if (!config.has(GITHUB_CONFIG_KEY)) return undefined;
  const key = (name: string) => `${GITHUB_CONFIG_KEY}.${name}`;
  const invalid = (name: string, why: string) =>
    new Error(`Invalid config at '${key(name)}': ${why}`);

  let block: Config;
  try {
    block = config.getConfig(GITHUB_CONFIG_KEY);
  } catch {
    throw new Error(
      `Invalid config at '${GITHUB_CONFIG_KEY}': must be an object (use {} for the defaults)`,
    );
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

  const number = (name: string, fallback: number) => {
    try {
      return block.getOptionalNumber(name) ?? fallback;
    } catch {
      throw invalid(name, 'must be a number');
    }
  };

  const initialLookbackDays = number('initialLookbackDays', 90);
  if (!Number.isFinite(initialLookbackDays) || initialLookbackDays <= 0) {
    throw invalid('initialLookbackDays', 'must be a positive number of days');
  }

  const maxConcurrency = number('maxConcurrency', 4);
  if (
    !Number.isInteger(maxConcurrency) ||
    maxConcurrency < 1 ||
    maxConcurrency > 32
  ) {
    throw invalid('maxConcurrency', 'must be a whole number from 1 to 32');
  }

  return { schedule, initialLookbackDays, maxConcurrency };
}
