import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { incubatorRecordSchema, incubatorValuesSchema } from '../domain/incubator.js';

/** What the list shows of each incubator: fields of the header's field list, and its id and last change. */
export const incubatorSummarySchema = incubatorValuesSchema
  .pick({ name: true, operator: true, creditCode: true, incubatorType: true, industry: true, contactName: true, contactMobile: true })
  .extend({ id: z.string(), updatedAt: z.string() });
export type IncubatorSummary = z.infer<typeof incubatorSummarySchema>;

export const incubatorContract = defineContract({
  'incubators.list': {
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.array(incubatorSummarySchema),
  },
  'incubators.get': { input: z.object({ id: z.string() }), output: incubatorRecordSchema },
  'incubators.save': {
    input: z.object({
      id: z.string().optional(),
      values: incubatorValuesSchema,
      /** Fields whose warnings the user has seen and confirmed (e.g. a code that fails the checksum). */
      confirmedWarnings: z.array(z.string()).default([]),
    }),
    output: incubatorRecordSchema,
  },
  'incubators.delete': {
    input: z.object({ id: z.string() }),
    output: z.object({ auditId: z.number().int() }),
  },
});
