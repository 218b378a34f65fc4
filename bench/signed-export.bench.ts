// Export of a signed diagnosis whose two sides signed with drawn images (issue 12 target: p95 < 250 ms), beside the
// same diagnosis without images: what the images add to the model (read from the blob store is the service's part,
// not timed here) and to the .docx and .xlsx. Run: npx tsx bench/signed-export.bench.ts  (BENCH_ROUNDS=…)
import { sampleModel } from '../templates/testing/sample-models.js';
import type { DocumentModel, PrintedSide } from '../shared/forms/document-model.js';
import { drawnSignaturePng } from '../core/signatures/drawn-stroke.js';
import { prepareSignatureImage } from '../core/signatures/signature-image.js';
import { machineLine } from './support/stats.js';
import { timeExports } from './support/export-timing.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

async function drawnSide(name: string): Promise<PrintedSide> {
  const prepared = await prepareSignatureImage(await drawnSignaturePng(name), 'drawn');
  if (!prepared.ok) throw new Error(prepared.message);
  return { method: 'drawn', signerName: name, signedOn: '2025-06-05', signature: { png: prepared.png, widthPx: prepared.width, heightPx: prepared.height }, seal: null };
}

const sides = { agency: await drawnSide('黄敏'), incubator: await drawnSide('覃建华') };
console.log(`# signed-export: ${machineLine()}`);
for (const [label, make] of [
  ['表A.1 without images', () => sampleModel()],
  ['表A.1 signed, two drawn signatures', () => ({ ...sampleModel(), signed: true, sides })],
] as const satisfies readonly (readonly [string, () => DocumentModel])[]) {
  await timeExports(label, make, ROUNDS, 250);
}
