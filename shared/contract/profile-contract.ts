// The incubator profile (企业画像, docs/process.md §Profile): its header, key figures over time, documents, projects.
import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { incubatorRecordSchema } from '../domain/incubator.js';
import { projectDocumentSchema } from './projects-contract.js';
import { PROJECT_STAGES } from '../process/stages.js';
import { RECORD_KINDS } from '../process/record-kinds.js';

const figureSeriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  percent: z.boolean(),
  points: z.array(z.object({ date: z.string(), value: z.number(), source: z.enum(['diagnosis', 'evaluationBefore', 'evaluationAfter']), documentId: z.string() })),
});

export const profileSchema = z.object({
  incubator: incubatorRecordSchema,
  figures: z.array(figureSeriesSchema),
  /** Every document of every kind, as a project lists its own, and the revision that supersedes it, if any. */
  documents: z.array(projectDocumentSchema.extend({ supersededBy: z.number().int().nullable() })),
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      startedOn: z.string(),
      stage: z.enum(PROJECT_STAGES),
      stagesDone: z.number().int(),
      closedOn: z.string().nullable(),
      /** Records per kind, kinds without a record left out. */
      records: z.array(z.object({ kind: z.enum(RECORD_KINDS), count: z.number().int() })),
    }),
  ),
});
export type IncubatorProfile = z.infer<typeof profileSchema>;

export const profileContract = defineContract({
  'incubators.profile': { input: z.object({ id: z.string() }), output: profileSchema },
});
