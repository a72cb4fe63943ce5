import { Ecosystem } from './dependencySignals';
import {
  TomlEntry,
  inlineTableString,
  readTomlEntries,
  tomlStrings,
} from './readTomlEntries';

/** The dependency manifests the GitHub source reads, by format. */
export type ManifestFormat =
  | 'package.json'
  | 'requirements'
  | 'pyproject.toml'
  | 'Pipfile'
  | 'setup.cfg'
  | 'go.mod'
  | 'pom.xml'
  | 'build.gradle'
  | 'gradle-version-catalog'
  | 'Gemfile'
  | 'Cargo.toml'
  | 'msbuild-project';

/** The registry each format's dependency names belong to. */
export const MANIFEST_ECOSYSTEMS: Record<ManifestFormat, Ecosystem> = {
  'package.json': 'npm',
  requirements: 'pypi',
  'pyproject.toml': 'pypi',
  Pipfile: 'pypi',
  'setup.cfg': 'pypi',
  'go.mod': 'go',
  'pom.xml': 'maven',
  'build.gradle': 'maven',
  'gradle-version-catalog': 'maven',
  Gemfile: 'rubygems',
  'Cargo.toml': 'cargo',
  'msbuild-project': 'nuget',
};

/**
 * Bumped when a parser changes what it reads, so that manifests read by an
 * older one are read again (stored readings carry it).
 */
export const MANIFEST_PARSER_VERSION = 1;

const FORMATS_BY_NAME: Record<string, ManifestFormat> = {
  'package.json': 'package.json',
  'pyproject.toml': 'pyproject.toml',
  Pipfile: 'Pipfile',
  'setup.cfg': 'setup.cfg',
  'go.mod': 'go.mod',
  'pom.xml': 'pom.xml',
  'build.gradle': 'build.gradle',
  'build.gradle.kts': 'build.gradle',
  Gemfile: 'Gemfile',
  'Cargo.toml': 'Cargo.toml',
};

/**
 * The format of a repository file that is a dependency manifest, by its
 * path: package.json, requirements*.txt (and `requirements/*.txt`),
 * pyproject.toml, Pipfile, setup.cfg, go.mod, pom.xml, build.gradle(.kts),
 * a Gradle version catalog (`gradle/*.versions.toml`), Gemfile, Cargo.toml
 * and .NET project files (`*.csproj`, `*.fsproj`, `*.vbproj`).
 */
export function manifestFormatOf(path: string): ManifestFormat | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const dir = parts[parts.length - 2];
  if (FORMATS_BY_NAME[name]) return FORMATS_BY_NAME[name];
  if (/^requirements.*\.txt$/i.test(name)) return 'requirements';
  if (dir === 'requirements' && name.endsWith('.txt')) return 'requirements';
  if (dir === 'gradle' && name.endsWith('.versions.toml')) {
    return 'gradle-version-catalog';
  }
  if (/\.(cs|fs|vb)proj$/.test(name)) return 'msbuild-project';
  return undefined;
}

const PARSERS: Record<ManifestFormat, (text: string) => string[] | undefined> =
  {
    'package.json': packageJsonNames,
    requirements: requirementsNames,
    'pyproject.toml': pyprojectNames,
    Pipfile: pipfileNames,
    'setup.cfg': setupCfgNames,
    'go.mod': goModNames,
    'pom.xml': pomNames,
    'build.gradle': gradleNames,
    'gradle-version-catalog': gradleCatalogNames,
    Gemfile: gemfileNames,
    'Cargo.toml': cargoNames,
    'msbuild-project': msbuildNames,
  };

/**
 * The names of the dependencies a manifest declares, as written (see
 * `normalizeDependencyName`): npm package names, PyPI project names, Go
 * module paths, Maven `group:artifact`, gem, crate and NuGet package names.
 * Development and optional dependencies count. Undefined when the manifest
 * cannot be read (a package.json that is not JSON).
 */
export function parseManifest(
  format: ManifestFormat,
  text: string,
): string[] | undefined {
  const content = text.replace(/^\uFEFF/, '');
  const names = PARSERS[format](content);
  return names && [...new Set(names.filter(Boolean))];
}

const lines = (text: string) => text.split(/\r?\n/);

const PACKAGE_JSON_SECTIONS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

function packageJsonNames(text: string): string[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  return PACKAGE_JSON_SECTIONS.flatMap(section => {
    const deps = json[section];
    return isObject(deps) ? Object.keys(deps) : [];
  });
}

/**
 * The project name of a PEP 508 requirement: `mlflow[extras]>=2.9 ;
 * python_version >= "3.9"`, `evidently @ https://…` and `pandas (>=2)` all
 * start with it. URLs and paths are not names.
 */
