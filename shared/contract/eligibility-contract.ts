import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { ruleSetSchema } from '../eligibility/rule-set-schema.js';

export const eligibilityContract = defineContract({
  /** The built-in sets first, then the agency's own. */
  'ruleSets.list': { input: z.object({}), output: z.array(ruleSetSchema) },
  /** Saves an agency rule set; the whole set is validated and refused with the reason if anything is wrong. */
  'ruleSets.save': { input: z.object({ ruleSet: z.unknown() }), output: ruleSetSchema },
  /** Makes an editable copy of any set (built-in or not). */
  'ruleSets.copy': { input: z.object({ id: z.string(), name: z.string().max(100).optional() }), output: ruleSetSchema },
  /** Loads a rule file (JSON text): accepted whole or refused whole. */
  'ruleSets.import': { input: z.object({ text: z.string().max(2_000_000) }), output: ruleSetSchema },
  'ruleSets.delete': { input: z.object({ id: z.string() }), output: z.object({}) },
  /** Agency copies of an older built-in set, with the corrections the newer built-in set made (offered, never forced). */
  'ruleSets.corrections': {
    input: z.object({}),
    output: z.array(z.object({ ruleSetId: z.string(), ruleSetName: z.string(), changes: z.array(z.string()) })),
  },
  /** Applies the pending corrections to an agency copy; its own edits stay. */
  'ruleSets.applyCorrections': { input: z.object({ id: z.string() }), output: ruleSetSchema },
});
