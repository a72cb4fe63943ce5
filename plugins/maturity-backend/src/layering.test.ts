import fs from 'node:fs';
import path from 'node:path';

/**
 * The folders of src are stages of the data flow, imports pointing one way
 * (docs/architecture.md): service → scoring → metrics → database, and
 * rollups → database. This test holds the data layer to it.
 */

const SRC = __dirname;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports, re-exports or requires. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map(match => match[1]);
}

/** The top folder of src an import lands in, or undefined for a package. */
function folderOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.relative(
    SRC,
    path.resolve(path.dirname(file), specifier),
  );
  return target.split(path.sep)[0];
}

const relative = (file: string) => path.relative(SRC, file);
const files = sourceFiles(SRC);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe('layering of the backend', () => {
  it('finds the source files', () => {
    expect(files.map(relative)).toContain('database/MaturityDatabase.ts');
    expect(importsOf(path.join(SRC, 'database/MaturityDatabase.ts'))).toContain(
      'knex',
    );
  });

  it('keeps the data layer free of what is built on it', () => {
    const above = ['metrics', 'scoring', 'rollups', 'service', 'ingest'];
    const offending = files
      .filter(file => relative(file).startsWith(`database${path.sep}`))
      .flatMap(file =>
        importsOf(file)
          .filter(specifier => above.includes(folderOf(file, specifier)!))
          .map(specifier => `${relative(file)} imports ${specifier}`),
      );
    expect(offending).toEqual([]);
  });

  it('keeps metrics arithmetic: no scoring, rollups, service or ingest', () => {
    const above = ['scoring', 'rollups', 'service', 'ingest'];
    const offending = files
      .filter(file => relative(file).startsWith(`metrics${path.sep}`))
      .flatMap(file =>
        importsOf(file)
          .filter(specifier => above.includes(folderOf(file, specifier)!))
          .map(specifier => `${relative(file)} imports ${specifier}`),
      );
    expect(offending).toEqual([]);
  });

  it('lets only the data layer use knex (tests that inspect tables aside)', () => {
    const offending = files
      .filter(
        file =>
          !relative(file).startsWith(`database${path.sep}`) && !isTest(file),
      )
      .filter(file =>
        importsOf(file).some(s => s === 'knex' || s.startsWith('knex/')),
      )
      .map(relative);
    expect(offending).toEqual([]);
  });
});
