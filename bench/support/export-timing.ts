// Times a document model's export to .docx and .xlsx: a few warm-up rounds, then `rounds` timed ones, reported
// against a p95 target. Shared by the document export benches (document-export, signed-export).
import { renderDocx } from '../../templates/docx/render-docx.js';
import { renderXlsx } from '../../templates/xlsx/render-xlsx.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { report } from './stats.js';

const WARM_UP = 5;

export async function timeExports(label: string, make: () => DocumentModel, rounds: number, p95BelowMs: number): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) {
    await renderDocx(make());
    await renderXlsx(make());
  }
  const docx: number[] = [];
  const xlsx: number[] = [];
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    bytes = (await renderDocx(make())).byteLength;
    docx.push(performance.now() - t0);
    t0 = performance.now();
    await renderXlsx(make());
    xlsx.push(performance.now() - t0);
  }
  report(`.docx, ${label} (${(bytes / 1024).toFixed(0)} KB)`, docx, { stat: 'p95', belowMs: p95BelowMs });
  report(`.xlsx, ${label}`, xlsx, { stat: 'p95', belowMs: p95BelowMs });
}
