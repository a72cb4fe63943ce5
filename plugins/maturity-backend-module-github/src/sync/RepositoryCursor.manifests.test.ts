import { parseRepositoryCursor } from './RepositoryCursor';

describe('parseRepositoryCursor: dependency manifests', () => {
  it('reads stored manifest readings and drops what it cannot read', () => {
    const parse = (manifests: unknown) =>
      parseRepositoryCursor(JSON.stringify({ manifests })).manifests;
    expect(
      parse({
        version: 'abc123',
        files: {
          'package.json': { sha: 'a1', facts: ['telemetry-sdk', 7] },
          'broken/package.json': { sha: 'b2' },
          'bad/requirements.txt': { facts: ['drift-monitoring'] },
          'bad/go.mod': 'c3',
        },
      }),
    ).toEqual({
      version: 'abc123',
      files: {
        'package.json': { sha: 'a1', facts: ['telemetry-sdk'] },
        'broken/package.json': { sha: 'b2' },
      },
    });
    expect(parse({ files: {} })).toBeUndefined();
    expect(parse({ version: 'abc123', files: [] })).toBeUndefined();
    expect(parse(undefined)).toBeUndefined();
  });
});