const REQUIREMENT_NAME =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?=$|[[<>=!~;@(,\s])/;

export function requirementName(requirement: string): string | undefined {
  return REQUIREMENT_NAME.exec(requirement.trim())?.[1];
}

/**
 * requirements.txt: one requirement a line, `\` continuing it, `#`
 * comments; options (`-r other.txt`, `--index-url`, `--hash`) are skipped,
 * and an editable install names its project by `#egg=`.
 */
function requirementsNames(text: string): string[] {
  return lines(text.replace(/\\\r?\n/g, ' ')).flatMap(raw => {
    const line = raw.trim();
    if (/^(-e|--editable)\b/.test(line)) {
      const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1];
      return egg ? [egg] : [];
    }
    if (line.startsWith('-')) return [];
    return requirementName(line.replace(/(^|\s)#.*$/, '')) ?? [];
  });
}

const is = (path: string[], ...expected: string[]) =>
  path.length === expected.length &&
  expected.every((part, i) => part === '*' || part === path[i]);

/** The requirements of an array of PEP 508 strings. */
const requirementArray = (entry: TomlEntry) =>
  tomlStrings(entry.value).flatMap(r => requirementName(r) ?? []);

/** Poetry's dependency tables: main, legacy dev, and groups. */
const isPoetryTable = (table: string[]) =>
  is(table, 'tool', 'poetry', 'dependencies') ||
  is(table, 'tool', 'poetry', 'dev-dependencies') ||
  is(table, 'tool', 'poetry', 'group', '*', 'dependencies');

/**
 * pyproject.toml: PEP 621 `[project] dependencies` and
 * `[project.optional-dependencies]`, PEP 735 `[dependency-groups]`,
 * Poetry's dependency tables (keys; `python` is not a package), and the
 * development dependencies of PDM and uv.
 */
function pyprojectNames(text: string): string[] {
  const { tables, entries } = readTomlEntries(text);
  const names: string[] = [];
  for (const entry of entries) {
    const { table, key } = entry;
    if (
      (is(table, 'project') && is(key, 'dependencies')) ||
      (is(table, 'project', 'optional-dependencies') && key.length === 1) ||
      (is(table, 'dependency-groups') && key.length === 1) ||
      (is(table, 'tool', 'pdm', 'dev-dependencies') && key.length === 1) ||
      (is(table, 'tool', 'uv') && is(key, 'dev-dependencies'))
    ) {
      names.push(...requirementArray(entry));
    } else if (isPoetryTable(table) && key[0] !== 'python') {
      names.push(key[0]);
    }
  }
  // `[tool.poetry.dependencies.mlflow]` declares mlflow as a table.
  for (const table of tables) {
    const name = table[table.length - 1];
    if (isPoetryTable(table.slice(0, -1)) && name !== 'python') {
      names.push(name);
    }
  }
  return names;
}

const PIPFILE_NON_PACKAGE_TABLES = new Set([
  'source',
  'requires',
  'pipenv',
  'scripts',
]);

/** Pipfile: the keys of `[packages]`, `[dev-packages]` and custom categories. */
function pipfileNames(text: string): string[] {
  return readTomlEntries(text)
    .entries.filter(
      ({ table }) =>
        table.length === 1 && !PIPFILE_NON_PACKAGE_TABLES.has(table[0]),
    )
    .map(({ key }) => key[0]);
}

const SETUP_CFG_REQUIREMENT_KEYS = new Set([
  'install_requires',
  'setup_requires',
  'tests_require',
]);

/**
 * setup.cfg: `[options] install_requires` (and setup / tests requires),
 * and every key of `[options.extras_require]`; a value is a dangling list,
 * one requirement a line, or one line separated by `;`.
 */
function setupCfgNames(text: string): string[] {
  const names: string[] = [];
  let section = '';
  let collecting = false;
  const add = (value: string) => {
    const name = requirementName(value);
    if (name) names.push(name);
  };
  for (const line of lines(text)) {
    if (/^\s*([#;]|$)/.test(line)) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1].trim().toLowerCase();
      collecting = false;
    } else if (/^\s/.test(line)) {
      if (collecting) add(line);
    } else {
      const option = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
      collecting =
        !!option &&
        ((section === 'options' && SETUP_CFG_REQUIREMENT_KEYS.has(option[1])) ||
          section === 'options.extras_require');
      const value = option?.[2].trim();
      if (collecting && value && !value.startsWith('file:')) {
        value.split(';').forEach(add);
      }
    }
  }
  return names;
}

/**
 * go.mod: the module paths of `require` lines and blocks, except
 * `// indirect` ones: a dependency's own dependencies (many pull
 * OpenTelemetry in) say nothing of the module's code.
 */
function goModNames(text: string): string[] {
  const names: string[] = [];
  let inBlock = false;
  for (const raw of lines(text)) {
    if (/\/\/\s*indirect\b/.test(raw)) continue;
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line.startsWith(')')) inBlock = false;
      else if (line) names.push(line.split(/\s+/)[0]);
    } else if (/^require\s*\($/.test(line)) {
      inBlock = true;
    } else {
      const single = /^require\s+(\S+)/.exec(line);
      if (single) names.push(single[1]);
    }
  }
  return names;
}

const xmlText = (xml: string, tag: string) =>
  new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml)?.[1];

/**
 * pom.xml: `groupId:artifactId` of each `<dependency>`, leaving out the
 * versions a parent manages for others (`<dependencyManagement>`) and the
 * build's plugins (`<build>`).
 */
function pomNames(text: string): string[] {
  const xml = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g, '')
    .replace(/<build>[\s\S]*?<\/build>/g, '');
  return [...xml.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)].flatMap(
    ([, dependency]) => {
      const group = xmlText(dependency, 'groupId');
      const artifact = xmlText(dependency, 'artifactId');
      return group && artifact ? [`${group}:${artifact}`] : [];
    },
  );
}

