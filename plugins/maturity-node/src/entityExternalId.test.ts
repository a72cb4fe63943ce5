import { entityExternalId } from './entityExternalId';

describe('entityExternalId', () => {
  it('joins the item id and the entity ref', () => {
    expect(
      entityExternalId('30433641', 'component:default/checkout-api', ' '),
    ).toBe('30433641 component:default/checkout-api');
    expect(entityExternalId('PT4KHLK', 'component:default/cart', ':')).toBe(
      'PT4KHLK:component:default/cart',
    );
  });

  it('hashes an entity ref that would take the id past 255 characters', () => {
    const long = `component:default/${'x'.repeat(240)}`;
    const other = `component:default/${'y'.repeat(240)}`;
    const id = entityExternalId('1001', long, ':');
    expect(id).toMatch(/^1001:[0-9a-f]{40}$/);
    expect(entityExternalId('1001', long, ':')).toBe(id);
    expect(entityExternalId('1001', other, ':')).not.toBe(id);
    // Exactly 255 characters still fit.
    const fits = `component:default/${'z'.repeat(255 - 5 - 18)}`;
    expect(entityExternalId('1001', fits, ':')).toBe(`1001:${fits}`);
  });
});
