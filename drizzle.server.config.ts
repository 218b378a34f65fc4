import { defineConfig } from 'drizzle-kit';

/** The sync server's PostgreSQL migrations: `npx drizzle-kit generate --config drizzle.server.config.ts`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/migrations',
});
