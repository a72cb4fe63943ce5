import { InputError } from '@backstage/errors';
import { GithubWebhook } from './types';

/**
 * The events topics this source reads: `@backstage/plugin-events-backend-
 * module-github` publishes each delivery on `github`, and its router
 * republishes it on `github.<X-GitHub-Event>`.
 */
export const GITHUB_WEBHOOK_TOPICS: Record<string, GithubWebhook['kind']> = {
  'github.workflow_run': 'workflow_run',
  'github.deployment_status': 'deployment_status',
  'github.pull_request': 'pull_request',
  'github.push': 'push',
};

/**
 * The actions that change what the source records: for a pull request its
 * state, title, base, labels and (`synchronize`) commits and files. Others
 * (assigned, review requested, ...) leave its change event as it was;
 * reviews, which come as `pull_request_review`, are read by the next pull.
 */
const HANDLED_ACTIONS: Record<
  Exclude<GithubWebhook['kind'], 'push'>,
  ReadonlySet<string>
> = {
  workflow_run: new Set(['requested', 'in_progress', 'completed']),
  deployment_status: new Set(['created']),
  pull_request: new Set([
    'opened',
    'reopened',
    'edited',
    'closed',
    'synchronize',
    'labeled',
    'unlabeled',
  ]),
};

/** What a delivery is to this source. */
export type WebhookReading =
  | { handled: true; webhook: GithubWebhook }
  | { handled: false; reason: string };

type Expected = 'string' | 'number' | 'time' | 'object' | 'array' | 'nullable';

function valueAt(payload: unknown, path: string): unknown {
  let value = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function fits(value: unknown, expected: Expected): boolean {
  switch (expected) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'time':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'object':
      return value !== null && typeof value === 'object';
    case 'array':
      return Array.isArray(value);
    case 'nullable':
      return value === null || value === undefined || typeof value === 'string';
    default:
      return false;
  }
}

const DESCRIBED: Record<Expected, string> = {
  string: 'a string',
  number: 'a number',
  time: 'an ISO 8601 time',
  object: 'an object',
  array: 'an array',
  nullable: 'a string or null',
};

function requireFields(payload: unknown, fields: Record<string, Expected>) {
  for (const [path, expected] of Object.entries(fields)) {
    if (!fits(valueAt(payload, path), expected)) {
      throw new InputError(`${path} must be ${DESCRIBED[expected]}`);
    }
  }
}

const REPOSITORY: Record<string, Expected> = {
  'repository.full_name': 'string',
  'repository.html_url': 'string',
  'repository.default_branch': 'string',
};

/**
 * Reads a delivery of one of {@link GITHUB_WEBHOOK_TOPICS}: which kind it
 * is and whether the source records anything for it. Throws an InputError
 * naming the field when the payload lacks one the source reads.
 */
export function readGithubWebhook(
  topic: string,
  payload: unknown,
): WebhookReading {
  const kind = GITHUB_WEBHOOK_TOPICS[topic];
  if (!kind) return { handled: false, reason: `topic ${topic} is not read` };
  if (!fits(payload, 'object')) {
    throw new InputError('payload must be an object');
  }
  requireFields(payload, REPOSITORY);
  const body = payload as Record<string, unknown>;

  if (kind === 'push') {
    requireFields(payload, {
      ref: 'string',
      after: 'string',
      commits: 'array',
    });
    const branch = `refs/heads/${valueAt(
      payload,
      'repository.default_branch',
    )}`;
    if (body.ref !== branch) {
      return { handled: false, reason: `a push to ${body.ref}, not ${branch}` };
    }
    if (body.deleted === true) {
      return { handled: false, reason: `${branch} was deleted` };
    }
    (body.commits as unknown[]).forEach((_, i) =>
      requireFields(payload, {
        [`commits.${i}.id`]: 'string',
        [`commits.${i}.message`]: 'string',
      }),
    );
    return { handled: true, webhook: { kind, payload } as GithubWebhook };
  }

  requireFields(payload, { action: 'string' });
  if (!HANDLED_ACTIONS[kind].has(body.action as string)) {
    return { handled: false, reason: `${kind} action ${body.action}` };
  }
  switch (kind) {
    case 'workflow_run':
      requireFields(payload, {
        'workflow_run.id': 'number',
        'workflow_run.head_sha': 'string',
        'workflow_run.event': 'string',
        'workflow_run.status': 'nullable',
        'workflow_run.conclusion': 'nullable',
        'workflow_run.created_at': 'time',
        'workflow_run.updated_at': 'time',
      });
      break;
    case 'deployment_status':
      requireFields(payload, {
        'deployment.id': 'number',
        'deployment.sha': 'string',
        'deployment.environment': 'string',
        'deployment.created_at': 'time',
        'deployment.updated_at': 'time',
        'deployment_status.id': 'number',
        'deployment_status.state': 'string',
        'deployment_status.created_at': 'time',
      });
      break;
    case 'pull_request':
      requireFields(payload, {
        'pull_request.number': 'number',
        'pull_request.state': 'string',
        'pull_request.title': 'string',
        'pull_request.created_at': 'time',
        'pull_request.updated_at': 'time',
        'pull_request.head.sha': 'string',
        'pull_request.base.ref': 'string',
      });
      break;
    default:
  }
  return { handled: true, webhook: { kind, payload } as GithubWebhook };
}
