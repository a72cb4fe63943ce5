#!/usr/bin/env node
/*
 * Turns a plugin's OpenAPI YAML into `openapi.generated.ts` next to it: the
 * spec as a typed constant, so the router validates requests against it and
 * route handlers are typed from it.
 *
 * Backstage's `repo-tools package schema openapi generate` needs a Java jar
 * downloaded at run time, which these machines cannot fetch; this does the
 * part the server needs. A test in each plugin fails when the two drift.
 *
 * Usage: node scripts/generate-openapi-types.js <path/to/openapi.yaml>
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const input = process.argv[2];
if (!input) {
  console.error('usage: generate-openapi-types.js <openapi.yaml>');
  process.exit(2);
}
const spec = YAML.parse(fs.readFileSync(input, 'utf8'));
const output = path.join(path.dirname(input), 'openapi.generated.ts');
const text = `// Generated from ${path.basename(
  input,
)} by scripts/generate-openapi-types.js.
// Do not edit: change the YAML and run \`npm run generate:openapi\`.

/** @internal */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`;
fs.writeFileSync(output, text);
console.log(`wrote ${output}`);
