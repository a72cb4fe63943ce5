const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether raw JSON text nests arrays and objects deeper than `maxDepth`, found
 * by one pass over its bytes without parsing it: brackets inside strings do
 * not count. Malformed text is left for the parser to reject. Cheap enough to
 * run on every request body (a few milliseconds for 5 MB), so that no deep
 * structure ever reaches code that recurses over it.
 */
export function jsonNestsDeeperThan(
  text: Uint8Array,
  maxDepth: number,
): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) {
        i++;
      } else if (byte === QUOTE) {
        inString = false;
      }
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
