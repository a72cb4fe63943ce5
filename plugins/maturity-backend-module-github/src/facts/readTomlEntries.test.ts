import {
  inlineTableString,
  readTomlEntries,
  tomlStrings,
} from './readTomlEntries';

describe('readTomlEntries', () => {
  it('reads tables, quoted and dotted keys, and values spanning lines', () => {
    const { tables, entries } = readTomlEntries(
      [
        '# a comment',
        '[target.\'cfg(target_os = "linux")\'.dependencies]',
        '"quoted.key" = "1" # trailing',
        'dotted.key = { version = "2" }',
        '[[bin]]',
        'name = "ledger#1"',
        '[project]',
        'dependencies = [',
        '  "mlflow[extras]>=2", # the ] in a string does not close',
        "  'evidently',",
        ']',
        'after = true',
      ].join('\n'),
    );
    expect(tables).toEqual([
      ['target', 'cfg(target_os = "linux")', 'dependencies'],
      ['bin'],
      ['project'],
    ]);
    expect(entries.map(({ table, key }) => [table.join('|'), key])).toEqual([
      ['target|cfg(target_os = "linux")|dependencies', ['quoted.key']],
      ['target|cfg(target_os = "linux")|dependencies', ['dotted', 'key']],
      ['bin', ['name']],
      ['project', ['dependencies']],
      ['project', ['after']],
    ]);
    expect(tomlStrings(entries[2].value)).toEqual(['ledger#1']);
    expect(tomlStrings(entries[3].value)).toEqual([
      'mlflow[extras]>=2',
      'evidently',
    ]);
  });

  it('takes strings outside inline tables, and strings of an inline table by key', () => {
    expect(tomlStrings('[{ include-group = "test" }, "ruff"]')).toEqual([
      'ruff',
    ]);
    expect(tomlStrings('"say \\"hi\\""')).toEqual(['say "hi"']);
    const table = '{ module = "com.statsig:serversdk", version.ref = "x" }';
    expect(inlineTableString(table, 'module')).toBe('com.statsig:serversdk');
    expect(inlineTableString(table, 'ref')).toBeUndefined();
    expect(inlineTableString("{ group = 'io.sentry' }", 'group')).toBe(
      'io.sentry',
    );
  });
});
