import { SeededRandom } from './seededRandom';

/**
 * The words the demo puts into titles and author fields, so the activity
 * views read like a real company's history rather than `change 17`.
 */

const PEOPLE = [
  'amara.okafor',
  'bjorn.lindqvist',
  'camila.rojas',
  'dmitri.volkov',
  'elena.marquez',
  'farah.haddad',
  'gustavo.pereira',
  'hana.sato',
  'ines.duarte',
  'jamal.wright',
  'kaito.nakamura',
  'lena.fischer',
  'mateo.gomez',
  'nadia.rahman',
  'oliver.brennan',
  'priya.iyer',
  'quentin.moreau',
  'rosa.bianchi',
  'samuel.adeyemi',
  'tara.kowalski',
  'uma.krishnan',
  'viktor.horvat',
  'wei.zhang',
  'ximena.ortiz',
  'yusuf.demir',
  'zoe.martin',
  'arjun.mehta',
  'beatriz.santos',
  'chen.li',
  'daniel.novak',
  'emma.larsen',
  'felix.wagner',
];

/**
 * The people committing to a team's repositories: five to seven logins chosen
 * by the team name, so the same people keep working on the same code.
 *
 * @internal
 */
export function teamRoster(owner: string): string[] {
  const random = new SeededRandom(`roster|${owner}`);
  const size = random.integer(5, 7);
  const start = random.integer(0, PEOPLE.length - 1);
  const roster: string[] = [];
  for (let i = 0; i < size; i++) {
    roster.push(PEOPLE[(start + i * 3) % PEOPLE.length]);
  }
  return roster;
}

/**
 * The people committing to a team's repositories during one rotation: a
 * maintainer, who stays, and three contractors chosen by team and
 * rotation, so most authors of one quarter are gone the next.
 *
 * @internal
 */
export function rotatingRoster(
  owner: string,
  rotation: number,
  maintainer: string,
): string[] {
  const random = new SeededRandom(`roster|${owner}|rotation-${rotation}`);
  const contractors = new Set<string>();
  while (contractors.size < 3) {
    contractors.add(random.pick(PEOPLE));
  }
  return [maintainer, ...contractors];
}

/** The login dependency update pull requests come from. @internal */
export const DEPENDENCY_BOT = 'dependabot[bot]';

const CHANGE_VERBS = [
  'Add',
  'Fix',
  'Refactor',
  'Improve',
  'Remove',
  'Update',
  'Simplify',
  'Document',
];

const CHANGE_SUBJECTS = [
  'request validation',
  'retry policy for downstream calls',
  'error handling in the API layer',
  'pagination of list endpoints',
  'cache invalidation',
  'metrics labels',
  'database connection pool settings',
  'feature flag for the new flow',
  'flaky test setup',
  'logging of failed requests',
  'timeout configuration',
  'unused endpoints',
  'input sanitisation',
  'health check endpoint',
  'configuration loading',
  'rate limiting',
];

const DEPENDENCIES = [
  'express',
  'axios',
  'lodash',
  'zod',
  'knex',
  'jest',
  'typescript',
  'react',
  'webpack',
  'luxon',
];

/** A plausible pull request or commit title. @internal */
export function changeTitle(random: SeededRandom): string {
  return `${random.pick(CHANGE_VERBS)} ${random.pick(CHANGE_SUBJECTS)}`;
}

/** A dependency update title in the bot's style. @internal */
export function dependencyUpdateTitle(random: SeededRandom): string {
  const major = random.integer(1, 9);
  const minor = random.integer(0, 20);
  return `Bump ${random.pick(
    DEPENDENCIES,
  )} from ${major}.${minor}.0 to ${major}.${minor + 1}.0`;
}

const INCIDENT_SYMPTOMS = [
  'Elevated 5xx error rate',
  'p99 latency above SLO',
  'Error budget burn rate alert',
  'Health checks failing',
  'Queue backlog growing',
  'Database CPU saturation',
  'Spike in client timeouts',
  'Memory usage near limit',
];

const DEPLOY_SYMPTOMS = [
  'Errors after release',
  'Crash loop after deploy',
  'Functional regression reported after release',
  'Elevated 5xx error rate after deploy',
  'Failed readiness probes after rollout',
];

/** An incident title for something no deploy caused. @internal */
export function incidentTitle(random: SeededRandom, name: string): string {
  return `${random.pick(INCIDENT_SYMPTOMS)} on ${name}`;
}

/** An incident title for a bad deploy. @internal */
export function deployIncidentTitle(
  random: SeededRandom,
  name: string,
): string {
  return `${random.pick(DEPLOY_SYMPTOMS)} on ${name}`;
}

/**
 * The issue tracker project key of a team, e.g. `WE` for `web-experience`
 * and `PAY` for `payments`.
 *
 * @internal
 */
export function issueProjectKey(owner: string): string {
  const words = owner.split(/[^a-zA-Z0-9]+/).filter(Boolean);
  const key =
    words.length > 1
      ? words.map(word => word[0]).join('')
      : (words[0] ?? 'OPS').slice(0, 3);
  return key.toLocaleUpperCase('en-US');
}
