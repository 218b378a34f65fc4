// Each side's signature of a document (docs/signature-images.md): checked and stored content-addressed, once; its
// images in the Word and Excel exports (read back from the files' media); its audit entries. Without a sync server:
// the side records are stored directly (signing itself needs the server on this branch; sync-side-signatures.test.ts
// signs against a real one).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { drawnSignaturePng } from '../../core/signatures/drawn-stroke.js';
import { checkSides, storeSides } from '../../core/services/side-signature-service.js';
import { exportDocumentFile } from '../../core/services/document-export-service.js';
import { definitionOf, DOCUMENT_KINDS, type DocumentKind } from '../../shared/forms/registry.js';
import type { SideSignInput } from '../../shared/domain/side-signature.js';
import { auditLog, documentSignatures, outbox, syncBlobs } from '../../db/schema/index.js';
import { getDocument } from '../../db/repositories/document-repository.js';
import { toRpcError } from '../../core/error-mapping.js';
import { execFileSync } from 'node:child_process';
import { renderOfficeToPng } from '../support/render-docx.js';

let t: TestWorkbench;
beforeEach(() => {
  incubatorId = null;
  t = openTestWorkbench({ now: () => new Date('2026-11-20T08:00:00Z') });
});
afterEach(() => t.cleanup());

const db = () => t.wb.database.db;
const b64 = (b: Buffer) => b.toString('base64');

let incubatorId: string | null = null;

async function newDocument(kind: DocumentKind) {
  incubatorId ??= (
    await t.call('incubators.save', {
      values: { name: '测试孵化器', operator: '测试运营公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型', operatingSince: '2020-01-01' },
    })
  ).id;
  const d = await t.call('documents.create', { kind, incubatorId });
  return getDocument(db(), kind, d.id)!;
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return toRpcError(e);
  }
  throw new Error('expected a refusal');
}

function drawn(side: string, png: Buffer, name: string): SideSignInput {
  return { side, method: 'drawn', signerName: name, signedOn: '2026-11-20', signature: b64(png), seal: null };
}

async function mediaOf(bytes: Uint8Array, folder: string): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((n) => n.startsWith(folder) && !zip.files[n]!.dir);
  return Promise.all(files.map((n) => zip.file(n)!.async('nodebuffer')));
}

/** A seal: a red ring on white, as a scan would be. */
const sealPng = () =>
  sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#fff"/><circle cx="150" cy="150" r="110" fill="none" stroke="#d01010" stroke-width="12"/><circle cx="150" cy="150" r="20" fill="#d01010"/></svg>'))
    .jpeg()
    .toBuffer();

