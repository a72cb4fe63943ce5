import { PagerDutyLogEntry } from '../api/types';
import incidentLogEntries from '../__fixtures__/incidentLogEntries.json';
import incidentLogEntriesNeverAcknowledged from '../__fixtures__/incidentLogEntriesNeverAcknowledged.json';
import { firstAcknowledgedAt } from './firstAcknowledgedAt';

describe('firstAcknowledgedAt', () => {
  it('is the earliest acknowledgement of a log listed newest first', () => {
    expect(
      firstAcknowledgedAt(
        incidentLogEntries.log_entries as PagerDutyLogEntry[],
      ),
    ).toBe('2026-11-20T14:19:30.000Z');
  });

  it('is undefined for an incident never acknowledged', () => {
    expect(
      firstAcknowledgedAt(
        incidentLogEntriesNeverAcknowledged.log_entries as PagerDutyLogEntry[],
      ),
    ).toBeUndefined();
  });
});
