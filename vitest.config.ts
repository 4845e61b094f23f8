import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Worker threads crash the Temporal native bridge; each test file gets its own process.
    pool: 'forks',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.tools/**', 'data/**', 'admin-ui/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    globalSetup: ['test/global-setup.ts'],
  },
});
