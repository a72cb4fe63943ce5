import { isTestPath } from './testPaths';

/** Extensions of files that are code (not docs, data or configuration). */
const CODE_FILE =
  /\.(ts|tsx|js|jsx|mjs|cjs|py|go|java|kt|kts|scala|groovy|rb|cs|fs|vb|php|rs|swift|m|mm|c|cc|cpp|cxx|h|hpp|ex|exs|erl|clj|dart|lua|pl|r|sh|sql|vue|svelte)$/i;

/**
 * What a change's files touch, for the "pull requests touching source also
 * touch tests" measure: source is code outside tests, tests are test files
 * (of any kind, fixtures included).
 */
export function classifyChangedFiles(files: Iterable<string>): {
  touchesSource: boolean;
  touchesTests: boolean;
} {
  let touchesSource = false;
  let touchesTests = false;
  for (const file of files) {
    if (isTestPath(file)) touchesTests = true;
    else if (CODE_FILE.test(file)) touchesSource = true;
  }
  return { touchesSource, touchesTests };
}
