// Attachments of a project record (photos and files of a visit, §5.2.1; docs/process.md §Attachments): each file's
// bytes live once in the blob store under their SHA-256; the record keeps the list in one hidden value,
// `values.attachments`, a JSON string of {name, sha256, size, mime} — one field, synced and checked like any other.
import { z } from 'zod';
import type { FieldValue } from '../forms/field-definition.js';

/** The record value that holds the list (not a field of any kind's form). */
export const ATTACHMENTS_KEY = 'attachments';

/**
 * 10 MB per file, not 20: a file travels over the RPC as base64 (a third larger) and browser mode refuses a request
 * body over 16 MB (core/http-host.ts maxBodyBytes). 10 MB → 13.4 MB of base64, with room for the rest of the call.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Per record: a visit's photos and papers, not a photo library. */
export const MAX_ATTACHMENTS_PER_RECORD = 20;
const MAX_NAME_CHARS = 120;

/** What may be attached, by extension (the browser's own type is not trusted): photos, PDF, Word, Excel, images. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** For the file chooser's `accept`. */
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');

export const attachmentSchema = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_CHARS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  mime: z.enum(Object.values(ATTACHMENT_TYPES) as [string, ...string[]]),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentListSchema = z.array(attachmentSchema).max(MAX_ATTACHMENTS_PER_RECORD);

/** The wire form of `values.attachments`: a JSON string of a valid list (or null: none). */
export const attachmentsWireSchema = z
  .string()
  .max(100_000)
  .refine((s) => {
    try {
      return attachmentListSchema.safeParse(JSON.parse(s)).success;
    } catch {
      return false;
    }
  }, '附件列表无效')
  .nullable();

/** The record's attachments; an absent or unreadable list reads as none. */
export function attachmentsOf(values: Readonly<Record<string, FieldValue>>): Attachment[] {
  const raw = values[ATTACHMENTS_KEY];
  if (typeof raw !== 'string' || raw === '') return [];
  try {
    const parsed = attachmentListSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export const attachmentsValue = (list: readonly Attachment[]): string | null => (list.length === 0 ? null : JSON.stringify(list));

/** The type of a file by its name's extension, or null when it may not be attached. */
export function attachmentMime(name: string): string | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? (ATTACHMENT_TYPES[ext] ?? null) : null;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why a chosen file cannot be attached (checked in the drawer before sending, and again by the backend), or null. */
export function attachmentProblem(name: string, size: number): string | null {
  if (!attachmentMime(name)) return `「${name}」的类型不能作为附件：只能添加照片（JPG、PNG 等图片）、PDF、Word 或 Excel 文件。`;
  if (size === 0) return `「${name}」是空文件，未添加。`;
  if (size > MAX_ATTACHMENT_BYTES) return `「${name}」有 ${mb(size)}，超过单个附件 ${mb(MAX_ATTACHMENT_BYTES)} 的上限，未添加。`;
  if ([...name].length > MAX_NAME_CHARS) return `「${[...name].slice(0, 20).join('')}…」的文件名超过 ${MAX_NAME_CHARS} 个字，请改短后再添加。`;
  return null;
}

export const tooManyAttachments = `每条记录最多 ${MAX_ATTACHMENTS_PER_RECORD} 个附件。`;

/** A file size for lists: 「1.2 MB」「35 KB」. */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? mb(bytes) : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
