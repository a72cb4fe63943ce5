import { ConfigReader } from '@backstage/config';
import { SourceConfigBlock } from './SourceConfigBlock';

const KEY = 'maturity.sources.tool';
const read = (tool: unknown) =>
  SourceConfigBlock.read(
    new ConfigReader({ maturity: { sources: { tool } } } as any),
    KEY,
  );
const DEFAULT_SCHEDULE = {
  frequency: { minutes: 30 },
  timeout: { minutes: 25 },
};

describe('SourceConfigBlock', () => {
  it('is undefined without the block: the source is disabled', () => {
    expect(SourceConfigBlock.read(new ConfigReader({}), KEY)).toBeUndefined();
    expect(
      SourceConfigBlock.read(
        new ConfigReader({ maturity: { sources: {} } }),
        KEY,
      ),
    ).toBeUndefined();
  });

  it('refuses a block that is not an object, naming the key', () => {
    expect(() => read('yes')).toThrow(
      "Invalid config at 'maturity.sources.tool': must be an object",
    );
  });

  it('fills in the defaults of an empty block', () => {
    const block = read({})!;
    expect(block.key).toBe(KEY);
    expect(block.readSchedule(DEFAULT_SCHEDULE)).toBe(DEFAULT_SCHEDULE);
    expect(block.readInitialLookbackDays()).toBe(90);
    expect(block.readInitialLookbackDays(30)).toBe(30);
    expect(block.readNumber('maxConcurrency', 4)).toBe(4);
  });

  it('reads the settings sources share', () => {
    const block = read({
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
      initialLookbackDays: 14,
      maxConcurrency: 8,
      token: 'kept for the source to read',
    })!;
    expect(block.readSchedule(DEFAULT_SCHEDULE)).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 2 },
    });
    expect(block.readInitialLookbackDays()).toBe(14);
    expect(block.readNumber('maxConcurrency', 4)).toBe(8);
    expect(block.config.getString('token')).toBe('kept for the source to read');
  });

  it.each([
    ['schedule', { schedule: { frequency: 'often' } }, 'schedule'],
    ['a zero lookback', { initialLookbackDays: 0 }, 'initialLookbackDays'],
    ['a negative lookback', { initialLookbackDays: -1 }, 'initialLookbackDays'],
    ['a lookback word', { initialLookbackDays: 'soon' }, 'initialLookbackDays'],
  ])('names the full key of an invalid %s', (_name, tool, key) => {
    const block = read(tool)!;
    expect(() => {
      block.readSchedule(DEFAULT_SCHEDULE);
      block.readInitialLookbackDays();
    }).toThrow(
      new RegExp(`^Invalid config at 'maturity\\.sources\\.tool\\.${key}': `),
    );
  });

  it('words the errors of source-specific settings the same way', () => {
    expect(read({})!.invalid('token', 'is required').message).toBe(
      "Invalid config at 'maturity.sources.tool.token': is required",
    );
    expect(() =>
      read({ maxConcurrency: 'many' })!.readNumber('maxConcurrency', 4),
    ).toThrow(
      "Invalid config at 'maturity.sources.tool.maxConcurrency': must be a number",
    );
  });
});
