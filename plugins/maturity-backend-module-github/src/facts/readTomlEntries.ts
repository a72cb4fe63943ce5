/** One `key = value` of a TOML document, under the table it is in. */
export interface TomlEntry {
  /** The table's key path: `[tool.poetry.dependencies]` → `['tool', 'poetry', 'dependencies']`. */
  table: string[];
  /** The key path: `mlflow.version` → `['mlflow', 'version']`. */
  key: string[];
  /** The value's text, comments removed; an array or inline table spans lines. */
  value: string;
}

/** What {@link readTomlEntries} reads from a document. */
export interface TomlDocument {
  /** Every table header, in order (`[[array]]` tables too). */
  tables: string[][];
  entries: TomlEntry[];
}

/**
 * Reads the tables and keys of a TOML document, line by line: enough for
 * the manifests whose dependencies are keys or arrays of strings
 * (pyproject.toml, Pipfile, Cargo.toml, Gradle version catalogs). Values
 * are kept as text (see {@link tomlStrings}); multi-line strings (`"""`)
 * are not understood, as manifests do not put dependencies in them.
 */
export function readTomlEntries(text: string): TomlDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const tables: string[][] = [];
  const entries: TomlEntry[] = [];
  let table: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = withoutComment(lines[i]).trim();
    if (!line) continue;
    const header = /^\[\[?([^\]]*)\]\]?$/.exec(line);
    if (header) {
      table = splitKeyPath(header[1]);
      tables.push(table);
      continue;
    }
    const equals = indexOutsideQuotes(line, '=');
    if (equals <= 0) continue;
    let value = line.slice(equals + 1).trim();
    let depth = bracketDepth(value);
    while (depth > 0 && i + 1 < lines.length) {
      const next = withoutComment(lines[++i]);
      value += `\n${next}`;
      depth += bracketDepth(next);
    }
    entries.push({ table, key: splitKeyPath(line.slice(0, equals)), value });
  }
  return { tables, entries };
}

/**
 * The string literals of a value outside inline tables: the items of an
 * array of strings, or a string itself.
 */
export function tomlStrings(value: string): string[] {
  const strings: string[] = [];
  let braces = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') braces++;
    else if (c === '}') braces--;
    else if (c === '"' || c === "'") {
      const end = closingQuote(value, i);
      if (braces === 0) strings.push(unescape(value.slice(i + 1, end), c));
      i = end;
    }
  }
  return strings;
}

/** The string value of `key` in an inline table: `{ module = "g:a" }`. */
export function inlineTableString(
  value: string,
  key: string,
): string | undefined {
  const match = new RegExp(
    `(?:^|[{,\\s])${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`,
  ).exec(value);
  return match ? match[1] ?? match[2] : undefined;
}

function splitKeyPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(path, i);
      current += unescape(path.slice(i + 1, end), c);
      i = end;
    } else if (c === '.') {
      parts.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current.trim());
  return parts;
}

/** The index of the quote closing the string opened at `start`. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

function unescape(text: string, quote: string): string {
  return quote === '"' ? text.replace(/\\(.)/g, '$1') : text;
}

function indexOutsideQuotes(line: string, char: string): number {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' || line[i] === "'") i = closingQuote(line, i);
    else if (line[i] === char) return i;
  }
  return -1;
}

function withoutComment(line: string): string {
  const hash = indexOutsideQuotes(line, '#');
  return hash < 0 ? line : line.slice(0, hash);
}

function bracketDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = closingQuote(text, i);
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}
