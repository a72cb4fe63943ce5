const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'e2e']);
const TEST_FILE =
  /(_test\.[a-z]+|\.(test|spec)\.[a-z]+|Tests?\.(java|kt|cs|scala|swift)|^test_[^/]+\.py)$/;

/**
 * Whether a repository path is a test: under a test directory (`test`,
 * `tests`, `__tests__`, `spec`, `e2e`) or named like one (`*.test.ts`,
 * `*_test.go`, `CartTest.java`, `test_cart.py`, ...).
 */
export function isTestPath(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop()!;
  return parts.some(dir => TEST_DIRS.has(dir)) || TEST_FILE.test(name);
}
