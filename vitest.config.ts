import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two test files at a time even on a 2-core machine (vitest's default there is one): most slow files wait on
    // other processes — PostgreSQL, LibreOffice, the sync server, killed and restarted clients (docs/testing.md).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['{shared,db,templates,core,electron,server,cli}/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        // Components and stores in a DOM (happy-dom), talking to the real core router on a real SQLite file
        // through the same bridge the Electron preload provides (renderer/test/real-backend.ts).
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['renderer/test/setup.ts'],
          pool: 'forks',
        },
      },
    ],
  },
});
