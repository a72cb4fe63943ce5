import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
  IncidentEvent,
  MaturityEvent,
  RepoFactEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ecommerceCatalog } from './__fixtures__/ecommerceCatalog';
import { generateDemoActivity } from './generateDemoActivity';
import { DEMO_LEAD_IN_DAYS } from './demoEventSpans';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date('2025-06-18T15:30:00.000Z');

/** Identity of an event in the store: (source, external id), or the fact key. */
function keyOf(event: MaturityEvent): string {
  return event.type === 'repo_fact'
    ? `${event.type}|${event.source}|${event.entityRef}|${event.fact}`
    : `${event.type}|${event.source}|${event.externalId}`;
}

function byKey(events: MaturityEvent[]): Map<string, MaturityEvent> {
  return new Map(events.map(event => [keyOf(event), event]));
}

const TIME_FIELDS = [
  'startedAt',
  'finishedAt',
  'authoredAt',
  'openedAt',
  'firstReviewAt',
  'approvedAt',
  'mergedAt',
  'closedAt',
  'triggeredAt',
  'acknowledgedAt',
  'resolvedAt',
  'postmortemAt',
  'observedAt',
  'updatedAt',
];

function timesOf(event: MaturityEvent): number[] {
  const record = event as unknown as Record<string, unknown>;
  return TIME_FIELDS.filter(field => record[field] !== undefined).map(field =>
    Date.parse(record[field] as string),
  );
}

function ownerOf(entityRef: string): string {
  return ecommerceCatalog.find(entity => entity.entityRef === entityRef)!.owner;
}

/**
 * Whether a later run's version of an event is the same event: identical,
 * or, for an incident, the same incident further along (acknowledged,
 * resolved, written up) with a newer `updatedAt`, or for a repository fact,
 * the same value observed again.
 */
function isSameOrLaterVersion(
  earlier: MaturityEvent,
  later: MaturityEvent | undefined,
): boolean {
  if (!later) return false;
  if (earlier.type === 'repo_fact' && later.type === 'repo_fact') {
    // Facts are observed again at the start of each month.
    return (
      earlier.value === later.value && earlier.observedAt <= later.observedAt
    );
  }
  if (earlier.type !== 'incident' || later.type !== 'incident') {
    return JSON.stringify(earlier) === JSON.stringify(later);
  }
  const kept = Object.entries(earlier).every(
    ([field, value]) =>
      field === 'status' ||
      field === 'updatedAt' ||
      JSON.stringify((later as any)[field]) === JSON.stringify(value),
  );
  return (
    kept &&
    (earlier.status !== 'resolved' || later.status === 'resolved') &&
    Date.parse(later.updatedAt!) >= Date.parse(earlier.updatedAt!)
  );
}

function latestOf(times: number[]): number {
  return times.reduce((latest, time) => Math.max(latest, time), -Infinity);
}

const production = (events: MaturityEvent[]) =>
  events.filter(
    (event): event is DeploymentEvent =>
      event.type === 'deployment' && event.environment === 'production',
  );

