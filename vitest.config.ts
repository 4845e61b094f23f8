import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads graphql's CommonJS build for Pothos and yoga; tests must use the same copy,
  // or graphql rejects types "from another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    // Worker threads crash the Temporal native bridge; each test file gets its own process.
    pool: 'forks',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.tools/**', 'data/**', 'admin-ui/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // No look-up of version-info.temporal.io by the dev servers tests start.
    env: { TZ: 'UTC', TEMPORAL_VERSION_CHECK_DISABLED: '1' },
    globalSetup: ['test/global-setup.ts'],
  },
});
