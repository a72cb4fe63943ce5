import { findJsonShapeProblem } from './jsonShape';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const deeperThan = (text: string, maxDepth: number) =>
  findJsonShapeProblem(bytes(text), { maxDepth, maxArrayItems: 1e9 }) ===
  'depth';
const longerThan = (text: string, maxArrayItems: number) =>
  findJsonShapeProblem(bytes(text), { maxDepth: 16, maxArrayItems }) ===
  'arrayItems';

describe('findJsonShapeProblem', () => {
  it('counts arrays and objects', () => {
    expect(deeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(deeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(deeperThan(`${'['.repeat(5000)}${']'.repeat(5000)}`, 16)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(deeperThan(`{"a":"${'['.repeat(50)}"}`, 2)).toBe(false);
    expect(deeperThan(`{"a":"\\"${'{'.repeat(50)}"}`, 2)).toBe(false);
    expect(deeperThan(`{"a":"\\\\","b":[[[1]]]}`, 2)).toBe(true);
  });

  it('counts the items of every array, not the fields of objects', () => {
    expect(longerThan('[1,2,3]', 3)).toBe(false);
    expect(longerThan('[1,2,3,4]', 3)).toBe(true);
    expect(longerThan('[]', 0)).toBe(false);
    expect(longerThan('{"a":1,"b":2,"c":3,"d":4}', 3)).toBe(false);
    // An inner array's items are its own; the outer array has two.
    expect(longerThan('[[1,2,3],[4,5]]', 3)).toBe(false);
    expect(longerThan('[[1,2],[3,4,5,6]]', 3)).toBe(true);
    expect(longerThan('{"a":[1,2],"b":[1,2,3,4]}', 3)).toBe(true);
    expect(longerThan(`{"steps":[${'1,'.repeat(2_500_000)}1]}`, 2048)).toBe(
      true,
    );
  });

  it('ignores commas inside strings', () => {
    expect(longerThan('["a,b,c,d,e"]', 1)).toBe(false);
    expect(longerThan('["a\\",b,c", "d"]', 2)).toBe(false);
  });
});

describe('findJsonShapeProblem on strings', () => {
  const stringLongerThan = (text: string, maxStringBytes: number) =>
    findJsonShapeProblem(bytes(text), {
      maxDepth: 16,
      maxArrayItems: 1000,
      maxStringBytes,
    }) === 'stringBytes';

  it('counts the bytes of every string, keys included, escapes as sent', () => {
    expect(stringLongerThan('{"a":"1234"}', 4)).toBe(false);
    expect(stringLongerThan('{"a":"12345"}', 4)).toBe(true);
    expect(stringLongerThan('{"abcde":1}', 4)).toBe(true);
    expect(stringLongerThan('["\\"\\""]', 4)).toBe(false);
    expect(stringLongerThan('["\\"\\"\\""]', 4)).toBe(true);
    expect(stringLongerThan('["é€"]', 5)).toBe(false);
    expect(stringLongerThan('["é€"]', 4)).toBe(true);
  });

  it('counts an unterminated string too', () => {
    expect(stringLongerThan(`{"a":"${'x'.repeat(100)}`, 50)).toBe(true);
  });
});
