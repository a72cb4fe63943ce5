import { ConfigReader } from '@backstage/config';
import { readPagerDutyConfig } from './readPagerDutyConfig';

const TOKEN = 'y_NbAkKc66ryYTWUXYEu';
const read = (pagerduty: any) =>
  readPagerDutyConfig(
    new ConfigReader({ maturity: { sources: { pagerduty } } }),
  );

describe('readPagerDutyConfig', () => {
  it('is undefined without the block: the source is disabled', () => {
    expect(readPagerDutyConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('fills in the defaults', () => {
    expect(read({ token: TOKEN })).toEqual({
      token: TOKEN,
      apiBaseUrl: 'https://api.pagerduty.com',
      schedule: expect.objectContaining({ frequency: { minutes: 15 } }),
      initialLookbackDays: 90,
      webhookSecrets: [],
    });
  });

  it('reads every option', () => {
    expect(
      read({
        token: TOKEN,
        apiBaseUrl: 'https://api.eu.pagerduty.com/',
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
        initialLookbackDays: 30,
        webhookSecrets: ['a', 'b'],
      }),
    ).toEqual({
      token: TOKEN,
      apiBaseUrl: 'https://api.eu.pagerduty.com',
      schedule: expect.objectContaining({
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
      }),
      initialLookbackDays: 30,
      webhookSecrets: ['a', 'b'],
    });
  });

  it('accepts the longest lookback PagerDuty lists at once', () => {
    expect(read({ token: TOKEN, initialLookbackDays: 180 })).toMatchObject({
      initialLookbackDays: 180,
    });
  });

  it.each([
    ['a missing token', {}, /maturity\.sources\.pagerduty\.token/],
    ['an empty token', { token: ' ' }, /maturity\.sources\.pagerduty\.token/],
    [
      'a relative base URL',
      { token: TOKEN, apiBaseUrl: '/pd' },
      /maturity\.sources\.pagerduty\.apiBaseUrl/,
    ],
    [
      'a bad schedule',
      { token: TOKEN, schedule: { frequency: 'often' } },
      /maturity\.sources\.pagerduty\.schedule/,
    ],
    [
      'a negative lookback',
      { token: TOKEN, initialLookbackDays: -1 },
      /maturity\.sources\.pagerduty\.initialLookbackDays/,
    ],
    [
      'a lookback beyond what PagerDuty lists at once',
      { token: TOKEN, initialLookbackDays: 181 },
      /maturity\.sources\.pagerduty\.initialLookbackDays': must be at most 180 days/,
    ],
    [
      'an empty webhook secret',
      { token: TOKEN, webhookSecrets: [''] },
      /maturity\.sources\.pagerduty\.webhookSecrets/,
    ],
  ])('throws naming the key for %s, never showing the token', (_n, c, key) => {
    let error: Error | undefined;
    try {
      read(c);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(key);
    expect(error?.message).not.toContain(TOKEN);
  });
});
