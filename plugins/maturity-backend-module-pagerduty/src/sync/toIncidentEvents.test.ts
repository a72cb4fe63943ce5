import { FIXTURE_INCIDENTS } from '../__testUtils__/pagerDutyApi';
import { incidentExternalId, toIncidentEvents } from './toIncidentEvents';

const ENTITY = 'component:default/checkout-api';
const WORKER = 'component:default/checkout-worker';

describe('incidentExternalId', () => {
  it('is the incident id and the entity ref, whatever else shares the service', () => {
    const incident = FIXTURE_INCIDENTS[0];
    const ids = (entityRefs: string[]) =>
      toIncidentEvents(incident, entityRefs).map(e => e.externalId);
    expect(ids([ENTITY])).toEqual([`${incident.id}:${ENTITY}`]);
    expect(ids([ENTITY, WORKER])).toEqual([
      `${incident.id}:${ENTITY}`,
      `${incident.id}:${WORKER}`,
    ]);
  });

  it('stays within the store’s 255 characters, by a hash of a very long entity ref', () => {
    const long = `component:${'n'.repeat(63)}/${'x'.repeat(180)}`;
    const other = `${long.slice(0, -1)}y`;
    const id = 'Q3SYOO2T5U9HWN';
    expect(incidentExternalId(id, long)).toMatch(
      /^Q3SYOO2T5U9HWN:[0-9a-f]{40}$/,
    );
    expect(incidentExternalId(id, long)).toBe(incidentExternalId(id, long));
    expect(incidentExternalId(id, other)).not.toBe(
      incidentExternalId(id, long),
    );
    // Just within: the ref itself.
    const fits = `component:default/${'x'.repeat(255 - id.length - 19)}`;
    expect(incidentExternalId(id, fits)).toBe(`${id}:${fits}`);
    expect(incidentExternalId(id, fits)).toHaveLength(255);
  });
});
