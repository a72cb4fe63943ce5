import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * The config block of a Maturity source, e.g. `maturity.sources.github`,
 * with readers for the settings sources share. Every error names the full
 * key of the invalid value and never shows a value.
 * @public
 */
export class SourceConfigBlock {
  /**
   * The block at `key`; undefined when absent (the source is then
   * disabled). Throws when it is not an object.
   */
  static read(config: Config, key: string): SourceConfigBlock | undefined {
    if (!config.has(key)) return undefined;
    try {
      return new SourceConfigBlock(key, config.getConfig(key));
    } catch {
      throw new Error(`Invalid config at '${key}': must be an object`);
    }
  }

  private constructor(
    /** e.g. `maturity.sources.github` */
    readonly key: string,
    readonly config: Config,
  ) {}

  /** `Invalid config at '<key>.<name>': <why>` */
  invalid(name: string, why: string): Error {
    return new Error(`Invalid config at '${this.key}.${name}': ${why}`);
  }

  /** `schedule`, or `fallback` without it. */
  readSchedule(
    fallback: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskScheduleDefinition {
    if (!this.config.has('schedule')) return fallback;
    try {
      return readSchedulerServiceTaskScheduleDefinitionFromConfig(
        this.config.getConfig('schedule'),
      );
    } catch (error) {
      throw this.invalid('schedule', (error as Error).message);
    }
  }

  /** An optional number, or `fallback` without it. */
  readNumber(name: string, fallback: number): number {
    try {
      return this.config.getOptionalNumber(name) ?? fallback;
    } catch {
      throw this.invalid(name, 'must be a number');
    }
  }

  /** `initialLookbackDays`: how far back a first sync reads. Default 90. */
  readInitialLookbackDays(fallback = 90): number {
    const days = this.readNumber('initialLookbackDays', fallback);
    if (!Number.isFinite(days) || days <= 0) {
      throw this.invalid(
        'initialLookbackDays',
        'must be a positive number of days',
      );
    }
    return days;
  }
}
