import { ConfigReader } from '@backstage/config';
import { readCampaignsConfig } from './readCampaignsConfig';

const read = (campaigns: object) =>
  readCampaignsConfig(new ConfigReader({ maturity: { campaigns } }));

describe('readCampaignsConfig', () => {
  it('runs every 10 minutes and reminds 14 and 3 days before by default', () => {
    expect(readCampaignsConfig(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 10 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
      },
      reminderDaysBefore: [14, 3],
    });
  });

  it('reads the schedule and the reminders, farthest first and each once', () => {
    expect(
      read({
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
        reminderDaysBefore: [1, 7, 7],
      }),
    ).toEqual({
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      reminderDaysBefore: [7, 1],
    });
    expect(read({ reminderDaysBefore: [] }).reminderDaysBefore).toEqual([]);
  });

  it('names the setting that is wrong', () => {
    for (const reminderDaysBefore of [[14, 0], [366], [2.5], ['x'], 3]) {
      expect(() => read({ reminderDaysBefore })).toThrow(
        'maturity.campaigns.reminderDaysBefore',
      );
    }
    expect(() => read({ schedule: { frequency: 'often' } })).toThrow(
      /frequency/,
    );
  });
});
