// Attachments of project records (docs/process.md §Attachments): a chosen file checked (type by extension, not
// empty, at most MAX_ATTACHMENT_BYTES) and stored once in the blob store under its SHA-256; a record's list checked
// on save (valid entries, within the count, every file present on this device).
import { createHash } from 'node:crypto';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { AppError } from '../../shared/rpc/result.js';
import {
  ATTACHMENTS_KEY,
  attachmentListSchema,
  attachmentMime,
  attachmentProblem,
  type Attachment,
  attachmentsValue,
  MAX_ATTACHMENTS_PER_RECORD,
  tooManyAttachments,
} from '../../shared/process/attachments.js';
import type { Executor } from '../../db/database.js';
import { hasBlob, putBlob } from '../../db/repositories/sync-state-repository.js';

const field = { field: ATTACHMENTS_KEY };

/** Decodes, checks and stores one file; the same bytes twice are stored once (their address is their hash). */
export function storeAttachment(db: Executor, rawName: string, base64: string, now: Date): Attachment {
  // A path a browser may send (C:\fakepath\…) is not part of the name.
  const name = rawName.split(/[/\\]/).pop()!.trim();
  if (!name) throw new AppError('validation', '文件没有名称，未添加。', field);
  // Node's decoder skips what is not base64: a body that is not base64 at all decodes to less than it says.
  const bytes = Buffer.from(base64, 'base64');
  if (base64.length > 0 && bytes.length === 0) throw new AppError('validation', `无法读取「${name}」，未添加。`, field);
  const problem = attachmentProblem(name, bytes.length);
  if (problem) throw new AppError('validation', problem, field);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  putBlob(db, sha256, bytes, false, now.toISOString());
  return { name, sha256, size: bytes.length, mime: attachmentMime(name)! };
}

/**
 * The attachment list a save sends, checked: undefined when the save does not send one (left out), null when it
 * sends an empty one (all removed). Every file must be in this device's blob store: added through storeAttachment,
 * or pulled by sync.
 */
export function checkedAttachments(db: Executor, values: Readonly<Record<string, FieldValue>>): string | null | undefined {
  if (!Object.hasOwn(values, ATTACHMENTS_KEY)) return undefined;
  const raw = values[ATTACHMENTS_KEY];
  if (raw === null || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw new AppError('validation', '附件列表无效，请重新添加附件。', field);
  }
  if (Array.isArray(parsed) && parsed.length > MAX_ATTACHMENTS_PER_RECORD) throw new AppError('validation', tooManyAttachments, field);
  const list = attachmentListSchema.safeParse(parsed);
  if (!list.success) throw new AppError('validation', '附件列表无效，请重新添加附件。', field);
  const missing = list.data.find((a) => !hasBlob(db, a.sha256));
  if (missing) throw new AppError('validation', `附件「${missing.name}」的文件不在本机，请重新添加。`, field);
  return attachmentsValue(list.data);
}
