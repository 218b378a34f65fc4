// Random valid diagnoses, exported to Word and Excel and read back: every label and value is there, nothing prints
// NaN or Infinity. 200 runs each in CI, seeded: the seed is printed, and `EXPORT_DOCX_SEED=<seed>` (or
// EXPORT_XLSX_SEED) replays a failure. Word is read back from its XML (faster than a full reader, same text).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildDocumentModel } from '../shared/forms/document-model.js';
import { diagnosisDefinition, diagnosisFields, IP_BASIS_OPTIONS } from '../shared/forms/appendix-a/diagnosis-definition.js';
import { isFieldEnabled } from '../shared/forms/field-engine.js';
import { printLabel, printValue, rowLabel } from '../shared/forms/print-cells.js';
import { renderDocx } from './docx/render-docx.js';
import { renderXlsx } from './xlsx/render-xlsx.js';
import { xmlSafe } from './shared/text-safety.js';
import { SAMPLE_AGENCY, SAMPLE_HEADER, SAMPLE_RULE_SET } from './testing/sample-models.js';
import { propertyOptions } from '../tests/support/property-seed.js';

const RUNS = 200;

// Any Unicode text on one line (emoji, quotes, markup, control characters), up to 120 graphemes.
const anyLine = fc.string({ unit: 'grapheme', maxLength: 120 }).map((s) => s.replace(/[\r\n\u2028\u2029]/g, ' '));

function valueArbitrary(f: (typeof diagnosisFields)[number]): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'number':
      return fc.option(fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100), { nil: null });
    case 'integer':
      return fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
    case 'yesno':
      return fc.option(fc.boolean(), { nil: null });
    case 'choice':
      return fc.option(fc.constantFrom(...IP_BASIS_OPTIONS), { nil: null });
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'ruleSet':
      return fc.constant(SAMPLE_RULE_SET.id);
    default:
      return anyLine;
  }
}

const valuesArbitrary = fc.record(Object.fromEntries(diagnosisFields.map((f) => [f.key, valueArbitrary(f)])) as Record<string, fc.Arbitrary<unknown>>);
const headerArbitrary = fc.record({
  name: anyLine.filter((s) => s.trim().length > 0),
  operator: anyLine,
  incubatorType: fc.constantFrom('专业型', '综合型', null),
  orgNature: fc.constantFrom('事业单位', '国有企业', '民营企业', '其他', null),
});

function modelOf(values: Record<string, unknown>, header: Record<string, unknown>) {
  return buildDocumentModel({ def: diagnosisDefinition, header: { ...SAMPLE_HEADER, ...header } as never, agency: SAMPLE_AGENCY, values, status: 'draft', ruleSet: SAMPLE_RULE_SET });
}

/** Text compared with spaces collapsed, as Word may lay them out. */
const squash = (s: string) => xmlSafe(s).replace(/\s+/g, ' ').trim();

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!)).join(''))
    .join('\n');
}

describe('exports of random valid diagnoses', () => {
  it(`always make a .docx that opens and reads back with every label and value (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(valuesArbitrary, headerArbitrary, async (values, header) => {
        const model = modelOf(values, header);
        const text = squash(await docxText(await renderDocx(model)));
        expect(text).not.toMatch(/NaN|Infinity/);
        for (const row of [...diagnosisDefinition.headerRows, ...diagnosisDefinition.sections.flatMap((s) => s.rows)]) {
          if (row.kind === 'pair' || row.kind === 'of-which') {
            for (const item of row.items) {
              expect(text).toContain(squash(printLabel(model, item)));
              const v = squash(printValue(model, item));
              if (v) expect(text).toContain(v);
            }
          } else {
            expect(text).toContain(squash(rowLabel(model, row)));
          }
        }
        for (const f of diagnosisFields) {
          if ((f.type === 'longtext' || f.type === 'text') && isFieldEnabled(f, model.check.normalized, model.header)) {
            const v = squash(String(model.check.normalized[f.key] ?? ''));
            if (v) expect(text).toContain(v);
          }
        }
      }),
      propertyOptions('EXPORT_DOCX_SEED', RUNS),
    );
  }, 240_000);

  it(`always make a .xlsx that opens and reads back with every value (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(valuesArbitrary, headerArbitrary, async (values, header) => {
        const model = modelOf(values, header);
        const bytes = await renderXlsx(model);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        const cells: unknown[] = [];
        wb.getWorksheet(diagnosisDefinition.shortName)!.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
        const plain = cells.map((c) => (c && typeof c === 'object' && 'formula' in c ? (c as ExcelJS.CellFormulaValue).result : c));
        for (const f of diagnosisFields) {
          const stored = model.check.normalized[f.key] ?? null;
          if (!isFieldEnabled(f, model.check.normalized, model.header) || stored === null || stored === '' || f.type === 'ruleSet' || f.type === 'date') continue;
          if (model.check.invalid.has(f.key)) continue; // printed as typed with a mark
          if (typeof stored === 'number') expect(plain, f.key).toContain(stored);
          else if (typeof stored === 'string' && (f.type === 'text' || f.type === 'longtext')) expect(plain.some((p) => typeof p === 'string' && p.includes(xmlSafe(stored)))).toBe(true);
        }
        for (const c of diagnosisDefinition.computed) {
          const v = model.check.computed[c.key] ?? null;
          if (v !== null) expect(plain.some((p) => typeof p === 'number' && Math.abs(p - v) < 1e-12), c.key).toBe(true);
        }
        for (const p of plain) if (typeof p === 'number') expect(Number.isFinite(p)).toBe(true);
      }),
      propertyOptions('EXPORT_XLSX_SEED', RUNS),
    );
  }, 240_000);
});
