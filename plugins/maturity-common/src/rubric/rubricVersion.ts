import { Rubric } from './Rubric';

// Code-unit order, not localeCompare: the order must not depend on the
// platform's locale.
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * JSON with object keys sorted, so the same rubric content always serializes
 * to the same text whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareKeys(a, b));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. Not cryptographic:
 * it only has to make an edited rubric's version differ, on every platform,
 * without Node or Web Crypto APIs.
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The edition part of a rubric version: everything before the content hash.
 * @public
 */
export function rubricEdition(version: string): string {
  const match = /^(.*)-[0-9a-f]{8}$/.exec(version);
  return match ? match[1] : version;
}

/**
 * Returns the rubric with `version` set to `<edition>-<hash of its content>`.
 * The hash leaves `version` itself out, so it is stable across calls.
 * @public
 */
export function withRubricVersion(rubric: Rubric, edition?: string): Rubric {
  const { version, ...content } = rubric;
  return {
    ...rubric,
    version: `${edition ?? rubricEdition(version)}-${fnv1a(
      canonicalJson(content),
    )}`,
  };
}
