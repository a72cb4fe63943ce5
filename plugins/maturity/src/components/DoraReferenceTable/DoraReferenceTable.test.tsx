import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoraReferenceTable } from './DoraReferenceTable';

describe('DoraReferenceTable', () => {
  it('shows the clusters of the chosen report with its citation', async () => {
    await renderInTestApp(<DoraReferenceTable />);

    expect(
      screen.getByRole('table', {
        name: 'State of DevOps 2024 performance clusters',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Report 2024, Google Cloud/)).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByLabelText('Report'),
      'State of DevOps 2021',
    );

    expect(
      screen.getByRole('table', {
        name: 'State of DevOps 2021 performance clusters',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Time to restore service')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /dora.dev/ })).toHaveAttribute(
      'href',
      'https://dora.dev/research/2021/dora-report/',
    );
  });
});
