import { defineConfig } from 'vitest/config';

const serverTests = (target: 'embedded' | 'server') => ({
  extends: true as const,
  test: {
    name: `server-${target}`,
    include: ['packages/server/src/**/*.test.ts'],
    globalSetup: ['packages/server/src/test/global-setup.ts'],
    setupFiles: ['packages/server/src/test/setup.ts'],
    env: { HAMKKE_TEST_TARGET: target },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      serverTests('embedded'),
      serverTests('server'),
      {
        extends: true,
        test: {
          name: 'web-e2e',
          include: ['packages/web/e2e/**/*.test.ts'],
          testTimeout: 60000,
          hookTimeout: 120000,
        },
      },
    ],
  },
});
