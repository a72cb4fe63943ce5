import { GithubRepository } from '../catalog/readRepositoryMap';
import { repository } from '../__testUtils__/githubApi';
import { EntityCoverage } from './EntityCoverage';

const LOOKBACK = '2026-08-22T12:00:00.000Z';
const POSITION = '2026-11-01T00:00:00Z';
const CART = 'component:default/cart';
const monorepo: GithubRepository = {
  ...repository,
  entities: [...repository.entities, { entityRef: CART, path: 'cart' }],
};
const [checkout, cart] = monorepo.entities;

describe('EntityCoverage', () => {
  it('reads from the stored positions when every entity is covered', () => {
    const coverage = new EntityCoverage(
      monorepo,
      [CART, checkout.entityRef],
      LOOKBACK,
    );
    expect(coverage.rereading).toBe(false);
    expect(coverage.since(POSITION)).toBe(POSITION);
    expect(coverage.since(undefined)).toBe(LOOKBACK);
    expect(coverage.entitiesAt('2026-10-01T00:00:00Z', POSITION)).toEqual(
      monorepo.entities,
    );
  });

  it('counts a cursor that names no entities as covering every one', () => {
    const coverage = new EntityCoverage(monorepo, undefined, LOOKBACK);
    expect(coverage.added).toEqual([]);
    expect(coverage.since(POSITION)).toBe(POSITION);
  });

  it('reads again from the lookback for a newly mapped entity, and writes what lies before the position for it alone', () => {
    const coverage = new EntityCoverage(
      monorepo,
      [checkout.entityRef],
      LOOKBACK,
    );
    expect(coverage.rereading).toBe(true);
    expect(coverage.added).toEqual([cart]);
    expect(coverage.since(POSITION)).toBe(LOOKBACK);
    expect(coverage.entitiesAt('2026-10-01T00:00:00Z', POSITION)).toEqual([
      cart,
    ]);
    expect(coverage.entitiesAt(undefined, POSITION)).toEqual([cart]);
    expect(coverage.entitiesAt(POSITION, POSITION)).toEqual(monorepo.entities);
    expect(coverage.entitiesAt('2026-11-02T00:00:00Z', POSITION)).toEqual(
      monorepo.entities,
    );
    // A stream that had no position yet had written nothing for anyone.
    expect(coverage.entitiesAt('2026-10-01T00:00:00Z', undefined)).toEqual(
      monorepo.entities,
    );
  });

  it('causes no re-read for an entity no longer mapped', () => {
    const coverage = new EntityCoverage(
      repository,
      [CART, checkout.entityRef],
      LOOKBACK,
    );
    expect(coverage.rereading).toBe(false);
  });
});
