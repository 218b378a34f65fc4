import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { agencyProfileSchema } from '../domain/agency.js';

export const agencyViewSchema = z.object({
  profile: agencyProfileSchema,
  qualification: z.object({
    serviceStaffCount: z.number().int(),
    experiencedCount: z.number().int(),
    meetsStaffCount: z.boolean(),
    meetsExperience: z.boolean(),
    met: z.boolean(),
    summary: z.string(),
  }),
});
export type AgencyView = z.infer<typeof agencyViewSchema>;

export const agencyContract = defineContract({
  'agency.get': { input: z.object({}), output: agencyViewSchema },
  'agency.save': { input: agencyProfileSchema, output: agencyViewSchema },
});
