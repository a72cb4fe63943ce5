import { jsonNestsDeeperThan } from './jsonNestingDepth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[[1]]}'), 3)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[[[1]]]}'), 3)).toBe(true);
    expect(
      jsonNestsDeeperThan(bytes(`${'['.repeat(5000)}${']'.repeat(5000)}`), 16),
    ).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(`{"a":"${'['.repeat(50)}"}`), 2)).toBe(
      false,
    );
    expect(jsonNestsDeeperThan(bytes(`{"a":"\\"${'{'.repeat(50)}"}`), 2)).toBe(
      false,
    );
    expect(jsonNestsDeeperThan(bytes(`{"a":"\\\\","b":[[[1]]]}`), 2)).toBe(
      true,
    );
  });
});
