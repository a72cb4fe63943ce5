import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** What `maturity.campaigns` says, read once at start-up. */
export interface CampaignsConfig {
  /** The cadence of the progress task. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The reminders of a campaign that names none: days before its deadline. */
  reminderDaysBefore: number[];
}

/**
 * Every 10 minutes, a campaign's today follows the evaluations closely. A
 * run computes only days not computed yet besides today, so it is short
 * but for a campaign's first, which back-fills its days from history.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

const DEFAULT_REMINDER_DAYS_BEFORE = [14, 3];

/** As the API takes a campaign's own reminders. */
const isReminderDay = (days: unknown) =>
  typeof days === 'number' &&
  Number.isInteger(days) &&
  days >= 1 &&
  days <= 365;

/**
 * Reads `maturity.campaigns`. A wrong value stops start-up with its path
 * named. Reminders come farthest first, each once.
 */
export function readCampaignsConfig(config: Config): CampaignsConfig {
  const campaigns = config.getOptionalConfig('maturity.campaigns');
  const reminders =
    campaigns?.getOptional('reminderDaysBefore') ??
    DEFAULT_REMINDER_DAYS_BEFORE;
  if (!Array.isArray(reminders) || !reminders.every(isReminderDay)) {
    throw new Error(
      `Invalid config at maturity.campaigns.reminderDaysBefore: must be a list of whole days from 1 to 365, got ${JSON.stringify(
        reminders,
      )}`,
    );
  }
  return {
    schedule: campaigns?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          campaigns.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    reminderDaysBefore: [...new Set(reminders as number[])].sort(
      (a, b) => b - a,
    ),
  };
}
