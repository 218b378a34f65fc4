// Each side's signature of a document (docs/signature-images.md §Sides): drawn on screen, a chosen signature and/or
// seal image, or 纸质签署 (a scan of the signed page attached later). Images are checked and prepared by
// core/signatures, stored once under their SHA-256 in the blob store and synced as attachments (sync.md §8). The
// side records are not the document's signed content: a paper scan is attached after the document is locked.
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { PreparedImage, SideSignature, SideSignInput, SignatureImageSource } from '../../shared/domain/side-signature.js';
import type { DocumentDefinition, SignatureParty } from '../../shared/forms/document-definition.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import { AppError } from '../../shared/rpc/result.js';
import { formatChineseDate, isIsoDate } from '../../shared/validation/dates.js';
import { BLOB_REF_PREFIX } from '../../shared/sync/protocol.js';
import type { Executor, WorkbenchDb } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { entityOf, getDocument } from '../../db/repositories/document-repository.js';
import { readSideSignatures, saveSideSignature } from '../../db/repositories/side-signature-repository.js';
import { putBlob } from '../../db/repositories/sync-state-repository.js';
import { prepareSignatureImage } from '../signatures/signature-image.js';
import { signStoredDocument } from './document-signing-service.js';
import { requireIncubator } from './document-model-service.js';

type SideWhat = 'method' | 'signature' | 'seal' | 'signerName' | 'signedOn' | 'scan';
/** The field a message about a side's input sits next to in the signing dialog: `sides.<side>.<what>`. */
export const sideField = (side: string, what: SideWhat) => `sides.${side}.${what}`;

interface Prepared extends PreparedImage {
  png: Buffer;
}

/** Checks and prepares an image; a refusal carries prepareSignatureImage's message, next to `field`. */
export async function prepareImage(base64: string, source: SignatureImageSource, field?: string): Promise<Prepared> {
  const prepared = await prepareSignatureImage(Buffer.from(base64, 'base64'), source);
  if (!prepared.ok) throw new AppError('validation', prepared.message, field ? { field } : {});
  return { sha256: prepared.sha256, base64: prepared.png.toString('base64'), width: prepared.width, height: prepared.height, png: prepared.png };
}

/** Stores a prepared PNG in the blob store (once: the same bytes have the same address) and returns its ref. */
function storeImage(db: Executor, image: Prepared | null, now: Date): string | null {
  if (!image) return null;
  putBlob(db, image.sha256, image.png, false, now.toISOString());
  return `${BLOB_REF_PREFIX}${image.sha256}`;
}

function partyOf(def: DocumentDefinition, side: string): SignatureParty {
  const party = def.signature.find((p) => p.key === side);
  if (!party) throw new AppError('validation', `${def.shortName}没有「${side}」这一签署方。`);
  return party;
}

/** 「诊断服务机构 张三：在屏幕上手写签名，并加盖印章图片」: who signed, and how, for the audit log. */
function howSigned(party: SignatureParty, side: SideSignature): string {
  const who = `${party.label}${side.signerName ? ` ${side.signerName}` : ''}`;
  if (side.method === 'paper') {
    return side.paperScanRef ? `${who}：纸质签署，已上传扫描件（签署日期 ${formatChineseDate(side.signedOn ?? '') || '未填'}）` : `${who}：纸质签署，待上传扫描件`;
  }
  const how = side.method === 'drawn' ? '在屏幕上手写签名' : side.signatureRef ? '以签名图片签署' : '';
  const seal = side.sealRef ? '加盖印章图片' : '';
  return `${who}：${[how, seal].filter(Boolean).join('，并')}`;
}

export interface CheckedSide {
  input: SideSignInput;
  signature: Prepared | null;
  seal: Prepared | null;
}

/**
 * Checks every side the dialog sent (each party of the definition exactly once) and prepares its images: all
 * problems are found before anything is stored, the first one is refused next to its field.
 */
