import { StoredMaturityEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  checkoutApiSummary,
  NOW,
} from '../../testing/checkoutApiActivity';
import { EvidenceDialog } from './EvidenceDialog';

const events: StoredMaturityEvent[] = [
  {
    id: 'deployment:3649',
    type: 'deployment',
    source: 'argocd',
    entityRef: 'component:default/checkout-api',
    externalId: 'checkout-api-prod-412',
    environment: 'production',
    commitSha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    status: 'success',
    reason: 'hotfix',
    startedAt: '2026-11-23T09:00:00.000Z',
    url: 'https://argocd.example.com/applications/checkout-api?rev=412',
    occurredAt: '2026-11-23T09:00:00.000Z',
    ingestedAt: '2026-11-23T09:01:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
  },
  {
    id: 'incident:88',
    type: 'incident',
    source: 'pagerduty',
    entityRef: 'component:default/checkout-api',
    externalId: 'Q1X2',
    title: 'Checkout error rate above 5%',
    status: 'resolved',
    urgency: 'high',
    triggeredAt: '2026-11-23T10:00:00.000Z',
    occurredAt: '2026-11-23T10:00:00.000Z',
    ingestedAt: '2026-11-23T10:01:00.000Z',
    updatedAt: '2026-11-23T10:30:00.000Z',
  },
];

const window = {
  from: '2026-08-25T11:30:00.000Z',
  to: '2026-11-23T11:30:00.000Z',
};

describe('EvidenceDialog', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('lists the events behind the evidence ids with links to their tools', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, events);
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EvidenceDialog
          open
          onClose={() => {}}
          title="Change failure rate"
          entityRef="component:default/checkout-api"
          evidence={['incident:88', 'deployment:3649', 'deployment:1']}
          window={window}
        />
      </TestApiProvider>,
    );

    expect(
      screen.getByText('Evidence: Change failure rate'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/2 of 3 events found/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /production deploy · success · hotfix · a1b2c3d/,
      }),
    ).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/checkout-api?rev=412',
    );
    expect(
      screen.getByText(
        'Checkout error rate above 5% · high urgency · resolved',
      ),
    ).toBeInTheDocument();
    expect(api.getEntityEventsById).toHaveBeenCalledWith(
      'component:default/checkout-api',
      expect.arrayContaining(['incident:88']),
      window,
    );
  });

  it('says when the value was computed from more events than it keeps', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, events);
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EvidenceDialog
          open
          onClose={() => {}}
          title="Deployment frequency"
          entityRef="component:default/checkout-api"
          evidence={['deployment:3649']}
          sampleSize={196}
          window={window}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        /computed from 196 events; a result keeps the 1 most relevant/,
      ),
    ).toBeInTheDocument();
  });

  it('says so when none of the events are stored any more', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, []);
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EvidenceDialog
          open
          onClose={() => {}}
          title="CI runs"
          entityRef="component:default/checkout-api"
          evidence={['build:1']}
          window={window}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/None of the 1 events behind this result/),
    ).toBeInTheDocument();
  });

  it('shows an error when the events cannot be read', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, events);
    api.getEntityEventsById.mockRejectedValue(
      new Error('Database unavailable'),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EvidenceDialog
          open
          onClose={() => {}}
          title="CI runs"
          entityRef="component:default/checkout-api"
          evidence={['build:1']}
          window={window}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Could not load the evidence/),
    ).toBeInTheDocument();
  });
});