describe('generateDemoActivity', () => {
  const MORNING = new Date('2025-06-18T07:05:00.000Z');
  let events: MaturityEvent[];
  let morning: MaturityEvent[];

  beforeAll(() => {
    events = generateDemoActivity({ entities: ecommerceCatalog, now: NOW });
    morning = generateDemoActivity({
      entities: ecommerceCatalog,
      now: MORNING,
    });
  });

  describe('determinism', () => {
    it('returns the same events when run again', () => {
      const again = generateDemoActivity({
        entities: ecommerceCatalog,
        now: NOW,
      });
      expect(JSON.stringify(again)).toBe(JSON.stringify(events));
    });

    it('does not let the time of day change any event, only which are in', () => {
      const afternoon = byKey(events);
      expect(morning.length).toBeLessThan(events.length);
      for (const event of morning) {
        expect(isSameOrLaterVersion(event, afternoon.get(keyOf(event)))).toBe(
          true,
        );
      }
    });

    it('repeats the overlapping days a day later and loses nothing', () => {
      const tomorrow = generateDemoActivity({
        entities: ecommerceCatalog,
        now: new Date(NOW.getTime() + DAY),
      });
      const later = byKey(tomorrow);
      // The later window starts a day later: events that settled on the
      // first day of the earlier window are no longer reported.
      const laterWindowStart = Date.parse('2024-06-19T00:00:00.000Z');
      let compared = 0;
      for (const event of events) {
        if (latestOf(timesOf(event)) < laterWindowStart) continue;
        compared++;
        expect({
          key: keyOf(event),
          same: isSameOrLaterVersion(event, later.get(keyOf(event))),
        }).toEqual({ key: keyOf(event), same: true });
      }
      expect(compared).toBeGreaterThan(events.length * 0.99);
      expect(tomorrow.length).toBeGreaterThan(compared);
    });

    it('misses nothing when run daily with days: 1', () => {
      const entities = ecommerceCatalog.filter(entity =>
        ['platform', 'billing-legacy'].includes(entity.owner),
      );
      const full = byKey(generateDemoActivity({ entities, now: NOW }));
      const daily = new Map<string, MaturityEvent>();
      const inconsistent: string[] = [];
      for (let daysAgo = 20; daysAgo >= 0; daysAgo--) {
        const runAt = new Date(NOW.getTime() - daysAgo * DAY);
        for (const event of generateDemoActivity({
          entities,
          now: runAt,
          days: 1,
        })) {
          const key = keyOf(event);
          if (!isSameOrLaterVersion(event, full.get(key))) {
            inconsistent.push(key);
          }
          daily.set(key, event);
        }
      }
      expect(inconsistent).toEqual([]);

      const since = NOW.getTime() - 19 * DAY;
      const missed = [...full]
        .filter(([, event]) => latestOf(timesOf(event)) >= since)
        .filter(
          ([key, event]) =>
            JSON.stringify(daily.get(key)) !== JSON.stringify(event),
        )
        .map(([key]) => key);
      expect(missed).toEqual([]);
    });
  });

  it('generates nothing after now', () => {
    expect(latestOf(events.flatMap(timesOf))).toBeLessThanOrEqual(
      NOW.getTime(),
    );
    expect(latestOf(morning.flatMap(timesOf))).toBeLessThanOrEqual(
      MORNING.getTime(),
    );
  });

  it('covers the requested window', () => {
    const earliestSettled = -latestOf(
      events
        .filter(event => event.type !== 'repo_fact')
        .map(event => -latestOf(timesOf(event))),
    );
    expect(earliestSettled).toBeGreaterThanOrEqual(
      Date.parse('2024-06-18T00:00:00.000Z'),
    );
    expect(earliestSettled).toBeLessThan(
      Date.parse('2024-06-20T00:00:00.000Z'),
    );

    const week = generateDemoActivity({
      entities: ecommerceCatalog,
      now: NOW,
      days: 7,
    });
    expect(week.length).toBeLessThan(events.length / 20);
  });

  it('gives every event a unique identity', () => {
    const keys = events.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('only produces well-formed demo events', () => {
    const refs = new Set(ecommerceCatalog.map(entity => entity.entityRef));
    const sha = /^[0-9a-f]{40}$/;
    const problems: string[] = [];
    const check = (event: MaturityEvent, ok: boolean, what: string) => {
      if (!ok) problems.push(`${what}: ${JSON.stringify(event)}`);
    };
    const at = (time?: string) => (time ? Date.parse(time) : NaN);

    for (const event of events) {
      check(event, event.source === 'demo', 'source');
      check(event, refs.has(event.entityRef), 'entity');
      check(event, timesOf(event).every(Number.isFinite), 'times parse');
      if (event.type !== 'repo_fact') {
        check(event, event.externalId.startsWith('demo:'), 'external id');
      }
      switch (event.type) {
        case 'build':
          check(event, ['success', 'failure'].includes(event.status), 'status');
          check(event, at(event.finishedAt) > at(event.startedAt), 'duration');
          check(event, (event.steps ?? []).length > 0, 'steps');
          check(event, !!event.trigger && !!event.pipeline, 'trigger');
          break;
        case 'deployment':
          check(
            event,
            ['staging', 'production'].includes(event.environment),
            'environment',
          );
          check(event, sha.test(event.commitSha ?? ''), 'commit');
          check(event, at(event.finishedAt) > at(event.startedAt), 'duration');
          check(event, typeof event.automated === 'boolean', 'automated');
          check(event, !!event.reason && !!event.strategy, 'reason');
          break;
        case 'change': {
          const end = at(event.mergedAt ?? event.closedAt);
          check(event, !!event.author && !!event.title, 'author');
          check(event, at(event.authoredAt) <= end, 'authored before end');
          if (event.state === 'merged') {
            check(event, sha.test(event.sha ?? ''), 'merge sha');
          } else {
            check(event, event.state === 'closed', 'state');
            check(event, !event.sha && !event.mergedAt, 'unmerged');
          }
          if (event.kind === 'pull_request') {
            check(event, at(event.authoredAt) <= at(event.openedAt), 'opened');
            check(event, at(event.openedAt) < end, 'open before end');
            if (event.firstReviewAt) {
              check(
                event,
                at(event.openedAt) < at(event.firstReviewAt) &&
                  at(event.firstReviewAt) < at(event.approvedAt) &&
                  at(event.approvedAt) < end,
                'review order',
              );
            }
          } else {
            check(event, event.directPush === true, 'direct push');
          }
          break;
        }
        case 'incident':
          check(event, ['high', 'low'].includes(event.urgency), 'urgency');
          check(
            event,
            event.responderTeam?.startsWith('group:default/') ?? false,
            'responder',
          );
          if (event.status === 'resolved') {
            check(
              event,
              at(event.triggeredAt) <= at(event.acknowledgedAt) &&
                at(event.acknowledgedAt) < at(event.resolvedAt),
              'resolution order',
            );
          } else {
            check(
              event,
              !event.resolvedAt && !event.postmortemAt,
              'open incident',
            );
          }
          if (event.postmortemAt) {
            check(
              event,
              at(event.postmortemAt) > at(event.resolvedAt),
              'postmortem',
            );
          }
          break;
        case 'repo_fact':
          check(
            event,
            ['boolean', 'number', 'string'].includes(typeof event.value),
            'value',
          );
          check(
            event,
            event.observedAt === '2025-06-01T00:00:00.000Z',
            'observed at',
          );
          break;
        default:
          problems.push(`unexpected event ${JSON.stringify(event)}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  describe('coherence', () => {
    let merged: Map<string, ChangeEvent>;
    let defaultBranchRuns: Map<string, BuildEvent[]>;

    beforeAll(() => {
      merged = new Map();
      defaultBranchRuns = new Map();
      for (const event of events) {
        if (event.type === 'change' && event.state === 'merged') {
          merged.set(event.sha!, event);
        }
        if (
          event.type === 'build' &&
          event.isDefaultBranch &&
          event.trigger === 'push'
        ) {
          const runs = defaultBranchRuns.get(event.commitSha!) ?? [];
          runs.push(event);
          defaultBranchRuns.set(event.commitSha!, runs);
        }
      }
    });

    it('builds every merged change on the default branch after the merge', () => {
      for (const change of merged.values()) {
        const runs = defaultBranchRuns.get(change.sha!) ?? [];
        if (Date.parse(change.mergedAt!) > NOW.getTime() - HOUR) continue;
        expect(runs).toHaveLength(1);
        expect(Date.parse(runs[0].startedAt)).toBeGreaterThanOrEqual(
          Date.parse(change.mergedAt!),
        );
      }
    });

    it('deploys a commit only after it was merged and its run passed', () => {
      let checked = 0;
      const problems: string[] = [];
      for (const deploy of events) {
        if (deploy.type !== 'deployment') continue;
        const start = Date.parse(deploy.startedAt);
        for (const sha of [deploy.commitSha!, ...(deploy.commitShas ?? [])]) {
          const change = merged.get(sha);
          if (!change) continue; // merged before the window
          checked++;
          if (Date.parse(change.mergedAt!) >= start) {
            problems.push(`${deploy.externalId} ships ${sha} before merge`);
          }
        }
        if (deploy.reason !== 'rollback' && merged.has(deploy.commitSha!)) {
          const greenBefore = defaultBranchRuns
            .get(deploy.commitSha!)!
            .filter(
              run =>
                run.status === 'success' &&
                Date.parse(run.finishedAt!) <= start,
            );
          if (greenBefore.length !== 1) {
            problems.push(`${deploy.externalId} deploys an unbuilt commit`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(1000);
    });

    it('ships each change once, in batches, unless a rollback took it out', () => {
      const deploys = production(events).sort((a, b) =>
        a.startedAt.localeCompare(b.startedAt),
      );
      const successful = deploys.filter(
        deploy => deploy.status === 'success' && deploy.reason !== 'rollback',
      );
      const redeploys = successful.filter(d => d.commitShas!.length === 0);
      // A release right after a hotfix that already shipped everything
      // redeploys the same commit.
      expect(redeploys.length).toBeLessThan(successful.length * 0.01);
      const firstShipped = new Map<string, DeploymentEvent>();
      const problems: string[] = [];
      for (const deploy of successful) {
        const shas = deploy.commitShas!;
        if (shas.length > 0 && !shas.includes(deploy.commitSha!)) {
          problems.push(`${deploy.externalId} does not ship its own commit`);
        }
        for (const sha of shas) {
          // Per entity: a release train's commit ships in each component.
          const key = `${deploy.entityRef}|${sha}`;
          const first = firstShipped.get(key);
          if (!first) {
            firstShipped.set(key, deploy);
            continue;
          }
          const rolledBack = deploys.some(
            rollback =>
              rollback.reason === 'rollback' &&
              rollback.entityRef === deploy.entityRef &&
              rollback.startedAt > first.startedAt &&
              rollback.startedAt < deploy.startedAt,
          );
          if (!rolledBack) {
            problems.push(`${deploy.externalId} ships ${sha} again`);
          }
        }
      }
      expect(problems).toEqual([]);
      const batched = successful.filter(d => d.commitShas!.length > 1);
      expect(batched.length).toBeGreaterThan(successful.length * 0.3);
    });

    it('deploys to staging before production when the team does', () => {
      const staging = events.filter(
        (event): event is DeploymentEvent =>
          event.type === 'deployment' && event.environment === 'staging',
      );
      expect(staging.length).toBeGreaterThan(0);
      const productionBySha = new Map<string, DeploymentEvent[]>();
      for (const deploy of production(events)) {
        const list = productionBySha.get(deploy.commitSha!) ?? [];
        list.push(deploy);
        productionBySha.set(deploy.commitSha!, list);
      }
      // Staging soaks for up to three days before production.
      const notPromoted = staging
        .filter(
          deploy => Date.parse(deploy.finishedAt!) < NOW.getTime() - 4 * DAY,
        )
        .filter(
          deploy =>
            !(productionBySha.get(deploy.commitSha!) ?? []).some(
              prod => prod.startedAt > deploy.finishedAt!,
            ),
        );
      expect(notPromoted).toEqual([]);
    });

    it('links deploy failures to incidents, rollbacks and hotfixes', () => {
      const deploysById = new Map(
        production(events).map(deploy => [deploy.externalId, deploy]),
      );
      const incidents = events.filter(
        (event): event is IncidentEvent => event.type === 'incident',
      );
      const linked = incidents.filter(i => i.linkedDeploymentIds?.length);
      expect(linked.length).toBeGreaterThan(10);
      // A deploy before the generated year is not in it, though an incident
      // it caused can settle inside.
      const firstDay = Math.floor(NOW.getTime() / DAY) * DAY - 365 * DAY;
      const named = (incident: IncidentEvent) =>
        deploysById.get(incident.linkedDeploymentIds![0]);
      expect(
        linked.filter(
          incident =>
            !named(incident) &&
            Date.parse(incident.triggeredAt) >= firstDay + DAY,
        ),
      ).toEqual([]);
      for (const incident of linked.filter(named)) {
        const deploy = named(incident)!;
        expect(deploy.entityRef).toBe(incident.entityRef);
        const afterDeploy =
          Date.parse(incident.triggeredAt) - Date.parse(deploy.finishedAt!);
        expect(afterDeploy).toBeGreaterThan(0);
        expect(afterDeploy).toBeLessThan(DAY);
      }
      const remediations = production(events).filter(
        deploy => deploy.reason === 'rollback' || deploy.reason === 'hotfix',
      );
      expect(remediations.some(d => d.reason === 'rollback')).toBe(true);
      expect(remediations.some(d => d.reason === 'hotfix')).toBe(true);
      for (const remediation of remediations) {
        const start = Date.parse(remediation.startedAt);
        const cause = incidents.find(
          incident =>
            incident.entityRef === remediation.entityRef &&
            Date.parse(incident.triggeredAt) < start &&
            Date.parse(incident.triggeredAt) > start - 8 * DAY,
        );
        expect(cause).toBeDefined();
      }
      const reverts = events.filter(
        (event): event is ChangeEvent =>
          event.type === 'change' && event.isRevert === true,
      );
      for (const revert of reverts) {
        const deployed = production(events).some(
          deploy => deploy.commitSha === revert.revertsSha,
        );
        expect(deployed).toBe(true);
      }
    });

    it('has incidents that no deploy explains and a few still open', () => {
      const incidents = events.filter(
        (event): event is IncidentEvent => event.type === 'incident',
      );
      const deploys = production(events);
      const unexplained = incidents.filter(incident => {
        const at = Date.parse(incident.triggeredAt);
        return (
          !incident.linkedDeploymentIds &&
          !deploys.some(
            deploy =>
              deploy.entityRef === incident.entityRef &&
              Date.parse(deploy.startedAt) <= at &&
              Date.parse(deploy.startedAt) > at - DAY,
          )
        );
      });
      expect(unexplained.length).toBeGreaterThan(incidents.length * 0.3);

      const open = incidents.filter(incident => incident.status !== 'resolved');
      expect(open.length).toBeGreaterThan(0);
      for (const incident of open) {
        expect(Date.parse(incident.triggeredAt)).toBeGreaterThan(
          NOW.getTime() - 15 * DAY,
        );
      }
      const high = incidents.filter(incident => incident.urgency === 'high');
      expect(high.length).toBeGreaterThan(incidents.length / 3);
    });
  });

  describe('team behaviour', () => {
    function teamStats(owner: string) {
      const own = events.filter(event => ownerOf(event.entityRef) === owner);
      const deploys = production(own).filter(d => d.reason === 'planned');
      const incidents = own.filter(
        (event): event is IncidentEvent => event.type === 'incident',
      );
      const failed = new Set(
        deploys.filter(d => d.status === 'failure').map(d => d.externalId),
      );
      for (const incident of incidents) {
        const at = Date.parse(incident.triggeredAt);
        const cause = deploys.find(
          d =>
            incident.linkedDeploymentIds?.includes(d.externalId) ||
            (d.entityRef === incident.entityRef &&
              Date.parse(d.finishedAt!) <= at &&
              Date.parse(d.finishedAt!) > at - DAY),
        );
        if (cause) failed.add(cause.externalId);
      }
      const changes = own.filter(
        (event): event is ChangeEvent => event.type === 'change',
      );
      const runs = own.filter(
        (event): event is BuildEvent =>
          event.type === 'build' && event.trigger === 'push',
      );
      const deployables = new Set(deploys.map(d => d.entityRef)).size;
      return {
        deploysPerComponent: deploys.length / deployables,
        failureRate: failed.size / deploys.length,
        incidentsPerDeploy: incidents.length / deploys.length,
        manualShare:
          deploys.filter(d => d.automated === false).length / deploys.length,
        directPushes: changes.filter(c => c.directPush).length,
        ciSuccess:
          runs.filter(run => run.status === 'success').length / runs.length,
        deployWeeks: new Set(
          deploys.map(d =>
            Math.floor((Date.parse(d.startedAt) + 3 * DAY) / (7 * DAY)),
          ),
        ).size,
      };
    }

    it('makes the elite team deploy far more often and fail far less than billing-legacy', () => {
      const elite = teamStats('platform');
      const struggling = teamStats('billing-legacy');
      expect(elite.deploysPerComponent).toBeGreaterThan(
        struggling.deploysPerComponent * 20,
      );
      expect(elite.failureRate).toBeLessThan(0.06);
      expect(struggling.failureRate).toBeGreaterThan(elite.failureRate * 4);
      expect(elite.incidentsPerDeploy * 20).toBeLessThan(
        struggling.incidentsPerDeploy,
      );
    });

    it('ships each platform change to production within the hour, billing-legacy changes in weeks', () => {
      const mergeToProduction = (owner: string) => {
        const merged = new Map(
          events
            .filter(
              (event): event is ChangeEvent =>
                event.type === 'change' &&
                ownerOf(event.entityRef) === owner &&
                event.mergedAt !== undefined,
            )
            .map(change => [change.sha, change.mergedAt!]),
        );
        const hours: number[] = [];
        for (const deploy of production(events)) {
          if (deploy.status !== 'success' || !deploy.finishedAt) continue;
          for (const sha of deploy.commitShas ?? []) {
            const at = merged.get(sha);
            if (at === undefined) continue;
            hours.push((Date.parse(deploy.finishedAt) - Date.parse(at)) / HOUR);
          }
        }
        hours.sort((a, b) => a - b);
        return hours[Math.floor(hours.length / 2)];
      };
      expect(mergeToProduction('platform')).toBeLessThan(1);
      expect(mergeToProduction('billing-legacy')).toBeGreaterThan(7 * 24);
    });

    it('gives billing-legacy manual deploys, direct pushes, flaky CI and weeks without deploys', () => {
      const elite = teamStats('platform');
      const struggling = teamStats('billing-legacy');
      expect(struggling.manualShare).toBeGreaterThan(0.5);
      expect(elite.manualShare).toBe(0);
      expect(struggling.directPushes).toBeGreaterThan(50);
      expect(elite.directPushes).toBe(0);
      expect(struggling.ciSuccess).toBeLessThan(0.8);
      expect(elite.ciSuccess).toBeGreaterThan(0.9);
      expect(struggling.deployWeeks).toBeLessThan(52 / 2);
      expect(elite.deployWeeks).toBeGreaterThan(50);
    });

    it('keeps weekends quiet', () => {
      const perWeekday = new Array(7).fill(0);
      for (const event of events) {
        if (event.type === 'change' && event.mergedAt) {
          perWeekday[new Date(event.mergedAt).getUTCDay()]++;
        }
      }
      const weekend = (perWeekday[0] + perWeekday[6]) / 2;
      const weekday = perWeekday.slice(1, 6).reduce((sum, n) => sum + n, 0) / 5;
      expect(weekend).toBeLessThan(weekday * 0.15);
    });

    it('has the most activity per component for the elite team', () => {
      const perComponent = (owner: string) =>
        events.filter(event => ownerOf(event.entityRef) === owner).length /
        ecommerceCatalog.filter(entity => entity.owner === owner).length;
      for (const owner of ['payments', 'checkout', 'billing-legacy']) {
        expect(perComponent('platform')).toBeGreaterThan(perComponent(owner));
      }
    });
  });

  describe('release trains', () => {
    /** A team's planned production deploys, and those another entity deployed the same commit with, within an hour. */
    function bundledShare(owner: string) {
      const all = production(events).filter(d => d.status === 'success');
      const own = all.filter(
        d => ownerOf(d.entityRef) === owner && d.reason === 'planned',
      );
      const bundled = own.filter(d =>
        all.some(
          other =>
            other.entityRef !== d.entityRef &&
            other.commitSha === d.commitSha &&
            Math.abs(Date.parse(other.startedAt) - Date.parse(d.startedAt)) <=
              HOUR,
        ),
      );
      return { deploys: own.length, bundled: bundled.length };
    }

    it('releases the checkout team together: one commit for its components at the same time', () => {
      const checkout = bundledShare('checkout');
      expect(checkout.deploys).toBeGreaterThan(30);
      expect(checkout.bundled / checkout.deploys).toBeGreaterThan(0.8);
    });

    it('deploys every other team on its own', () => {
      for (const owner of ['platform', 'payments', 'billing-legacy']) {
        expect([owner, bundledShare(owner).bundled]).toEqual([owner, 0]);
      }
    });

    it("ships the entity's own commits in a release of the train", () => {
      const release = production(events).find(
        d => ownerOf(d.entityRef) === 'checkout' && d.reason === 'planned',
      )!;
      const changes = events.filter(
        (event): event is ChangeEvent =>
          event.type === 'change' && event.entityRef === release.entityRef,
      );
      const own = new Set(changes.map(change => change.sha));
      expect(release.commitShas).toContain(release.commitSha);
      expect(release.commitShas!.some(sha => own.has(sha))).toBe(true);
    });
  });

  describe('entity types', () => {
    it('gives libraries builds, changes and repo facts but no deployments or incidents', () => {
      const libraries = new Set(
        ecommerceCatalog
          .filter(entity => entity.type === 'library')
          .map(entity => entity.entityRef),
      );
      const types = new Set(
        events
          .filter(event => libraries.has(event.entityRef))
          .map(event => event.type),
      );
      expect([...types].sort()).toEqual(['build', 'change', 'repo_fact']);
    });

    it('deploys websites like services', () => {
      const websites = new Set(
        ecommerceCatalog
          .filter(entity => entity.type === 'website')
          .map(entity => entity.entityRef),
      );
      const deployed = new Set(
        production(events)
          .filter(deploy => websites.has(deploy.entityRef))
          .map(deploy => deploy.entityRef),
      );
      expect(deployed).toEqual(websites);
    });

    it('runs scheduled training for the ML pipeline and reports its ML facts', () => {
      const ref = 'component:default/ml-pipeline';
      const scheduled = events.filter(
        event =>
          event.type === 'build' &&
          event.trigger === 'schedule' &&
          event.entityRef === ref,
      );
      expect(scheduled.length).toBeGreaterThan(300);
      expect(
        events.some(
          event =>
            event.type === 'build' &&
            event.trigger === 'schedule' &&
            event.entityRef !== ref,
        ),
      ).toBe(false);
      const facts = events.filter(
        (event): event is RepoFactEvent =>
          event.type === 'repo_fact' && event.entityRef === ref,
      );
      const names = facts.map(fact => fact.fact);
      expect(names).toEqual(
        expect.arrayContaining([
          'ml-pipeline-definition',
          'experiment-tracking',
          'data-validation',
        ]),
      );
    });
  });

  describe('a component new to its team', () => {
    const service = {
      entityRef: 'component:default/payment-links',
      type: 'service',
      owner: 'payments',
    };
    // NOW is 2025-06-18: began on 2025-06-08 and on 2025-04-19.
    const began = (days: number) =>
      Date.parse('2025-06-18T00:00:00.000Z') - days * DAY;

    it('has activity only from the day it began, its facts observed then', () => {
      const young = generateDemoActivity({
        entities: [{ ...service, activeDays: 10 }],
        now: NOW,
      });
      const times = young
        .filter(event => event.type !== 'repo_fact')
        .flatMap(timesOf);
      const earliest = -latestOf(times.map(time => -time));
      // A first pull request's commits may precede the day it began.
      expect(earliest).toBeGreaterThanOrEqual(
        began(10) - DEMO_LEAD_IN_DAYS * DAY,
      );
      expect(earliest).toBeLessThan(began(10) + 3 * DAY);
      expect(production(young).length).toBeGreaterThan(0);
      const observed = new Set(
        young.flatMap(event =>
          event.type === 'repo_fact' ? [event.observedAt] : [],
        ),
      );
      // It began after the month's scan (2025-06-01).
      expect([...observed]).toEqual(['2025-06-08T00:00:00.000Z']);
    });

    it('does not change the days well after it began', () => {
      const young = generateDemoActivity({
        entities: [{ ...service, activeDays: 60 }],
        now: NOW,
      });
      const always = generateDemoActivity({ entities: [service], now: NOW });
      const late = (list: MaturityEvent[]) =>
        list.filter(
          event =>
            event.type !== 'repo_fact' &&
            Math.min(...timesOf(event)) >= began(30),
        );
      expect(late(young).length).toBeGreaterThan(100);
      expect(JSON.stringify(late(young))).toBe(JSON.stringify(late(always)));
      expect(young.length).toBeLessThan(always.length / 3);
    });
  });

  it('stays within the volume budget', () => {
    expect(events.length).toBeLessThan(150_000);
    expect(events.length).toBeGreaterThan(20_000);
  });

  it('rejects invalid options', () => {
    expect(() =>
      generateDemoActivity({ entities: [], now: new Date('nope') }),
    ).toThrow(/valid current time/);
    expect(() =>
      generateDemoActivity({ entities: [], now: NOW, days: -1 }),
    ).toThrow(/whole number of days/);
    expect(() =>
      generateDemoActivity({
        entities: [{ ...ecommerceCatalog[0], activeDays: 1.5 }],
        now: NOW,
      }),
    ).toThrow(/whole active days, got 1.5/);
  });
});