export async function checkSides(def: DocumentDefinition, inputs: readonly SideSignInput[]): Promise<CheckedSide[]> {
  const out: CheckedSide[] = [];
  for (const party of def.signature) {
    const input = inputs.find((i) => i.side === party.key);
    if (!input) throw new AppError('validation', `请选择「${party.label}」的签署方式。`, { field: sideField(party.key, 'method') });
    const name = input.signerName.trim();
    if (input.signedOn !== null && !isIsoDate(input.signedOn)) throw new AppError('validation', '日期无效。', { field: sideField(party.key, 'signedOn') });
    if (input.method === 'paper') {
      out.push({ input: { ...input, signerName: name, signature: null, seal: null }, signature: null, seal: null });
      continue;
    }
    if (!name) throw new AppError('validation', `请填写「${party.label}」签字人姓名。`, { field: sideField(party.key, 'signerName') });
    if (input.method === 'drawn' && !input.signature) throw new AppError('validation', '签名为空', { field: sideField(party.key, 'signature') });
    if (input.method === 'image' && !input.signature && !input.seal) {
      throw new AppError('validation', `请为「${party.label}」选择签名图片或印章图片。`, { field: sideField(party.key, 'signature') });
    }
    const signature = input.signature ? await prepareImage(input.signature, input.method === 'drawn' ? 'drawn' : 'scan', sideField(party.key, 'signature')) : null;
    const seal = input.seal ? await prepareImage(input.seal, 'seal', sideField(party.key, 'seal')) : null;
    out.push({ input: { ...input, signerName: name }, signature, seal });
  }
  const unknown = inputs.find((i) => !def.signature.some((p) => p.key === i.side));
  if (unknown) partyOf(def, unknown.side);
  return out;
}

/** Stores checked sides (call inside the signing transaction): images into the blob store, one record per side. */
export function storeSides(db: Executor, ctx: ChangeContext, record: DocumentRecord, sides: readonly CheckedSide[]): void {
  const def = definitionOf(record.kind);
  const incubator = requireIncubator(db, record.incubatorId);
  for (const { input, signature, seal } of sides) {
    const side: SideSignature = {
      side: input.side,
      method: input.method,
      signerName: input.signerName,
      signedOn: input.method === 'paper' ? null : input.signedOn,
      signatureRef: storeImage(db, signature, ctx.now()),
      sealRef: storeImage(db, seal, ctx.now()),
      paperScanRef: null,
    };
    const summary = `签署「${incubator.name}」的${def.shortName}（第 ${record.revision} 版）：${howSigned(partyOf(def, side.side), side)}`;
    saveSideSignature(db, ctx, { entity: entityOf(record.kind), documentId: record.id }, side, summary);
  }
}

/** Signs a document and stores how each side signed, in one transaction: both land, or neither. */
export function signWithSides(db: WorkbenchDb, ctx: ChangeContext, kind: DocumentKind, id: string, sides: readonly CheckedSide[]): void {
  db.transaction(() => {
    signStoredDocument(db, ctx, kind, id);
    const record = getDocument(db, kind, id);
    if (record) storeSides(db, ctx, record, sides);
  });
}

/**
 * 纸质签署: attaches the scan of the page the side signed on paper, and the date on it. Allowed on a signed
 * (locked) document: the side records are not what its signature covers.
 */
export async function attachPaperScan(
  db: Executor,
  ctx: ChangeContext,
  record: DocumentRecord,
  input: { side: string; scan: string; signedOn: string; signerName: string },
): Promise<void> {
  const def = definitionOf(record.kind);
  const party = partyOf(def, input.side);
  const current = readSideSignatures(db, record.id).find((s) => s.side === input.side);
  if (current?.method !== 'paper') throw new AppError('conflict', `「${party.label}」没有选择纸质签署，不需要上传扫描件。`);
  if (!isIsoDate(input.signedOn)) throw new AppError('validation', '请填写纸质签署的日期。', { field: sideField(input.side, 'signedOn') });
  const scan = await prepareImage(input.scan, 'page', sideField(input.side, 'scan'));
  const incubator = requireIncubator(db, record.incubatorId);
  db.transaction((tx) => {
    const side: SideSignature = {
      ...current,
      signerName: input.signerName.trim() || current.signerName,
      signedOn: input.signedOn,
      paperScanRef: storeImage(tx, scan, ctx.now()),
    };
    const summary = `上传「${incubator.name}」的${def.shortName}（第 ${record.revision} 版）纸质签署扫描件：${howSigned(party, side)}`;
    saveSideSignature(tx, ctx, { entity: entityOf(record.kind), documentId: record.id }, side, summary);
  });
}
