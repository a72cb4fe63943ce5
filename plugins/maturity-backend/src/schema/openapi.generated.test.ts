import fs from 'node:fs';
import path from 'node:path';

// The generator is the repository's plain-JS script; it writes nothing when
// required.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { generate } = require('../../../../scripts/generate-openapi-types.js');

describe('the generated wire contract', () => {
  it('matches openapi.yaml: the spec constant and the types in -common', () => {
    const files: Record<string, string> = generate(
      path.resolve(__dirname, 'openapi.yaml'),
      path.resolve(
        __dirname,
        '../../../maturity-common/src/wire/openapi.generated.ts',
      ),
      '@maturity-for-backstage/backstage-plugin-maturity-common',
    );

    expect(Object.keys(files)).toHaveLength(2);
    for (const [file, text] of Object.entries(files)) {
      // Run `npm run generate:openapi` in maturity-backend when this fails.
      expect({ file, text: fs.readFileSync(file, 'utf8') }).toEqual({
        file,
        text,
      });
    }
  });
});
