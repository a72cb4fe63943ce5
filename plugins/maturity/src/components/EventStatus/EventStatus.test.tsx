import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EventStatus, EventStatusValue } from './EventStatus';

describe('EventStatus', () => {
  it.each<[EventStatusValue, string, string]>([
    ['success', 'Succeeded', 'status-ok'],
    ['failure', 'Failed', 'status-error'],
    ['acknowledged', 'Acknowledged', 'status-warning'],
    ['triggered', 'Triggered', 'status-error'],
    ['merged', 'Merged', 'status-ok'],
  ])('shows %s as an icon and the word %s', async (status, label, icon) => {
    await renderInTestApp(<EventStatus status={status} />);

    expect(screen.getByText(label)).toBeVisible();
    expect(screen.getByTestId(icon)).toBeInTheDocument();
  });
});
