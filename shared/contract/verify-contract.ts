// `verify` in the app (docs/check-code.md): a Word file opened by the user, or the check code typed from a printed
// page, checked against the signed documents of this workbench.
import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { documentKindSchema, revisionRefSchema } from '../domain/document-record.js';

/**
 * A Word export is tens to a few hundred kilobytes (charts, signature images); 7 MB leaves room and keeps the
 * request, base64 in JSON, under browser mode's 10 MB body limit (core/http-host.ts).
 */
export const VERIFY_FILE_MAX_BYTES = 7 * 1024 * 1024;

export const verifiedDocumentSchema = z.object({
  kind: documentKindSchema,
  /** 「诊断意见表」 */
  kindName: z.string(),
  documentId: z.string(),
  incubatorId: z.string(),
  incubatorName: z.string(),
  /** The document's own date (诊断日期, …), YYYY-MM-DD, or null when not filled in. */
  date: z.string().nullable(),
  revision: z.number().int(),
  /** When it was signed (ISO). */
  signedAt: z.string(),
  checkCode: z.string(),
});
export type VerifiedDocument = z.infer<typeof verifiedDocumentSchema>;

/**
 * - match: the file / code is the signed, current revision of that document;
 * - superseded: it is a signed revision that a later revision replaced (`supersededBy`);
 * - no-match: nothing of this workbench (or the file's text was altered, or it was exported unsigned): `message`;
 * - typo: the code's check character does not fit (a character or the revision copied wrong): `field` says where.
 */
export const verifyVerdictSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('match'), message: z.string(), document: verifiedDocumentSchema }),
  z.object({ outcome: z.literal('superseded'), message: z.string(), document: verifiedDocumentSchema, supersededBy: revisionRefSchema }),
  z.object({ outcome: z.literal('no-match'), message: z.string() }),
  z.object({ outcome: z.literal('typo'), message: z.string(), field: z.enum(['code', 'revision']) }),
]);
export type VerifyVerdict = z.infer<typeof verifyVerdictSchema>;

export const verifyContract = defineContract({
  /** A .docx the user opened; a file that cannot be read as one fails with kind 'validation', field 'file'. */
  'verify.file': {
    input: z.object({ base64: z.string().max(Math.ceil((VERIFY_FILE_MAX_BYTES * 4) / 3) + 4) }),
    output: verifyVerdictSchema,
  },
  /** The code from a printed page (or the whole footer line); the revision in a field of its own or in the line. */
  'verify.code': {
    input: z.object({ code: z.string().max(200), revision: z.string().max(20).optional() }),
    output: verifyVerdictSchema,
  },
});
