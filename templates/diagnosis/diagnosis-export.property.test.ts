import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { buildDiagnosisModel } from '../../shared/domain/diagnosis-model.js';
import { diagnosisDefinition, diagnosisFields, IP_BASIS_OPTIONS } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import { TGXAS_453_RULE_SET } from '../../shared/eligibility/builtin-rule-sets.js';
import { ruleSetSchema } from '../../shared/eligibility/rule-set-schema.js';
import { isFieldEnabled } from '../../shared/forms/document-values.js';
import { printLabel, printValue, rowLabel } from '../shared/document-cells.js';
import { xmlSafe } from '../shared/text-safety.js';
import { renderDiagnosisDocx } from './diagnosis-docx.js';
import { renderDiagnosisXlsx, SHEET_FORM } from './diagnosis-xlsx.js';
import { SAMPLE_HEADER } from './testing/sample-model.js';

const RULES = ruleSetSchema.parse(TGXAS_453_RULE_SET);

// Any Unicode text on one line (emoji, quotes, markup, control characters), up to 300 graphemes.
const anyLine = fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.replace(/[\r\n\u2028\u2029]/g, ' '));

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
  return buildDiagnosisModel({
    header: { ...SAMPLE_HEADER, ...header } as never,
    values,
    diagnosedOn: '2025-06-18',
    consultants: '刘建新',
    status: 'draft',
    agencyName: '广西科创孵化服务中心',
    ruleSet: RULES,
  });
}

/** mammoth reads text runs back verbatim; compare with spaces collapsed, as Word may lay them out. */
const squash = (s: string) => xmlSafe(s).replace(/\s+/g, ' ').trim();

describe('exports of random valid diagnoses', () => {
  it('always make a .docx that opens and reads back with every label and value', async () => {
    await fc.assert(
      fc.asyncProperty(valuesArbitrary, headerArbitrary, async (values, header) => {
        const model = modelOf(values, header);
        const text = squash((await mammoth.extractRawText({ buffer: Buffer.from(await renderDiagnosisDocx(model)) })).value);
        expect(text).not.toMatch(/NaN|Infinity/);
        const ctx = { def: diagnosisDefinition, header: model.header, check: model.check };
        for (const row of [...diagnosisDefinition.headerRows, ...diagnosisDefinition.sections.flatMap((s) => s.rows)]) {
          if (row.kind === 'pair' || row.kind === 'of-which') {
            for (const item of row.items) {
              expect(text).toContain(squash(printLabel(ctx, item)));
              const v = squash(printValue(ctx, item));
              if (v) expect(text).toContain(v);
            }
          } else {
            expect(text).toContain(squash(rowLabel(ctx, row)));
          }
        }
        for (const f of diagnosisFields) {
          if ((f.type === 'longtext' || f.type === 'text') && isFieldEnabled(f, model.check.normalized, model.header)) {
            const v = squash(String(model.check.normalized[f.key] ?? ''));
            if (v) expect(text).toContain(v);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('always make a .xlsx that opens and reads back with every label and value', async () => {
    await fc.assert(
      fc.asyncProperty(valuesArbitrary, headerArbitrary, async (values, header) => {
        const model = modelOf(values, header);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await renderDiagnosisXlsx(model)).buffer as ArrayBuffer);
        const rows = new Map<string, unknown>();
        wb.getWorksheet(SHEET_FORM)!.eachRow((r) => rows.set(String(r.getCell(2).value), r.getCell(3).value));
        for (const f of diagnosisFields) {
          expect(rows.has(f.label)).toBe(true);
          const stored = model.check.normalized[f.key] ?? null;
          const enabled = isFieldEnabled(f, model.check.normalized, model.header);
          const cell = rows.get(f.label) ?? null;
          if (!enabled || stored === null || stored === '') continue;
          if (typeof stored === 'number') expect(cell).toBe(stored);
          else if (typeof stored === 'boolean') expect(cell).toBe(stored ? '是' : '否');
          else expect(cell).toBe(xmlSafe(String(stored)));
        }
        for (const c of diagnosisDefinition.computed) {
          const v = model.check.computed[c.key] ?? null;
          const cell = rows.get(c.label) ?? null;
          expect(cell).toBe(v);
          if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
