import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EventStatusValue } from '../components/EventStatus';
import { RecentEventsTable } from '../components/RecentEventsTable';
import {
  eventLinkColumn,
  eventStatusColumn,
  relativeTimeColumn,
} from './eventColumns';

type Run = {
  name: string;
  url?: string;
  status: EventStatusValue;
  startedAt?: string;
};

const columns = [
  eventLinkColumn<Run>('Run', run => `Run ${run.name}`),
  eventStatusColumn<Run>('Status', run => run.status),
  relativeTimeColumn<Run>('Started', run => run.startedAt),
];

async function renderRuns(runs: Run[]) {
  await renderInTestApp(
    <RecentEventsTable<Run>
      title="Runs"
      columns={columns}
      events={runs}
      emptyMessage="No runs."
    />,
  );
  return screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell'));
}

describe('event columns', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-23T12:00:00Z'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('link to the record, show the status in words and the time relative to now', async () => {
    const [[name, status, started]] = await renderRuns([
      {
        name: '42',
        url: 'https://ci.example.com/runs/42',
        status: 'failure',
        startedAt: '2026-11-23T09:00:00Z',
      },
    ]);

    expect(within(name).getByRole('link', { name: /Run 42/ })).toHaveAttribute(
      'href',
      'https://ci.example.com/runs/42',
    );
    expect(status).toHaveTextContent('Failed');
    expect(started.querySelector('time')).toHaveAttribute(
      'datetime',
      '2026-11-23T09:00:00Z',
    );
    expect(started).toHaveTextContent('3 hours ago');
  });

  it('show plain text without a URL and a dash without a time', async () => {
    const [[name, , started]] = await renderRuns([
      { name: '7', status: 'running' },
    ]);

    expect(name).toHaveTextContent('Run 7');
    expect(within(name).queryByRole('link')).not.toBeInTheDocument();
    expect(started).toHaveTextContent('—');
  });
});
