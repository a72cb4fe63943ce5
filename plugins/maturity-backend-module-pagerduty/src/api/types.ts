/**
 * The parts of PagerDuty's REST API v2 and Webhooks v3 payloads this module
 * reads. Field names are PagerDuty's own.
 */

/** A reference to another PagerDuty object. */
export interface PagerDutyReference {
  id: string;
  type?: string;
  summary?: string;
  self?: string | null;
  html_url?: string | null;
}

/** An incident as `GET /incidents` returns it. */
export interface PagerDutyIncident {
  id: string;
  type?: string;
  incident_number?: number;
  title?: string;
  summary?: string;
  status: string;
  urgency?: string;
  priority?: PagerDutyReference | null;
  created_at: string;
  updated_at?: string;
  last_status_change_at?: string;
  resolved_at?: string | null;
  html_url?: string;
  service: PagerDutyReference;
  teams?: PagerDutyReference[];
  acknowledgements?: Array<{ at: string; acknowledger?: PagerDutyReference }>;
}

/** One page of `GET /incidents`. */
export interface PagerDutyIncidentPage {
  incidents: PagerDutyIncident[];
  limit: number;
  offset: number;
  more: boolean;
  total: number | null;
}

/** A change event as `GET /incidents/{id}/related_change_events` returns it. */
export interface PagerDutyChangeEvent {
  id: string;
  type?: string;
  summary?: string;
  timestamp?: string;
  source?: string;
  integration?: PagerDutyReference;
  services?: PagerDutyReference[];
  links?: Array<{ href: string; text?: string }>;
  custom_details?: Record<string, unknown>;
  correlation_reason?: { reason: string };
}

/**
 * An entry of an incident's log as `GET /incidents/{id}/log_entries` returns
 * it; `type` is e.g. `trigger_log_entry`, `acknowledge_log_entry`,
 * `resolve_log_entry`.
 */
export interface PagerDutyLogEntry {
  id: string;
  type: string;
  summary?: string;
  created_at: string;
  agent?: PagerDutyReference | null;
  channel?: { type: string } & Record<string, unknown>;
  incident?: PagerDutyReference;
}

/** The body of a Webhooks v3 delivery. */
export interface PagerDutyWebhookPayload {
  event: {
    id: string;
    event_type: string;
    resource_type: string;
    occurred_at: string;
    agent?: PagerDutyReference | null;
    client?: unknown;
    data: Partial<PagerDutyIncident> & {
      id: string;
      number?: number;
      resolved_at?: string | null;
    };
  };
}
