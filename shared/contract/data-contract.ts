import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';

export const backupInfoSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  reason: z.enum(['daily', 'manual', 'before-restore', 'before-migration']),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  entity: z.string(),
  rowId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  summary: z.string(),
  /** A delete that can still be undone. */
  undoable: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const dataContract = defineContract({
  'backups.list': { input: z.object({}), output: z.array(backupInfoSchema) },
  'backups.create': { input: z.object({}), output: backupInfoSchema },
  /** How many manual backups are kept (older ones are deleted after each new one); reads it, or sets it when given. */
  'backups.settings': {
    input: z.object({ keepManual: z.number().int('请填写整数').min(1, '至少保留 1 份').max(1000, '最多保留 1000 份').optional() }),
    output: z.object({ keepManual: z.number().int() }),
  },
  'backups.restore': { input: z.object({ name: z.string() }), output: z.object({ restoredFrom: z.string(), keptAs: z.string() }) },
  'history.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(auditEntrySchema),
  },
  'history.undoDelete': { input: z.object({ auditId: z.number().int() }), output: z.object({ rowId: z.string() }) },
  'demo.load': { input: z.object({}), output: z.object({ created: z.number().int(), skipped: z.number().int() }) },
});
