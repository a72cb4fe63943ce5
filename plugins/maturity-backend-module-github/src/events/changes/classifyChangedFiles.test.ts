import { classifyChangedFiles } from './classifyChangedFiles';

describe('classifyChangedFiles', () => {
  it('tells source from tests, and ignores docs and config', () => {
    expect(classifyChangedFiles(['src/cart.ts', 'src/cart.test.ts'])).toEqual({
      touchesSource: true,
      touchesTests: true,
    });
    expect(
      classifyChangedFiles(['README.md', 'package.json', '.github/ci.yml']),
    ).toEqual({ touchesSource: false, touchesTests: false });
    expect(
      classifyChangedFiles([
        'src/test/java/shop/CartTest.java',
        'tests/fixtures/cart.json',
      ]),
    ).toEqual({ touchesSource: false, touchesTests: true });
    expect(classifyChangedFiles(['cmd/cart/main.go'])).toEqual({
      touchesSource: true,
      touchesTests: false,
    });
  });
});
