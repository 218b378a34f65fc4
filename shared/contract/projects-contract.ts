// Cultivation projects (docs/process.md): the project on the standard's path, its stage moves and its records.
import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { PROJECT_STAGES } from '../process/stages.js';
import { RECORD_KINDS } from '../process/record-kinds.js';
import { documentKindSchema, documentValuesSchema } from '../domain/document-record.js';
import { attachmentSchema, MAX_ATTACHMENT_BYTES } from '../process/attachments.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const stageSchema = z.enum(PROJECT_STAGES);
const recordKindSchema = z.enum(RECORD_KINDS);

export const projectSummarySchema = z.object({
  id: z.string(),
  incubatorId: z.string(),
  incubatorName: z.string(),
  name: z.string(),
  startedOn: z.string(),
  stage: stageSchema,
  /** How many of the seven stages are complete. */
  stagesDone: z.number().int(),
  closedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

const evidenceSchema = z
  .union([z.object({ type: z.literal('document'), kind: documentKindSchema, id: z.string() }), z.object({ type: z.literal('record'), kind: recordKindSchema, id: z.string() })])
  .nullable();

export const stageStatusSchema = z.object({
  stage: stageSchema,
  done: z.boolean(),
  requirements: z.array(z.object({ wording: z.string(), met: z.boolean(), evidence: evidenceSchema })),
});

export const stageMoveSchema = z.object({
  id: z.string(),
  from: stageSchema.nullable(),
  to: stageSchema,
  date: z.string(),
  reason: z.string(),
  outOfOrder: z.boolean(),
  recordedAt: z.string(),
});

export const projectRecordSchema = z.object({
  id: z.string(),
  kind: recordKindSchema,
  values: documentValuesSchema,
  updatedAt: z.string(),
});
export type ProjectRecordView = z.infer<typeof projectRecordSchema>;

export const projectDocumentSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  date: z.string().nullable(),
  status: z.enum(['draft', 'completed']),
  signed: z.boolean(),
  revision: z.number().int(),
});

export const projectViewSchema = projectSummarySchema.extend({
  /** Today on the workbench's calendar (the backend's): new records and moves are dated from it, as it checks them. */
  today: z.string(),
  notes: z.string(),
  stages: z.array(stageStatusSchema),
  moves: z.array(stageMoveSchema),
  records: z.array(projectRecordSchema),
  documents: z.array(projectDocumentSchema),
});
export type ProjectView = z.infer<typeof projectViewSchema>;
/** A project's content, as the archive and the profile read it (no `today`). */
export type ProjectContent = Omit<ProjectView, 'today'>;

export const dueItemSchema = z.object({
  key: z.string(),
  urgency: z.enum(['overdue', 'due']),
  date: z.string(),
  message: z.string(),
  incubatorName: z.string(),
  /** Where it is done: a record of a project, or a document (a signed plan's task). */
  target: z.union([
    z.object({ type: z.literal('record'), projectId: z.string(), recordId: z.string(), kind: recordKindSchema }),
    z.object({ type: z.literal('document'), kind: documentKindSchema, id: z.string() }),
  ]),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const archiveJobStatusSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number().int(),
  total: z.number().int(),
  /** The file being written. */
  current: z.string(),
  fileName: z.string(),
  /** Where the archive was written (done). */
  path: z.string().optional(),
  size: z.number().int().optional(),
  files: z.number().int().optional(),
  /** What went wrong (failed), in Chinese. */
  message: z.string().optional(),
});
export type ArchiveJobStatus = z.infer<typeof archiveJobStatusSchema>;

const projectFields = { name: z.string().max(200), startedOn: isoDate.or(z.literal('')), notes: z.string().max(5000).default('') };

export const projectsContract = defineContract({
  /** Today on the workbench's calendar: what new projects, records and moves are dated from and checked against. */
  'projects.today': { input: z.object({}), output: z.object({ today: z.string() }) },
  'projects.list': { input: z.object({ incubatorId: z.string().optional() }), output: z.array(projectSummarySchema) },
  'projects.get': { input: z.object({ id: z.string() }), output: projectViewSchema },
  'projects.create': { input: z.object({ incubatorId: z.string(), ...projectFields }), output: projectViewSchema },
  'projects.update': { input: z.object({ id: z.string(), ...projectFields }), output: projectViewSchema },
  /** A move on the path: in order once the current stage is complete, otherwise only with a reason. */
  'projects.moveStage': { input: z.object({ id: z.string(), to: stageSchema, date: isoDate.or(z.literal('')), reason: z.string().max(2000).default('') }), output: projectViewSchema },
  /** Ends the project (from 服务改进): its documents window closes at the incubator's next project. */
  'projects.close': { input: z.object({ id: z.string(), date: isoDate.or(z.literal('')) }), output: projectViewSchema },
  /** Creates or updates a record (`id` made by the editor). Warnings (a date in the future) do not stop the save. */
  'projects.saveRecord': {
    input: z.object({ projectId: z.string(), id: z.string().min(8).max(64), kind: recordKindSchema, values: documentValuesSchema }),
    output: z.object({ view: projectViewSchema, warnings: z.array(z.object({ field: z.string(), message: z.string() })) }),
  },
  /**
   * Stores one chosen file in the blob store (once: the same bytes are stored once) and returns the entry the record's
   * attachment list keeps; the record itself changes on 保存 (docs/process.md §Attachments).
   */
  'projects.addAttachment': {
    input: z.object({ name: z.string().max(1000), base64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 1024) }),
    output: attachmentSchema,
  },
  'projects.deleteRecord': { input: z.object({ id: z.string() }), output: projectViewSchema },
  /** What is due within the next seven days or overdue, across every project (工作台). */
  'projects.due': { input: z.object({}), output: z.array(dueItemSchema) },
});

/** A project's archive (§5.2.6 b), written in the background with progress (core/archive/archive-jobs.ts). */
export const projectArchiveContract = defineContract({
  /** Starts writing the project's archive (.zip) into the data folder's archives folder; poll its status. */
  'projects.startArchive': { input: z.object({ id: z.string() }), output: z.object({ jobId: z.string() }) },
  'projects.archiveStatus': { input: z.object({ jobId: z.string() }), output: archiveJobStatusSchema },
  /** Stops an archive being written: nothing is left behind. */
  'projects.cancelArchive': { input: z.object({ jobId: z.string() }), output: z.object({ ok: z.literal(true) }) },
});
