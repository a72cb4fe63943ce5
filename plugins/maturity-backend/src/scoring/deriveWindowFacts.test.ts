import {
  BuildRecord,
  EventPresence,
  MetricsWindowRows,
} from '../database/MetricsWindowReader';
import { deriveWindowFacts } from './deriveWindowFacts';

// Rows as the window read gives them; no database.
const SHOP = 'component:default/shop';
const PAGER = 'component:default/pager';
const ALERTS = 'component:default/alerts';
const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2026-03-29T00:00:00Z');

const presence = (facts: Partial<EventPresence>): EventPresence => ({
  builds: false,
  changes: false,
  repoFacts: false,
  incidents: false,
  productionDeploys: false,
  ...facts,
});

const build = (id: number, steps: string[]): BuildRecord => ({
  id,
  entityRef: SHOP,
  isDefaultBranch: true,
  status: 'success',
  startedAt: Date.parse('2026-03-10T10:00:00Z') + id,
  finishedAt: Date.parse('2026-03-10T10:10:00Z') + id,
  steps,
});

const rows: MetricsWindowRows = {
  presence: new Map([
    [SHOP, presence({ builds: true, repoFacts: true })],
    [ALERTS, presence({ incidents: true })],
  ]),
  deployments: [],
  changeLinks: [],
  reverts: [],
  changes: [],
  authors: [],
  builds: [build(1, ['unit-test', 'sast']), build(2, ['lint', 'unit-test'])],
  incidents: [],
};

describe('deriveWindowFacts', () => {
  const facts = deriveWindowFacts(
    rows,
    {
      entities: [
        { entityRef: SHOP },
        { entityRef: PAGER },
        { entityRef: ALERTS },
      ],
      from: FROM,
      to: TO,
    },
    new Set([PAGER]),
  );

  it('decides connected tools from the rows and the incident annotation', () => {
    expect(Object.fromEntries(facts.connections)).toEqual({
      [SHOP]: { scm: true, ci: true, incidents: false },
      [PAGER]: { scm: false, ci: false, incidents: true },
      [ALERTS]: { scm: false, ci: false, incidents: true },
    });
  });

  it('judges stability only where an incident tool is connected, by annotation or by stored incidents', () => {
    const statusOf = (ref: string) =>
      facts.metrics.get(ref)!.metrics.mttr.status;
    expect(statusOf(SHOP)).toBe('not-applicable');
    expect(statusOf(PAGER)).not.toBe('not-applicable');
    expect(statusOf(ALERTS)).not.toBe('not-applicable');
    expect([...facts.metrics.keys()]).toEqual([SHOP, PAGER, ALERTS]);
  });

  it('gives each entity with runs its distinct step kinds, sorted', () => {
    expect(Object.fromEntries(facts.ciStepKinds)).toEqual({
      [SHOP]: ['lint', 'sast', 'unit-test'],
    });
  });
});
