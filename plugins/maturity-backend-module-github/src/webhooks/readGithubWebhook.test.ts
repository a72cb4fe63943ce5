import { InputError } from '@backstage/errors';
import deploymentStatusCreated from '../__fixtures__/webhooks/deploymentStatusCreated.json';
import pullRequestClosed from '../__fixtures__/webhooks/pullRequestClosed.json';
import pushDefaultBranch from '../__fixtures__/webhooks/pushDefaultBranch.json';
import workflowRunCompleted from '../__fixtures__/webhooks/workflowRunCompleted.json';
import { GITHUB_WEBHOOK_TOPICS, readGithubWebhook } from './readGithubWebhook';

const clone = <T>(value: T): any => structuredClone(value);

describe('readGithubWebhook', () => {
  it.each([
    ['github.workflow_run', workflowRunCompleted, 'workflow_run'],
    ['github.deployment_status', deploymentStatusCreated, 'deployment_status'],
    ['github.pull_request', pullRequestClosed, 'pull_request'],
    ['github.push', pushDefaultBranch, 'push'],
  ])('reads a documented %s delivery', (topic, payload, kind) => {
    expect(readGithubWebhook(topic, payload)).toEqual({
      handled: true,
      webhook: { kind, payload },
    });
  });

  it('names the topics the GitHub events module routes to', () => {
    expect(Object.keys(GITHUB_WEBHOOK_TOPICS).sort()).toEqual([
      'github.deployment_status',
      'github.pull_request',
      'github.push',
      'github.workflow_run',
    ]);
  });

  it('ignores what changes nothing recorded', () => {
    const assigned = clone(pullRequestClosed);
    assigned.action = 'assigned';
    const otherBranch = clone(pushDefaultBranch);
    otherBranch.ref = 'refs/heads/feature';
    const tag = clone(pushDefaultBranch);
    tag.ref = 'refs/tags/v1.2.0';
    const deleted = clone(pushDefaultBranch);
    deleted.deleted = true;
    expect(
      [
        readGithubWebhook('github.pull_request', assigned),
        readGithubWebhook('github.push', otherBranch),
        readGithubWebhook('github.push', tag),
        readGithubWebhook('github.push', deleted),
        readGithubWebhook('github.issues', { action: 'opened' }),
      ].map(reading => !reading.handled && reading.reason),
    ).toEqual([
      'pull_request action assigned',
      'a push to refs/heads/feature, not refs/heads/main',
      'a push to refs/tags/v1.2.0, not refs/heads/main',
      'refs/heads/main was deleted',
      'topic github.issues is not read',
    ]);
  });

  it.each([
    ['no payload', 'github.push', () => undefined, 'payload must be an object'],
    [
      'no repository',
      'github.workflow_run',
      () => ({ ...clone(workflowRunCompleted), repository: undefined }),
      'repository.full_name must be a string',
    ],
    [
      'a run id that is not a number',
      'github.workflow_run',
      () => {
        const p = clone(workflowRunCompleted);
        p.workflow_run.id = '30433641';
        return p;
      },
      'workflow_run.id must be a number',
    ],
    [
      'a status without a time',
      'github.deployment_status',
      () => {
        const p = clone(deploymentStatusCreated);
        p.deployment_status.created_at = 'yesterday';
        return p;
      },
      'deployment_status.created_at must be an ISO 8601 time',
    ],
    [
      'a pull request without a base',
      'github.pull_request',
      () => {
        const p = clone(pullRequestClosed);
        delete p.pull_request.base;
        return p;
      },
      'pull_request.base.ref must be a string',
    ],
    [
      'a pushed commit without a message',
      'github.push',
      () => {
        const p = clone(pushDefaultBranch);
        p.commits[1].message = null;
        return p;
      },
      'commits.1.message must be a string',
    ],
  ])('rejects %s, naming the field', (_name, topic, payload, message) => {
    expect(() => readGithubWebhook(topic, payload())).toThrow(
      new InputError(message),
    );
  });
});
