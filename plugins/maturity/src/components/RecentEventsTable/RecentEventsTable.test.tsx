import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { RecentEventsTable } from './RecentEventsTable';

type Row = { id: string; name: string };

const columns = [{ title: 'Name', render: (row: Row) => row.name }];

describe('RecentEventsTable', () => {
  it('lists the events under its title and subtitle, in the given order', async () => {
    await renderInTestApp(
      <RecentEventsTable<Row>
        title="Recent builds"
        subtitle="Latest 2 of 7"
        columns={columns}
        events={[
          { id: '2', name: 'second' },
          { id: '1', name: 'first' },
        ]}
        emptyMessage="No builds recorded in this window."
      />,
    );

    expect(
      screen.getByRole('heading', { name: 'Recent builds' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Latest 2 of 7')).toBeInTheDocument();
    const cells = screen.getAllByRole('cell').map(cell => cell.textContent);
    expect(cells).toEqual(['second', 'first']);
    expect(
      screen.queryByText('No builds recorded in this window.'),
    ).not.toBeInTheDocument();
  });

  it('says when none were recorded', async () => {
    await renderInTestApp(
      <RecentEventsTable<Row>
        title="Recent builds"
        columns={columns}
        events={[]}
        emptyMessage="No builds recorded in this window."
      />,
    );

    expect(
      screen.getByText('No builds recorded in this window.'),
    ).toBeInTheDocument();
  });
});
