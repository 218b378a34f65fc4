import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';

export const databaseStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({
    state: z.literal('problem'),
    problem: z.enum(['corrupt', 'newer-version', 'unreadable']),
    /** Chinese, for the user: what happened and what was kept. */
    message: z.string(),
    /** The file that could not be used; it is never overwritten. */
    keptFile: z.string(),
  }),
]);
export type DatabaseState = z.infer<typeof databaseStateSchema>;

export const appStatusSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  shell: z.enum(['electron', 'browser', 'cli', 'test']),
  dataDir: z.string(),
  databaseFile: z.string(),
  database: databaseStateSchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const systemContract = defineContract({
  'system.status': { input: z.object({}), output: appStatusSchema },
  /** Recovery: set the unusable file aside (kept, renamed) and start an empty database. */
  'system.startFresh': { input: z.object({}), output: appStatusSchema },
});