const GRADLE_COORDINATE =
  /["']([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::[^"'\s]*)?["']/g;
const GRADLE_MAP_NOTATION =
  /\bgroup\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["']/;

/**
 * build.gradle(.kts): `group:artifact` of the dependency declarations —
 * `implementation("g:a:1.0")`, `testImplementation 'g:a:1.0'`, a
 * `platform(…)` inside one, or `implementation group: 'g', name: 'a'` —
 * on lines that start with a configuration (any name: custom ones such as
 * `agent` too), except the build script's own `classpath`. Version
 * catalog references (`libs.x`) are read from the catalog.
 */
function gradleNames(text: string): string[] {
  return lines(text).flatMap(raw => {
    const line = raw.replace(/(^|\s)\/\/.*$/, '');
    const configuration = /^\s*([A-Za-z_]\w*)\s*[(\s"']/.exec(line)?.[1];
    if (!configuration || configuration === 'classpath') return [];
    const map = GRADLE_MAP_NOTATION.exec(line);
    if (map) return [`${map[1]}:${map[2]}`];
    return [...line.matchAll(GRADLE_COORDINATE)].map(
      ([, group, artifact]) => `${group}:${artifact}`,
    );
  });
}

/**
 * A Gradle version catalog's `[libraries]`: `"g:a:1.0"`,
 * `{ module = "g:a", … }` or `{ group = "g", name = "a", … }`.
 */
function gradleCatalogNames(text: string): string[] {
  return readTomlEntries(text)
    .entries.filter(({ table, key }) => is(table, 'libraries') && key.length)
    .flatMap(({ value }) => {
      const module =
        inlineTableString(value, 'module') ??
        (value.startsWith('{') ? undefined : tomlStrings(value)[0]);
      if (module) return [module.split(':').slice(0, 2).join(':')];
      const group = inlineTableString(value, 'group');
      const name = inlineTableString(value, 'name');
      return group && name ? [`${group}:${name}`] : [];
    });
}

/** Gemfile: `gem 'name'` lines. */
function gemfileNames(text: string): string[] {
  return lines(text).flatMap(
    line => /^\s*gem\s*\(?\s*["']([^"']+)["']/.exec(line)?.[1] ?? [],
  );
}

const isCargoDependencyTable = (table: string[]) =>
  /^(dev-|build-)?dependencies$/.test(table[table.length - 1] ?? '') &&
  (table.length === 1 ||
    is(table, 'workspace', '*') ||
    is(table, 'target', '*', '*'));

/**
 * Cargo.toml: the keys of `[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]`, their `[target.….…]` and `[workspace]` forms,
 * and `[dependencies.name]` tables.
 */
function cargoNames(text: string): string[] {
  const { tables, entries } = readTomlEntries(text);
  return [
    ...entries
      .filter(({ table }) => isCargoDependencyTable(table))
      .map(({ key }) => key[0]),
    ...tables
      .filter(table => isCargoDependencyTable(table.slice(0, -1)))
      .map(table => table[table.length - 1]),
  ];
}

/** .NET project files: `<PackageReference Include="…">`. */
function msbuildNames(text: string): string[] {
  const xml = text.replace(/<!--[\s\S]*?-->/g, '');
  return [
    ...xml.matchAll(
      /<PackageReference\b[^>]*?\bInclude\s*=\s*["']([^"']+)["']/gi,
    ),
  ].map(([, name]) => name.trim());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
