// The portfolio workbook for the agency's yearly report (core/services/portfolio-service.ts): one .xlsx for all
// incubators or a chosen set, and how far its writing has come (the app shows a progress bar meanwhile).
import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { exportedFileSchema } from './documents-contract.js';

export const portfolioProgressSchema = z.object({ done: z.number().int(), total: z.number().int() });

export const portfolioContract = defineContract({
  'portfolio.export': {
    input: z.object({ incubatorIds: z.array(z.string()).max(100_000).optional() }),
    output: exportedFileSchema,
  },
  /** Null when no portfolio is being written. */
  'portfolio.progress': { input: z.object({}), output: portfolioProgressSchema.nullable() },
});
