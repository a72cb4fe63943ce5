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
  const commas = new Float64Array(limits.maxDepth + 1);
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) {
        i++;
      } else if (byte === QUOTE) {
        inString = false;
        if (i - stringStart > maxStringBytes) return 'stringBytes';
      }
    } else if (byte === QUOTE) {
      inString = true;
      stringStart = i + 1;
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
  if (inString && text.length - stringStart > maxStringBytes) {
    return 'stringBytes';
  }
  return undefined;
}
