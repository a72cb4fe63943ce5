import { ConfigReader } from '@backstage/config';
import { readGithubConfig } from './readGithubConfig';

const read = (github: unknown) =>
  readGithubConfig(
    new ConfigReader({ maturity: { sources: { github } } } as any),
    { hasCredentials: true },
  );

describe('readGithubConfig', () => {
  it('is undefined without maturity.sources.github and without credentials', () => {
    const none = { hasCredentials: false };
    expect(readGithubConfig(new ConfigReader({}), none)).toBeUndefined();
    expect(
      readGithubConfig(new ConfigReader({ maturity: { sources: {} } }), none),
    ).toBeUndefined();
  });

  it('takes the defaults without the block once there are credentials', () => {
    expect(
      readGithubConfig(new ConfigReader({}), { hasCredentials: true }),
    ).toEqual(read({}));
  });

  it('is undefined with enabled: false, and refuses a non-boolean', () => {
    expect(read({ enabled: false, maxConcurrency: 2 })).toBeUndefined();
    expect(read({ enabled: true })).toEqual(read({}));
    expect(() => read({ enabled: 'maybe' })).toThrow(
      "Invalid config at 'maturity.sources.github.enabled': must be true or false",
    );
  });

  it('applies the defaults to an empty block', () => {
    expect(read({})).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 25 },
        initialDelay: { seconds: 30 },
      },
      initialLookbackDays: 90,
      maxConcurrency: 4,
    });
  });

  it('reads every setting', () => {
    expect(
      read({
        schedule: { frequency: { minutes: 10 }, timeout: { minutes: 8 } },
        initialLookbackDays: 30,
        maxConcurrency: 2,
      }),
    ).toEqual({
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 8 } },
      initialLookbackDays: 30,
      maxConcurrency: 2,
    });
  });

  it.each([
    [{ initialLookbackDays: 0 }, 'initialLookbackDays'],
    [{ initialLookbackDays: 'soon' }, 'initialLookbackDays'],
    [{ maxConcurrency: 0 }, 'maxConcurrency'],
    [{ maxConcurrency: 2.5 }, 'maxConcurrency'],
    [{ schedule: { frequency: 'often' } }, 'schedule'],
  ])('names the key of an invalid value: %j', (github, name) => {
    expect(() => read(github)).toThrow(
      new RegExp(`maturity\\.sources\\.github\\.${name}`),
    );
  });

  it('refuses a non-object block', () => {
    expect(() => read('yes')).toThrow(/maturity\.sources\.github/);
  });
});
