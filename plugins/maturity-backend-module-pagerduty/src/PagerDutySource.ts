import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  MaturityEventSink,
  MaturityEventSource,
  scheduleSourceSync,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { PagerDutyClient } from './api/PagerDutyClient';
import { ServiceEntityIndex } from './catalog/ServiceEntityIndex';
import { PAGERDUTY_SERVICE_ID_ANNOTATION } from './catalog/readServiceEntityMap';
import { readIncidentContext } from './sync/readIncidentContext';
import {
  ServiceSyncResult,
  syncPagerDutyIncidents,
} from './sync/syncPagerDutyIncidents';
import {
  readIncidentWebhook,
  toWebhookIncidentEvents,
} from './webhooks/toWebhookIncidentEvents';

/** The events topic PagerDuty webhook deliveries are published on. */
export const PAGERDUTY_EVENTS_TOPIC = 'pagerduty';
/** The scheduled task of the pull sync. */
export const PAGERDUTY_SYNC_TASK_ID = 'maturity-pagerduty-sync';

/**
 * The `pagerduty` maturity source: a scheduled pull of incidents (global
 * scope, once across replicas) and, when the events service is given,
 * webhook deliveries written as they arrive.
 */
export class PagerDutySource implements MaturityEventSource {
  readonly id = 'pagerduty';
  readonly collects = ['incident'] as const;
  readonly entityAnnotations = [PAGERDUTY_SERVICE_ID_ANNOTATION];

  constructor(
    private readonly options: {
      client: PagerDutyClient;
      services: ServiceEntityIndex;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      initialLookbackDays: number;
      logger: LoggerService;
      events?: EventsService;
    },
  ) {}

  async connect(sink: MaturityEventSink): Promise<void> {
    const { events, logger } = this.options;
    await scheduleSourceSync({
      scheduler: this.options.scheduler,
      id: PAGERDUTY_SYNC_TASK_ID,
      schedule: this.options.schedule,
      sync: () => this.sync(sink),
      sourceName: 'PagerDuty',
      scopes: 'services',
      scopeOf: result => result.serviceId,
    });
    if (events) {
      await events.subscribe({
        id: 'maturity-pagerduty',
        topics: [PAGERDUTY_EVENTS_TOPIC],
        onEvent: params => this.onWebhook(sink, params),
      });
    }
    logger.info('PagerDuty source scheduled');
  }

  /** One pull of every mapped service; what the scheduled task runs. */
  async sync(sink: MaturityEventSink): Promise<ServiceSyncResult[]> {
    const services = await this.options.services.refresh();
    if (services.size === 0) {
      this.options.logger.info(
        'No catalog entity has a pagerduty.com/service-id annotation; nothing to sync',
      );
      return [];
    }
    return syncPagerDutyIncidents({
      client: this.options.client,
      sink,
      services,
      logger: this.options.logger,
      initialLookbackDays: this.options.initialLookbackDays,
    });
  }

  /**
   * Writes an incident webhook delivery (already signature-checked by the
   * events ingress). Its related change events and, once it is acknowledged
   * or resolved, its log are read first so the write keeps the incident's
   * deploy links and first acknowledgement; if a read fails the delivery is
   * skipped and the next pull, which re-reads open incidents and those that
   * resolved since, catches up.
   */
  async onWebhook(sink: MaturityEventSink, params: EventParams): Promise<void> {
    const event = readIncidentWebhook(params.eventPayload);
    if (!event) return;
    const services = await this.options.services.get();
    if (!services.has(event.data.service!.id)) return;
    let context;
    try {
      context = await readIncidentContext(this.options.client, {
        id: event.data.id,
        status: event.data.status!,
      });
    } catch (error) {
      this.options.logger.warn(
        `Skipped PagerDuty webhook ${event.id} (${event.event_type} of ${
          event.data.id
        }); the next sync reads it: ${(error as Error).message}`,
      );
      return;
    }
    const written = await sink.write(
      toWebhookIncidentEvents(event, services, context),
    );
    this.options.logger.debug(
      `PagerDuty webhook ${event.event_type} of ${event.data.id}: ${written.created} new, ${written.updated} updated`,
    );
  }
}
