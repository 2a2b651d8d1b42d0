import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,electron,renderer,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    allowOnly: false,
  },
});
