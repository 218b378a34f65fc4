// Each side's signature syncs to the agency's other devices with its images (docs/signature-images.md, sync.md §8):
// against a real sync server on PostgreSQL. A side signed on paper gets its scan on another device after the
// document is locked, and that syncs back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { twoDevices } from '../support/sync-devices.js';
import { createDocument, getDocument, updateDocument } from '../../db/repositories/document-repository.js';
import { readSideSignatures } from '../../db/repositories/side-signature-repository.js';
import { getBlob, getSigned } from '../../db/repositories/sync-state-repository.js';
import { syncBlobs } from '../../db/schema/index.js';
import { attachPaperScan, checkSides, signWithSides } from '../../core/services/side-signature-service.js';
import { drawnSignaturePng } from '../../core/signatures/drawn-stroke.js';
import { definitionOf } from '../../shared/forms/registry.js';
import { DEMO_SIGNED_DIAGNOSIS, signDemoDiagnosis } from '../../core/services/demo-signatures.js';
import { exportDocumentFile } from '../../core/services/document-export-service.js';
import JSZip from 'jszip';

describe('side signatures sync', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('carries the sides and their images to a second device; a paper scan attached there comes back', async () => {
    const { a, b } = await twoDevices(server);
    const incubatorId = a.saveIncubator(undefined, { name: '北海孵化器' });
    const doc = createDocument(
      a.opened.db,
      a.ctx,
      'diagnosis',
      { incubatorId, values: { diagnosedOn: '2026-11-20', consultants: '张三', ruleSetId: 'builtin', totalArea: 6000 }, snapshots: { incubator: null, agency: null } },
      '新建',
    );
    updateDocument(a.opened.db, a.ctx, 'diagnosis', doc.id, { status: 'completed' }, 'complete');
    await a.engine.sync();

    const png = await drawnSignaturePng('诊断人员');
    const sides = await checkSides(definitionOf('diagnosis'), [
      { side: 'agency', method: 'drawn', signerName: '周七', signedOn: '2026-11-20', signature: png.toString('base64'), seal: null },
      { side: 'incubator', method: 'paper', signerName: '', signedOn: null, signature: null, seal: null },
    ]);
    signWithSides(a.opened.db, a.ctx, 'diagnosis', doc.id, sides);
    const report = await a.engine.sync();
    expect(report.blobsUp).toBe(1);
    expect(getSigned(a.opened.db, 'diagnoses', doc.id)?.state).toBe('accepted');

    const down = await b.engine.sync();
    expect(down.blobsDown).toBe(1);
    const onB = readSideSignatures(b.opened.db, doc.id);
    expect(onB).toEqual(readSideSignatures(a.opened.db, doc.id));
    const drawnRef = onB.find((s) => s.side === 'agency')!.signatureRef!;
    expect(getBlob(b.opened.db, drawnRef.slice('sha256:'.length))).toEqual(getBlob(a.opened.db, drawnRef.slice('sha256:'.length)));

    // On B, the diagnosis is signed (locked); the incubator signed on paper: its scan and date are attached there.
    expect(getSigned(b.opened.db, 'diagnoses', doc.id)).toBeDefined();
    const scan = await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1100"><rect width="800" height="1100" fill="#fff"/><text x="80" y="200" font-size="40">诊断意见表 签字页</text><path d="M 400 900 C 450 820, 520 980, 600 880" stroke="#000" stroke-width="6" fill="none"/></svg>'))
      .jpeg()
      .toBuffer();
    await attachPaperScan(b.opened.db, b.ctx, getDocument(b.opened.db, 'diagnosis', doc.id)!, { side: 'incubator', scan: scan.toString('base64'), signedOn: '2026-11-25', signerName: '吴八' });
    const up = await b.engine.sync();
    expect(up.blobsUp).toBe(1);
    expect(up.rejected + up.locked).toBe(0);
    await a.engine.sync();
    const paperOnA = readSideSignatures(a.opened.db, doc.id).find((s) => s.side === 'incubator')!;
    expect(paperOnA).toMatchObject({ method: 'paper', signerName: '吴八', signedOn: '2026-11-25' });
    expect(paperOnA.paperScanRef).toMatch(/^sha256:/);
    expect(a.opened.db.select().from(syncBlobs).where(eq(syncBlobs.sha256, paperOnA.paperScanRef!.slice(7))).get()?.size).toBeGreaterThan(0);
    // The signed diagnosis itself is unchanged by it.
    expect(getDocument(a.opened.db, 'diagnosis', doc.id)!.status).toBe('completed');
  });

  it('signs the demo diagnosis with both sides’ drawn signatures once the server holds it; its exports carry them', async () => {
    const { a } = await twoDevices(server);
    const incubatorId = a.saveIncubator(undefined, { name: DEMO_SIGNED_DIAGNOSIS.incubator });
    const doc = createDocument(
      a.opened.db,
      a.ctx,
      'diagnosis',
      { incubatorId, values: { diagnosedOn: '2025-06-03', consultants: '黄敏', ruleSetId: 'builtin', totalArea: 6000 }, status: 'completed', snapshots: { incubator: null, agency: null } },
      '新建',
    );
    await a.engine.sync();
    expect(await signDemoDiagnosis(a.opened.db, a.ctx)).toBe(true);
    expect(await signDemoDiagnosis(a.opened.db, a.ctx)).toBe(false);
    expect(readSideSignatures(a.opened.db, doc.id).map((s) => [s.side, s.method, s.signerName])).toEqual([
      ['agency', 'drawn', '黄敏'],
      ['incubator', 'drawn', '覃建华'],
    ]);
    const file = await exportDocumentFile(a.opened.db, getDocument(a.opened.db, 'diagnosis', doc.id)!, 'docx', true);
    const zip = await JSZip.loadAsync(file.bytes);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(2);
    await a.engine.sync();
    expect(getSigned(a.opened.db, 'diagnoses', doc.id)?.state).toBe('accepted');
  });
});
