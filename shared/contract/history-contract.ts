import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { auditEntrySchema } from './data-contract.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore'] as const;

export const historyEntrySchema = auditEntrySchema.extend({
  /** Whether the record the entry is about can be opened: live, in the bin, or gone / of a kind no page shows. */
  record: z.enum(['live', 'deleted', 'gone']),
  /**
   * The record this one lives in, for its address: a project record's or a stage move's project, with the row's own
   * kind within it (a project record's kind: the project page opens that record). Absent for a record of its own.
   */
  parent: z.object({ id: z.string(), kind: z.string().optional() }).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyRecordSchema = z.object({
  entity: z.string(),
  rowId: z.string(),
  /** What the record is called now (its name), or as the history last named it. */
  label: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type HistoryRecord = z.infer<typeof historyRecordSchema>;

/** 操作记录 read by a person: filtered by record, by kind of record and by action, newest first. */
export const historyContract = defineContract({
  'history.list': {
    input: z.object({
      entity: z.string().max(64).optional(),
      rowId: z.string().max(200).optional(),
      action: z.enum(AUDIT_ACTIONS).optional(),
      beforeId: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(historyEntrySchema), more: z.boolean() }),
  },
  'history.records': {
    input: z.object({ entity: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).default(300) }),
    output: z.array(historyRecordSchema),
  },
});
