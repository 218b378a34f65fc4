// `verify` (docs/check-code.md): which signed document and revision of this workbench a Word file or a check code
// from a printed page is. A file's properties only say which document it claims to be; it verifies only when its
// visible text is the text of the workbench's own export of that signed revision (same code path), so a file
// edited after export does not verify.
import type { VerifiedDocument, VerifyVerdict } from '../../shared/contract/verify-contract.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import { DOCUMENT_KINDS, definitionOf, type DocumentKind } from '../../shared/forms/registry.js';
import { formatCheckCode, parseCheckCode, readFileProperties } from '../../shared/signatures/index.js';
import { toHalfWidth } from '../../shared/validation/half-width.js';
import type { Executor } from '../../db/database.js';
import { entityOf, getDocument, supersedingRevisionOf } from '../../db/repositories/document-repository.js';
import { getIncubator } from '../../db/repositories/incubator-repository.js';
import { getSigned, signedByHashPrefix, type SignedRow } from '../../db/repositories/sync-state-repository.js';
import { exportDocumentFile } from '../services/document-export-service.js';
import { localIsoDate } from '../services/document-service.js';
import { readDocx, UnreadableFile, type DocxContents } from './docx-contents.js';

interface SignedDocument {
  record: DocumentRecord;
  signed: SignedRow;
}

function kindOfEntity(entity: string): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((k) => entityOf(k) === entity);
}

/** Live signed documents whose content hash starts with the prefix (a code's 11 digits, or a file's whole hash). */
function signedDocumentsByHash(db: Executor, hashPrefix: string): SignedDocument[] {
  return signedByHashPrefix(db, hashPrefix).flatMap((signed) => {
    const kind = kindOfEntity(signed.entity);
    const record = kind ? getDocument(db, kind, signed.rowId) : undefined;
    return record ? [{ record, signed }] : [];
  });
}

function describeDocument(db: Executor, { record, signed }: SignedDocument): VerifiedDocument {
  const def = definitionOf(record.kind);
  const date = record.values[def.dateField];
  return {
    kind: record.kind,
    kindName: def.shortName,
    documentId: record.id,
    incubatorId: record.incubatorId,
    incubatorName: getIncubator(db, record.incubatorId)?.name ?? '（已删除的孵化器）',
    date: typeof date === 'string' && date ? date : null,
    revision: record.revision,
    signedAt: signed.signedAt,
    checkCode: formatCheckCode(signed.hash, record.revision),
  };
}

/** 「「钦州孵化器」2026-11-20 的诊断意见表」 */
export function documentTitle(d: VerifiedDocument): string {
  return `「${d.incubatorName}」${d.date ? `${d.date} 的` : '的'}${d.kindName}`;
}

export function signedDate(d: VerifiedDocument): string {
  return localIsoDate(new Date(d.signedAt));
}

function verdictFor(db: Executor, found: SignedDocument): VerifyVerdict {
  const document = describeDocument(db, found);
  const newer = supersedingRevisionOf(db, found.record.kind, found.record.id);
  if (newer) {
    return {
      outcome: 'superseded',
      document,
      supersededBy: newer,
      message: `与第 ${document.revision} 版相符，但该版本已被第 ${newer.revision} 版取代（${documentTitle(document)}）。请以第 ${newer.revision} 版为准。`,
    };
  }
  return { outcome: 'match', document, message: `相符：${documentTitle(document)}，第 ${document.revision} 版，签署于 ${signedDate(document)}。` };
}

const NOTHING_SIGNED = '工作台中没有与此相符的已签署文档';

/** The code typed from a printed page, or the pasted footer line; the revision from its own field or the line. */
export function verifyCheckCode(db: Executor, text: string, revisionText?: string): VerifyVerdict {
  const typedRevision = toHalfWidth(revisionText ?? '').trim();
  if (typedRevision !== '' && !/^\d+$/.test(typedRevision)) return { outcome: 'typo', field: 'revision', message: '版本号应为正整数（页脚「第 N 版」中的 N）' };
  const parsed = parseCheckCode(text, typedRevision === '' ? undefined : Number(typedRevision));
  if (!parsed.ok) return { outcome: 'typo', field: /^(请同时填写版本号|版本号)/.test(parsed.message) ? 'revision' : 'code', message: parsed.message };
  const found = signedDocumentsByHash(db, parsed.hashPrefix).find((d) => d.record.revision === parsed.revision);
  if (!found) return { outcome: 'no-match', message: `${NOTHING_SIGNED}：校验码 ${parsed.code}、第 ${parsed.revision} 版不属于本工作台的任何签署文档（请核对是否来自其他服务机构的工作台）。` };
  return verdictFor(db, found);
}

function sameVisibleText(a: DocxContents, b: DocxContents): boolean {
  return a.body === b.body && a.furniture.length === b.furniture.length && a.furniture.every((t, i) => t === b.furniture[i]);
}

/** A Word file: the document its properties name, if signed with that hash and its visible text is unchanged. */
export async function verifyDocxFile(db: Executor, bytes: Uint8Array): Promise<VerifyVerdict> {
  const contents = await readDocx(bytes);
  const claim = readFileProperties(contents.properties);
  const kind = DOCUMENT_KINDS.find((k) => k === claim?.identity.kind);
  if (!claim || !kind) throw new UnreadableFile('这个 Word 文件不是本工作台导出的（没有工作台的文档属性），无法校验。');
  if (!claim.hash) {
    const nowSigned = getSigned(db, entityOf(kind), claim.identity.documentId) !== undefined;
    return {
      outcome: 'no-match',
      message: `这个文件导出时${definitionOf(kind).shortName}尚未签署：页脚没有校验码，不能证明是签署版本。${nowSigned ? '该文档现已签署，请重新导出。' : ''}`,
    };
  }
  const found = signedDocumentsByHash(db, claim.hash).find(
    (d) => d.signed.hash.toLowerCase() === claim.hash && d.record.id === claim.identity.documentId && d.record.revision === claim.identity.revision,
  );
  if (!found) return { outcome: 'no-match', message: `${NOTHING_SIGNED}：文件可能来自其他服务机构的工作台，或该文档已被删除。` };
  // The workbench's own export of that revision, by the same code path: nothing in it depends on the time of export.
  const reference = await readDocx((await exportDocumentFile(db, found.record, 'docx', true)).bytes);
  if (!sameVisibleText(contents, reference)) {
    const claimed = describeDocument(db, found);
    return {
      outcome: 'no-match',
      message: `文件内容与签署的版本不一致：文件导出后被修改过，不能作为签署版本（文件自称是${documentTitle(claimed)}第 ${claimed.revision} 版）。`,
    };
  }
  return verdictFor(db, found);
}
