/**
 * Imports point one way: sync -> facts -> events -> catalog -> api, and
 * webhooks -> events. The GitHub item to event mapping in `events/` is
 * shared by the pull sync and the webhooks, so it imports neither.
 */
const layer = (folder, forbidden) => ({
  files: [`src/${folder}/**/*.ts`],
  excludedFiles: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            // The factory's own patterns, which this rule replaces.
            group: [
              '*.stories*',
              '*.test*',
              '**/__testUtils__/**',
              '**/__mocks__/**',
            ],
          },
          {
            group: forbidden.map(f => `**/${f}/*`),
            message: `src/${folder} does not import from ${forbidden.join(
              ', ',
            )} (see .eslintrc.js)`,
          },
        ],
      },
    ],
  },
});

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    layer('api', ['catalog', 'events', 'facts', 'sync', 'webhooks']),
    layer('catalog', ['events', 'facts', 'sync', 'webhooks']),
    layer('events', ['facts', 'sync', 'webhooks']),
    layer('facts', ['sync', 'webhooks']),
    layer('webhooks', ['facts', 'sync']),
    layer('sync', ['webhooks']),
  ],
});
