import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityMaturityLink } from './EntityMaturityLink';

describe('EntityMaturityLink', () => {
  async function renderLink(entityRef: string, defaultKind?: string) {
    await renderInTestApp(
      <EntityMaturityLink entityRef={entityRef} defaultKind={defaultKind} />,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
  }

  it("links to the entity's Maturity tab, kind and namespace lowercased as the catalog routes them", async () => {
    await renderLink('Component:Payments/Checkout-API');

    expect(
      screen.getByRole('link', { name: 'component:Payments/Checkout-API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/payments/component/Checkout-API/maturity',
    );
  });

  it('names the entity without its default namespace and the kind given', async () => {
    await renderLink('group:default/team-a', 'group');

    expect(screen.getByRole('link', { name: 'team-a' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-a/maturity',
    );
  });
});
