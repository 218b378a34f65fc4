// The diagnosis as a workbook a statistician can work with: one row per value (section, label, value, unit),
// numbers as numbers, percentages as fractions formatted 0.0%; the eligibility check as a second sheet.
import ExcelJS from 'exceljs';
import type { DiagnosisDocumentModel } from '../../shared/domain/diagnosis.js';
import { DIAGNOSIS_STATUS_LABELS } from '../../shared/domain/diagnosis.js';
import { diagnosisDefinition } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import { findComputed, findField, findHeaderField, rowComputedKeys, rowFieldKeys, type ValueRef } from '../../shared/forms/document-definition.js';
import type { FieldDefinition, FieldValue } from '../../shared/forms/field-definition.js';
import { isFieldEnabled } from '../../shared/forms/document-values.js';
import { RULE_STATUS_LABELS } from '../../shared/eligibility/evaluate.js';
import { xmlSafe } from '../shared/text-safety.js';

export const SHEET_FORM = '诊断意见表';
export const SHEET_ELIGIBILITY = '认定条件对照';
const MAX_CELL_TEXT = 32_000; // Excel refuses more than 32 767 characters in a cell

type CellValue = string | number | null;

interface SheetLine {
  section: string;
  label: string;
  value: CellValue;
  unit: string;
  numFmt?: string;
  note?: string;
}

function text(v: string): string {
  const safe = xmlSafe(v);
  return safe.length > MAX_CELL_TEXT ? `${safe.slice(0, MAX_CELL_TEXT)}…（超出 Excel 单元格上限，全文见 Word 文档）` : safe;
}

function numberFormat(def: FieldDefinition): string {
  if (def.type === 'integer') return '0';
  const d = def.decimals ?? 2;
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

function fieldLine(section: string, def: FieldDefinition, value: FieldValue | undefined, enabled = true): SheetLine {
  const base = { section, label: def.label, unit: def.unit ?? '' };
  const v = enabled ? (value ?? null) : null;
  if (v === null) return { ...base, value: null };
  switch (def.type) {
    case 'number':
    case 'integer':
      return typeof v === 'number'
        ? { ...base, value: v, numFmt: numberFormat(def) }
        : { ...base, value: text(String(v)), note: '不是有效数字，按原样保留' };
    case 'yesno':
      return { ...base, value: v === true ? '是' : v === false ? '否' : null };
    default:
      return { ...base, value: text(String(v)) };
  }
}

function lines(model: DiagnosisDocumentModel): SheetLine[] {
  const def = diagnosisDefinition;
  const out: SheetLine[] = [];
  const headerKeys = def.headerRows.flatMap((r) => (r.kind === 'pair' ? r.items.map((i: ValueRef) => i.key) : []));
  for (const key of headerKeys) {
    const f = findHeaderField(def, key);
    if (f) out.push(fieldLine('基本信息', f, model.header[key] ?? null));
  }
  for (const section of def.sections) {
    for (const row of section.rows) {
      for (const key of rowFieldKeys(row)) {
        const f = findField(def, key);
        if (f) out.push(fieldLine(section.title, f, model.check.normalized[key], isFieldEnabled(f, model.check.normalized, model.header)));
      }
      for (const key of rowComputedKeys(row)) {
        const c = findComputed(def, key);
        if (!c) continue;
        const v = model.check.computed[key] ?? null;
        out.push({
          section: section.title,
          label: c.label,
          value: v,
          unit: c.format === 'percent' ? '%' : (c.unit ?? ''),
          numFmt: c.format === 'percent' ? '0.0%' : `0.${'0'.repeat(c.decimals ?? 2)}`,
          note: v === null ? '分母为 0 或未填写，暂无法计算' : '自动计算',
        });
      }
    }
  }
  return out;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, name: 'SimSun' };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
}

/** Builds the workbook of one diagnosis. */
export function buildDiagnosisWorkbook(model: DiagnosisDocumentModel): ExcelJS.Workbook {
  const def = diagnosisDefinition;
  const wb = new ExcelJS.Workbook();
  wb.creator = model.agencyName || '孵化器培育服务工作台';
  wb.title = def.title;

  const sheet = wb.addWorksheet(SHEET_FORM, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [
    { header: '栏目', key: 'section', width: 16 },
    { header: '项目', key: 'label', width: 58 },
    { header: '数值', key: 'value', width: 30 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '说明', key: 'note', width: 30 },
  ];
  styleHeader(sheet.getRow(1));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const line of lines(model)) {
    const row = sheet.addRow({ section: line.section, label: line.label, value: line.value, unit: line.unit, note: line.note ?? '' });
    const valueCell = row.getCell('value');
    if (line.numFmt) valueCell.numFmt = line.numFmt;
    valueCell.alignment = { wrapText: true, vertical: 'top', horizontal: typeof line.value === 'number' ? 'right' : 'left' };
    row.getCell('label').alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow({});
  sheet.addRow({ section: '诊断信息', label: '诊断日期', value: model.meta.diagnosedOn ?? '' });
  sheet.addRow({ section: '诊断信息', label: '诊断人员', value: text(model.meta.consultants) });
  sheet.addRow({ section: '诊断信息', label: '诊断服务机构', value: text(model.agencyName) });
  sheet.addRow({ section: '诊断信息', label: '状态', value: DIAGNOSIS_STATUS_LABELS[model.meta.status] });
  for (const n of def.footnotes) sheet.addRow({ section: '', label: n });

  const e = model.eligibility;
  const rules = wb.addWorksheet(SHEET_ELIGIBILITY);
  rules.columns = [
    { header: '条款', key: 'clause', width: 12 },
    { header: '要求', key: 'title', width: 50 },
    { header: '应/宜', key: 'strength', width: 7 },
    { header: '结果', key: 'status', width: 14 },
    { header: '当前值', key: 'actual', width: 18 },
    { header: '判定标准', key: 'required', width: 28 },
    { header: '差距', key: 'gap', width: 20 },
    { header: '需补充的数据', key: 'missing', width: 36 },
    { header: '说明', key: 'note', width: 36 },
  ];
  styleHeader(rules.getRow(1));
  rules.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of e.results) {
    const row = rules.addRow({
      clause: r.clause,
      title: r.title,
      strength: r.strength,
      status: RULE_STATUS_LABELS[r.status],
      actual: r.actual,
      required: r.required,
      gap: r.gap ?? '',
      missing: r.missing.join('、'),
      note: r.note,
    });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  rules.addRow({});
  rules.addRow({ clause: '规则集', title: text(e.ruleSetName) });
  rules.addRow({ clause: '依据', title: text(e.source) });
  rules.addRow({
    clause: '汇总',
    title: `符合 ${e.counts.met} 项，不符合 ${e.counts['not-met']} 项，数据不足 ${e.counts.insufficient} 项，由诊断人员判断 ${e.counts.consultant} 项`,
  });
  return wb;
}

export async function renderDiagnosisXlsx(model: DiagnosisDocumentModel): Promise<Uint8Array> {
  const buffer = await buildDiagnosisWorkbook(model).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