describe('side signatures', () => {
  it('stores the same image once, records each side with its outbox ops and audit entry', async () => {
    const record = await newDocument('diagnosis');
    const same = await drawnSignaturePng('同一签名');
    const sides = await checkSides(definitionOf('diagnosis'), [drawn('agency', same, '张三'), drawn('incubator', same, '李四')]);
    storeSides(db(), t.wb.changeContext(), record, sides);
    expect(db().select().from(syncBlobs).all()).toHaveLength(1);
    const rows = db().select().from(documentSignatures).all();
    expect(rows.map((r) => [r.id, r.method, r.signerName, r.signedOn])).toEqual(
      expect.arrayContaining([
        [`${record.id}:agency`, 'drawn', '张三', '2026-11-20'],
        [`${record.id}:incubator`, 'drawn', '李四', '2026-11-20'],
      ]),
    );
    expect(rows[0]!.signatureRef).toBe(rows[1]!.signatureRef);
    expect(rows[0]!.signatureRef).toMatch(/^sha256:[0-9a-f]{64}$/);
    const ops = db().select().from(outbox).where(eq(outbox.entity, 'document_signatures')).all();
    expect(ops.map((o) => o.field)).toEqual(expect.arrayContaining(['side', 'method', 'signerName', 'signatureRef', 'documentId', 'documentEntity']));
    const audit = db().select().from(auditLog).where(eq(auditLog.entity, 'document_signatures')).all();
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        '签署「测试孵化器」的诊断意见表（第 1 版）：诊断服务机构 张三：在屏幕上手写签名',
        '签署「测试孵化器」的诊断意见表（第 1 版）：孵化器 李四：在屏幕上手写签名',
      ]),
    );
    // Stored again (another document, the same drawing): still one blob.
    const other = await newDocument('evaluation');
    storeSides(db(), t.wb.changeContext(), other, await checkSides(definitionOf('evaluation'), [drawn('agency', same, '张三'), drawn('incubator', same, '李四')]));
    expect(db().select().from(syncBlobs).all()).toHaveLength(1);
  });

  it('refuses a blank drawing, a file that is not an image and a huge one, next to the side’s field', async () => {
    const def = definitionOf('contract');
    const blank = await sharp({ create: { width: 400, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const ok = await drawnSignaturePng('甲方');
    const cases: [SideSignInput, string, string][] = [
      [drawn('incubator', blank, '王五'), '签名为空', 'sides.incubator.signature'],
      [{ ...drawn('incubator', ok, '王五'), method: 'image', signature: b64(Buffer.from('%PDF-1.7 not an image')) }, '这不是 PNG 或 JPEG 图片', 'sides.incubator.signature'],
      [{ ...drawn('incubator', ok, '王五'), method: 'image', signature: null, seal: b64(Buffer.concat([ok, Buffer.alloc(20 * 1024 * 1024)])) }, '图片太大（20.0 MB）', 'sides.incubator.seal'],
      [drawn('incubator', ok, '  '), '请填写「甲方（孵化器）」签字人姓名。', 'sides.incubator.signerName'],
    ];
    for (const [input, message, field] of cases) {
      const refused = await refusal(checkSides(def, [input, drawn('agency', ok, '赵六')]));
      expect(refused.kind).toBe('validation');
      expect(refused.message).toContain(message);
      expect(refused.field).toBe(field);
    }
    const missing = await refusal(checkSides(def, [drawn('agency', ok, '赵六')]));
    expect(missing.message).toBe('请选择「甲方（孵化器）」的签署方式。');
    const rpc = await t.failure('documents.prepareSignatureImage', { source: 'drawn', base64: b64(blank) });
    expect(rpc.message).toBe('签名为空');
  });

  it.each(DOCUMENT_KINDS)('%s: the Word and Excel exports carry each side’s signature and seal images', async (kind) => {
    const record = await newDocument(kind);
    const def = definitionOf(kind);
    const [first, second] = def.signature;
    const signatures = [await drawnSignaturePng(`${kind}-1`), await drawnSignaturePng(`${kind}-2`)];
    const seal = await sealPng();
    const inputs: SideSignInput[] = [
      drawn(first!.key, signatures[0]!, '张三'),
      { side: second!.key, method: 'image', signerName: '李四', signedOn: '2026-11-21', signature: b64(signatures[1]!), seal: b64(seal) },
    ];
    const checked = await checkSides(def, inputs);
    storeSides(db(), t.wb.changeContext(), record, checked);
    const stored = new Set(checked.flatMap((c) => [c.signature?.png, c.seal?.png]).filter((p): p is Buffer => p !== undefined && p !== null).map((p) => p.toString('hex')));
    expect(stored.size).toBe(3);
    for (const [format, folder] of [['docx', 'word/media/'], ['xlsx', 'xl/media/']] as const) {
      const file = await exportDocumentFile(db(), getDocument(db(), kind, record.id)!, format, true);
      const media = (await mediaOf(file.bytes, folder)).map((m) => m.toString('hex'));
      for (const png of stored) expect(media, `${kind} ${format}`).toContain(png);
    }
  });

  it.each(['diagnosis', 'contract'] as const)('%s: rendered by LibreOffice, the signature block with its images stays on one page', async (kind) => {
    const record = await newDocument(kind);
    const def = definitionOf(kind);
    const seal = await sealPng();
    const signatures = [await drawnSignaturePng(`${kind}-a`), await drawnSignaturePng(`${kind}-b`)];
    const inputs: SideSignInput[] = def.signature.map((p, i) => ({
      side: p.key,
      method: 'image',
      signerName: i === 0 ? '张三' : '李四',
      signedOn: '2026-11-20',
      signature: b64(signatures[i]!),
      seal: b64(seal),
    }));
    storeSides(db(), t.wb.changeContext(), record, await checkSides(def, inputs));
    const file = await exportDocumentFile(db(), getDocument(db(), kind, record.id)!, 'docx', true);
    const rendered = renderOfficeToPng(file.bytes, `${kind}-side-signatures.docx`, 'signatures');
    const pageText = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', rendered.pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    const pages = Array.from({ length: rendered.pageCount }, (_, i) => pageText(i + 1));
    const withBlock = pages.filter((p) => p.includes('（盖章）'));
    // Both sides' 「（盖章）」 and their dates on one page: the block's row is not split across pages.
    expect(withBlock).toHaveLength(1);
    expect(withBlock[0]!.match(/（盖章）/g)).toHaveLength(2);
    expect(withBlock[0]!.match(/2026年11月20日/g)).toHaveLength(2);
  });

  it('the view and documents.signatureImage give the sides and their images back', async () => {
    const record = await newDocument('plan');
    const png = await drawnSignaturePng('计划');
    storeSides(db(), t.wb.changeContext(), record, await checkSides(definitionOf('plan'), [drawn('incubator', png, '甲'), { side: 'agency', method: 'paper', signerName: '', signedOn: null, signature: null, seal: null }]));
    const view = await t.call('documents.get', { kind: 'plan', id: record.id });
    expect(view.sides.map((s) => [s.side, s.method, s.paperScanRef])).toEqual([
      ['agency', 'paper', null],
      ['incubator', 'drawn', null],
    ]);
    const image = await t.call('documents.signatureImage', { ref: view.sides[1]!.signatureRef! });
    expect(image.base64 && (await sharp(Buffer.from(image.base64, 'base64')).metadata()).format).toBe('png');
    const audit = db().select().from(auditLog).where(eq(auditLog.rowId, `${record.id}:agency`)).all();
    expect(audit[0]!.summary).toContain('乙方（服务机构）：纸质签署，待上传扫描件');
  });
});
