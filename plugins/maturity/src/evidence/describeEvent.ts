import { StoredMaturityEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** What an event is, in one line: `production deploy · success · hotfix`. */
export function describeEvent(event: StoredMaturityEvent): {
  kind: string;
  summary: string;
} {
  switch (event.type) {
    case 'deployment':
      return {
        kind: 'Deployment',
        summary: [
          `${event.environment} deploy`,
          event.status,
          event.reason && event.reason !== 'planned' ? event.reason : undefined,
          event.commitSha ? event.commitSha.slice(0, 7) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'build':
      return {
        kind: 'CI run',
        // Runs of one pipeline look alike; the run's id and commit tell
        // them apart.
        summary: [
          event.pipeline
            ? `${event.pipeline} #${event.externalId}`
            : event.externalId,
          event.branch ? `on ${event.branch}` : undefined,
          event.status,
          event.commitSha ? event.commitSha.slice(0, 7) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'change':
      return {
        kind: event.kind === 'pull_request' ? 'Pull request' : 'Commit',
        summary: [
          event.title ?? event.externalId,
          // A commit straight onto the default branch was never merged.
          event.directPush
            ? `pushed directly${
                event.targetBranch ? ` to ${event.targetBranch}` : ''
              }`
            : event.state,
          event.author,
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'incident':
      return {
        kind: 'Incident',
        summary: [
          event.title ?? event.externalId,
          `${event.urgency} urgency`,
          event.status,
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'repo_fact':
      return {
        kind: 'Repository fact',
        summary: `${event.fact} = ${String(event.value)}`,
      };
    default:
      return { kind: 'Event', summary: '' };
  }
}
