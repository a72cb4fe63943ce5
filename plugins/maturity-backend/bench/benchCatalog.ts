import { Entity } from '@backstage/catalog-model';
import {
  DemoEntity,
  DemoMaturityTier,
  SeededRandom,
} from '@maturity-for-backstage/backstage-plugin-maturity-backend-module-demo';

/**
 * A synthetic organisation of the size the targets are set for: a root
 * group, departments, teams (three levels), domains, systems and
 * components of realistic types and lifecycles. Deterministic for a given
 * component count.
 */
export interface BenchCatalog {
  groups: Entity[];
  domains: Entity[];
  systems: Entity[];
  components: Entity[];
  /**
   * What the demo generator needs for each component connected to source
   * control and CI, in component order. The others are catalog-only.
   */
  activity: DemoEntity[];
  /** Team group refs with their maturity tier, for the report. */
  teamTiers: Map<string, DemoMaturityTier>;
}

const DEPARTMENTS = [
  'commerce',
  'payments-org',
  'platform-org',
  'data-org',
  'customer',
  'growth',
  'corporate',
  'security-org',
];

const DOMAINS = [
  'retail',
  'money',
  'infrastructure',
  'insights',
  'engagement',
  'back-office',
];

/**
 * Tiers of the 32 teams, weighted toward the middle and the bottom as in a
 * large organisation: 1 elite, 3 high, 10 medium, 10 low-medium, 8
 * struggling.
 */
const TEAM_TIERS: DemoMaturityTier[] = [
  ...Array<DemoMaturityTier>(1).fill('elite'),
  ...Array<DemoMaturityTier>(3).fill('high'),
  ...Array<DemoMaturityTier>(10).fill('medium'),
  ...Array<DemoMaturityTier>(10).fill('low-medium'),
  ...Array<DemoMaturityTier>(8).fill('struggling'),
];

/**
 * Share of components whose repository and CI report to the plugin. A
 * catalog of ten thousand components is never fully wired: the rest are
 * scored from catalog facts alone (and mostly land on level 0).
 */
export const CONNECTED_SHARE = 0.4;

/** A demo team of each tier: the demo generator picks behaviour by owner. */
const DEMO_TEAM_OF_TIER: Record<DemoMaturityTier, string> = {
  elite: 'platform',
  high: 'payments',
  medium: 'checkout',
  'low-medium': 'analytics',
  struggling: 'billing-legacy',
};

/** Component types with their share of a large catalog. */
const TYPE_SHARES: Array<[type: string, share: number]> = [
  ['service', 0.35],
  ['library', 0.38],
  ['website', 0.07],
  ['documentation', 0.15],
  ['ml-pipeline', 0.02],
  ['ml-model', 0.03],
];

/** Lifecycles with their share: big catalogs carry a lot of dead weight. */
const LIFECYCLE_SHARES: Array<[lifecycle: string, share: number]> = [
  ['production', 0.5],
  ['experimental', 0.15],
  ['deprecated', 0.35],
];

const NOUNS = [
  'api',
  'worker',
  'gateway',
  'ui',
  'sdk',
  'indexer',
  'scheduler',
  'adapter',
  'sync',
  'store',
  'router',
  'reports',
];

function pick<T>(random: SeededRandom, shares: Array<[T, number]>): T {
  let roll = random.next();
  for (const [value, share] of shares) {
    roll -= share;
    if (roll < 0) return value;
  }
  return shares[shares.length - 1][0];
}

function group(name: string, type: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type, children: [], ...(parent ? { parent } : {}) },
  };
}

/** Builds the organisation with `componentCount` components. */
export function createBenchCatalog(componentCount: number): BenchCatalog {
  const random = new SeededRandom(`bench-catalog|${componentCount}`);
  const groups: Entity[] = [group('acme', 'organization')];
  const teams: Array<{ name: string; tier: DemoMaturityTier }> = [];
  DEPARTMENTS.forEach((department, d) => {
    groups.push(group(department, 'department', 'acme'));
    for (let t = 0; t < 4; t++) {
      const index = d * 4 + t;
      // Interleave tiers across departments so every department mixes them.
      const tier = TEAM_TIERS[(index * 7) % TEAM_TIERS.length];
      const name = `${department.replace(/-org$/, '')}-team-${t + 1}`;
      teams.push({ name, tier });
      groups.push(group(name, 'team', department));
    }
  });

  const domains: Entity[] = DOMAINS.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'acme' },
  }));

  const systems: Entity[] = [];
  for (let s = 0; s < 60; s++) {
    const owner = teams[s % teams.length];
    systems.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s + 1}`, namespace: 'default' },
      spec: { owner: owner.name, domain: DOMAINS[s % DOMAINS.length] },
    });
  }

  const components: Entity[] = [];
  const activity: DemoEntity[] = [];
  for (let c = 0; c < componentCount; c++) {
    const team = teams[random.integer(0, teams.length - 1)];
    const type = pick(random, TYPE_SHARES);
    const lifecycle = pick(random, LIFECYCLE_SHARES);
    // Systems mostly belong to the owning team's neighbourhood.
    const system =
      systems[(teams.indexOf(team) + 32 * random.integer(0, 1)) % 60];
    const name = `${team.name}-${NOUNS[c % NOUNS.length]}-${c + 1}`;
    const deployable = type !== 'library' && type !== 'documentation';
    const connected = random.next() < CONNECTED_SHARE;
    const annotations: Record<string, string> = {
      'backstage.io/techdocs-ref': 'dir:.',
    };
    if (connected) {
      annotations['github.com/project-slug'] = `acme/${name}`;
    }
    if (connected && deployable && random.next() < 0.7) {
      annotations['pagerduty.com/service-id'] = `P${c.toString(36)}`;
    }
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        title: name.replace(/-/g, ' '),
        annotations,
        ...(random.next() < 0.8
          ? { description: `The ${name} component of ${team.name}` }
          : {}),
        ...(random.next() < 0.6 ? { tags: [type, team.tier] } : {}),
      },
      spec: {
        type,
        lifecycle,
        owner: team.name,
        system: system.metadata.name,
        ...(type === 'service' && random.next() < 0.5
          ? { providesApis: [`${name}-api`] }
          : {}),
      },
    };
    components.push(entity);
    if (connected) {
      activity.push({
        entityRef: `component:default/${name}`,
        type,
        owner: DEMO_TEAM_OF_TIER[team.tier],
        lifecycle,
      });
    }
  }

  return {
    groups,
    domains,
    systems,
    components,
    activity,
    teamTiers: new Map(teams.map(t => [`group:default/${t.name}`, t.tier])),
  };
}
