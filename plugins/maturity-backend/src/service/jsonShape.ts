const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Bounds on the shape of a JSON text. */
export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
  /** Most items of any one array. */
  maxArrayItems: number;
  /** Most bytes of any one string, quotes excluded (unbounded if absent). */
  maxStringBytes?: number;
}

/**
 * What of raw JSON text exceeds `limits`, found by one pass over its bytes
 * without parsing it: brackets and commas inside strings do not count.
 * Malformed text is left for the parser to reject. Cheap enough to run on
 * every request body (a few milliseconds for 5 MB), so that no deep
 * structure reaches code that recurses over it, and no array or string
 * longer than any the API accepts costs a parse.
 */
export function findJsonShapeProblem(
  text: Uint8Array,
  limits: JsonShapeLimits,
): 'depth' | 'arrayItems' | 'stringBytes' | undefined {
  const maxStringBytes = limits.maxStringBytes ?? Infinity;
  // Per open container (index = depth): whether it is an array, and the
  // commas seen directly inside it.
  const isArray = new Uint8Array(limits.maxDepth + 1);
  const commas = new Int32Array(limits.maxDepth + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (byte === QUOTE) {
      // Jump to the closing quote with the native search: most of a body's
      // bytes are inside strings. A quote after an odd run of backslashes
      // is escaped.
      const start = i + 1;
      let end = text.indexOf(QUOTE, start);
      while (end !== -1) {
        let backslashes = 0;
        while (text[end - 1 - backslashes] === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf(QUOTE, end + 1);
      }
      if (end === -1) {
        // Unterminated: the parser says so, unless it is already too long.
        return text.length - start > maxStringBytes ? 'stringBytes' : undefined;
      }
      if (end - start > maxStringBytes) return 'stringBytes';
      i = end;
    } else if (byte === COMMA) {
      if (
        depth > 0 &&
        isArray[depth] &&
        ++commas[depth] >= limits.maxArrayItems
      ) {
        return 'arrayItems';
      }
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth++;
      if (depth > limits.maxDepth) return 'depth';
      isArray[depth] = byte === OPEN_BRACKET ? 1 : 0;
      commas[depth] = 0;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth--;
      if (depth < 0) return undefined; // malformed: the parser says so
    }
  }
  return undefined;
}
