import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { INCUBATOR_TYPES, incubatorRecordSchema, incubatorValuesSchema } from '../domain/incubator.js';

export const incubatorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  operator: z.string(),
  creditCode: z.string(),
  incubatorType: z.enum(INCUBATOR_TYPES).nullable(),
  industry: z.string(),
  contactName: z.string(),
  contactMobile: z.string(),
  updatedAt: z.string(),
});
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
