// The document's table as an Excel form a clerk can print and file (7.7): the Word table's four columns, every row
// kind of the vocabulary (the switch is exhaustive), values as real numbers and dates, □/☑ as in Word, 「其中」
// kept as a group, and computed values as formulas over the input cells, with their results cached (exceljs does
// not compute): editing an input in Excel recomputes them.
import type ExcelJS from 'exceljs';
import { assertNever, type FieldDefinition, type FieldValue } from '../../shared/forms/field-definition.js';
import type { ComputedDefinition } from '../../shared/forms/field-definition.js';
import { allRows, type DocumentDefinition, findComputed, findField } from '../../shared/forms/document-definition.js';
import type { DocumentImage, DocumentModel } from '../../shared/forms/document-model.js';
import { fitInside, lineImage, SEAL_BOX, SIGNATURE_BOX, sideLineText, sideOf } from '../../shared/forms/signature-print.js';
import { isFieldEnabled } from '../../shared/forms/field-engine.js';
import type { LayoutRow, ValueRef } from '../../shared/forms/layout.js';
import { formatStoredValue } from '../../shared/forms/format-values.js';
import {
  clauseLine,
  compareCells,
  compositeLines,
  INVALID_MARK,
  itemCells,
  itemNumber,
  listTotalText,
  printedListFields,
  printLabel,
  rowLabel,
} from '../../shared/forms/print-cells.js';
import { snapshotField, snapshotOf } from '../../shared/forms/snapshot-fields.js';
import { BORDER, cellText, DATE_FORMAT, fitRowHeight, FONT, linesIn, MONTH_FORMAT } from './sheet-style.js';

/**
 * Column widths in Excel units (a CJK character is two), about A4 portrait at one page wide: label | value | label |
 * value. A document of 培育前/培育后 rows (评估科目 | 培育前 | 培育后 | 变化) gives its label column the room of a metric's
 * whole name (most on one line, the longest — 1.2's ~58 units — on two) and the value columns what figures need; the
 * header's 统一社会信用代码 (18 characters) still fits its value column unbroken.
 */
export function columnWidths(def: DocumentDefinition): readonly number[] {
  return allRows(def).some((r) => r.kind === 'compare') ? [40, 17, 17, 22] : [20, 24, 20, 24];
}
const TEXT_ROW_LINES = 20;
type Cell = ExcelJS.CellValue;

interface Placed {
  col: number;
  span: number;
  value: Cell;
  numFmt?: string;
  label?: boolean;
}

/** An ISO date as an Excel date (midnight UTC, which Excel shows as that calendar day). */
function excelDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1'))) : null;
}

function numberFormat(f: FieldDefinition): string {
  if (f.type === 'integer') return '0';
  if (f.type === 'money') return '#,##0.00';
  const d = f.decimals ?? 2;
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

/** The number a cell shows (its value, or a formula's cached result), or null. */
function numberIn(value: Cell): number | null {
  const v: unknown = value !== null && typeof value === 'object' && 'result' in value ? value.result : value;
  return typeof v === 'number' ? v : null;
}

export class FormSheet {
  row = 1;
  /** Where each field's value cell is, for the formulas of computed values. */
  readonly addresses = new Map<string, string>();

  readonly widths: readonly number[];

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly model: DocumentModel,
  ) {
    this.widths = columnWidths(model.def);
  }

  /** Writes one sheet row of cells; each spans `span` columns; the row is as tall as its longest wrapped text. */
  put(cells: Placed[], opts: { minLines?: number; fill?: boolean } = {}): number {
    const r = this.row++;
    const row = this.sheet.getRow(r);
    let lines = opts.minLines ?? 1;
    for (const c of cells) {
      if (c.span > 1) this.sheet.mergeCells(r, c.col, r, c.col + c.span - 1);
      const cell = row.getCell(c.col);
      cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.font = { ...FONT, ...(c.label || opts.fill ? { bold: !!opts.fill } : {}) };
      // Figures right-aligned, the computed ones (formulas) as the typed ones.
      const figure = typeof c.value === 'number' || (c.value !== null && typeof c.value === 'object' && 'formula' in c.value);
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c.label ? 'center' : figure ? 'right' : 'left' };
      if (opts.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      const width = this.widths.slice(c.col - 1, c.col - 1 + c.span).reduce((s, w) => s + w, 0);
      if (typeof c.value === 'string') lines = Math.max(lines, linesIn(c.value, width));
      for (let k = c.col; k < c.col + c.span; k++) row.getCell(k).border = BORDER;
    }
    fitRowHeight(row, lines);
    return r;
  }

  address(col: number, row: number): string {
    return `${String.fromCharCode(64 + col)}${row}`;
  }

  /** A field's value as a cell: numbers and dates as such, invalid values as the text typed with a mark. */
  fieldCell(f: FieldDefinition, value: FieldValue | undefined, invalid: boolean, enabled = true): { value: Cell; numFmt?: string } {
    const v = enabled ? (value ?? null) : null;
    if (v === null) return { value: formatStoredValue(f, null) || null };
    if (invalid) return { value: cellText(`${formatStoredValue(f, v)}${INVALID_MARK}`) };
    switch (f.type) {
      case 'number':
      case 'integer':
        return typeof v === 'number' ? { value: v, numFmt: numberFormat(f) } : { value: cellText(String(v)) };
      case 'money':
        return typeof v === 'number' ? { value: v / 100, numFmt: numberFormat(f) } : { value: cellText(String(v)) };
      case 'date':
      case 'month': {
        const d = typeof v === 'string' ? excelDate(v) : null;
        return d ? { value: d, numFmt: f.type === 'date' ? DATE_FORMAT : MONTH_FORMAT } : { value: cellText(String(v)) };
      }
      case 'choice':
      case 'yesno':
      case 'text':
      case 'longtext':
      case 'mobile':
      case 'telephone':
      case 'uscc':
      case 'bankAccount':
      case 'ruleSet':
        return { value: cellText(formatStoredValue(f, v)) };
      default:
        return assertNever(f.type);
    }
  }

  refCell(r: ValueRef): { value: Cell; numFmt?: string } {
    const snapshot = snapshotOf(r.source);
    if (snapshot) {
      const f = snapshotField(snapshot, r.key);
      const values = snapshot === 'incubator' ? this.model.header : this.model.agency;
      return f ? this.fieldCell(f, values[r.key], false) : { value: null };
    }
    if (r.source === 'computed') {
      const c = findComputed(this.model.def, r.key);
      return c ? this.computedCell(c) : { value: null };
    }
    const f = findField(this.model.def, r.key);
    if (!f) return { value: null };
    const enabled = isFieldEnabled(f, this.model.check.normalized, this.model.header);
    return this.fieldCell(f, this.model.check.normalized[r.key], this.model.check.invalid.has(r.key), enabled);
  }

  /**
   * A computed value as a formula over its input cells: blank when the denominator is not a number or 0, when no
   * numerator is filled, or when an input holds text (a value kept as typed) — as the app computes it.
   */
  computedCell(c: ComputedDefinition, prefix = ''): { value: Cell; numFmt?: string } {
    const numFmt = `${prefix ? `"${prefix}"` : ''}${c.format === 'percent' ? '0.0%' : `0.${'0'.repeat(c.decimals ?? 2)}`}`;
    const result = this.model.check.computed[c.key] ?? null;
    const formula = this.formulaOf(c);
    return formula ? { value: { formula, result: result ?? '' }, numFmt } : { value: result ?? null, numFmt };
  }

  /** The formula of a computed value over its input cells; null while an input has no cell yet. */
  private formulaOf(c: ComputedDefinition): string | null {
    const den = this.addresses.get(c.denominator);
    const nums = c.numerators.map((k) => this.addresses.get(k));
    if (!den || nums.some((n) => !n)) return null;
    const list = nums.join(',');
    const factor = c.factor ? `*${c.factor}` : '';
    return `IF(AND(ISNUMBER(${den}),${den}<>0,COUNT(${list})>0,COUNTA(${list})=COUNT(${list})),SUM(${list})${factor}/${den},"")`;
  }

  /** Computed cells written before their inputs (表D.1's 2.4 reads 6.2): their formulas once every input is placed. */
  private readonly pending: { row: number; col: number; c: ComputedDefinition }[] = [];

  /** Writes the formulas of computed cells whose inputs came after them. Call after the last row. */
  resolveFormulas(): void {
    for (const p of this.pending) {
      const formula = this.formulaOf(p.c);
      if (formula) this.sheet.getCell(p.row, p.col).value = { formula, result: this.model.check.computed[p.c.key] ?? '' };
    }
  }

  private valueRef(r: ValueRef, col: number, span: number): Placed {
    const v = this.refCell(r);
    return { col, span, ...v };
  }

  private remember(r: ValueRef, col: number, row: number): void {
    if (r.source === 'values') this.addresses.set(r.key, this.address(col, row));
  }

  /** One label in column A over the rows written since `first` (a group: 「其中」, 「二选一」, a list). */
  private captionOver(first: number, text: string): void {
    this.sheet.mergeCells(first, 1, this.row - 1, 1);
    const caption = this.sheet.getCell(first, 1);
    caption.value = cellText(text);
    caption.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }

  private label(text: string, col: number, span = 1): Placed {
    return { col, span, value: cellText(text), label: true };
  }

  layoutRow(row: LayoutRow): void {
    const m = this.model;
    switch (row.kind) {
      case 'pair': {
        const [a, b] = row.items;
        if (!b) {
          const labelSpan = row.wide ? 2 : 1;
          const at = this.put([this.label(printLabel(m, a), 1, labelSpan), this.valueRef(a, labelSpan + 1, 4 - labelSpan)]);
          this.remember(a, labelSpan + 1, at);
          return;
        }
        const at = this.put([this.label(printLabel(m, a), 1), this.valueRef(a, 2, 1), this.label(printLabel(m, b), 3), this.valueRef(b, 4, 1)]);
        this.remember(a, 2, at);
        this.remember(b, 4, at);
        return;
      }
      case 'of-which': {
        const first = this.row;
        for (const item of row.items) {
          const at = this.put([{ col: 1, span: 1, value: null, label: true }, this.label(printLabel(m, item), 2), this.valueRef(item, 3, 2)]);
          this.remember(item, 3, at);
        }
        // 「其中」 stays one group: one caption over its parts.
        this.captionOver(first, row.caption);
        return;
      }
      case 'text': {
        const text = compositeLines(m, row).join('\n');
        const lines = text.split('\n');
        const label = rowLabel(m, row);
        for (let i = 0, part = 0; i < lines.length || part === 0; i += TEXT_ROW_LINES, part++) {
          const chunk = lines.slice(i, i + TEXT_ROW_LINES).join('\n');
          this.put([this.label(part === 0 ? label : `${label}（续）`, 1), { col: 2, span: 3, value: cellText(chunk) }], { minLines: part === 0 ? (row.lines ?? 2) : 1 });
        }
        return;
      }
      case 'choice-of-two': {
        const first = this.row;
        const chosen = m.check.normalized[row.choiceKey] ?? null;
        const choice = findField(m.def, row.choiceKey);
        row.options.forEach((o, i) => {
          const text = choice?.options?.[i] ?? o.field;
          const isChosen = chosen === text;
          const count: ValueRef = { source: 'values', key: o.field };
          const at = this.row;
          this.addresses.set(o.field, this.address(3, at));
          const computed = findComputed(m.def, o.computed);
          this.put([
            { col: 1, span: 1, value: null, label: true },
            { col: 2, span: 1, value: `${isChosen ? '☑' : '□'}${text}` },
            { col: 3, span: 1, ...(isChosen ? this.refCell(count) : { value: null }), numFmt: `0"${o.unit}"` },
            { col: 4, span: 1, ...(computed ? this.computedCell(computed, o.shareLabel) : { value: null }) },
          ]);
        });
        this.captionOver(first, row.label);
        return;
      }
      case 'sentence': {
        const at = this.row;
        this.addresses.set(row.field, this.address(3, at));
        const computed = findComputed(m.def, row.computed);
        this.put([
          this.label(row.label, 1),
          { col: 2, span: 1, value: row.countText },
          { col: 3, span: 1, ...this.refCell({ source: 'values', key: row.field }), numFmt: `0"${row.unit}"` },
          { col: 4, span: 1, ...(computed ? this.computedCell(computed, row.shareText) : { value: null }) },
        ]);
        return;
      }
      case 'yesno-detail': {
        const [line = ''] = compositeLines(m, row);
        const [boxes = '', detail = ''] = line.split(/\s{2}如选是，/);
        this.put([this.label(rowLabel(m, row), 1), { col: 2, span: 1, value: boxes }, { col: 3, span: 2, value: cellText(`如选是，${detail}`) }]);
        return;
      }
      case 'heading':
        if (row.columns) {
          // The compare rows' captions, and the change column the sheet adds (a formula per row).
          this.put([this.label(row.text, 1), this.label(row.columns[0], 2), this.label(row.columns[1], 3), this.label('变化（后−前）', 4)], { fill: true });
          return;
        }
        this.put([{ col: 1, span: 4, value: cellText(row.text) }], { fill: true });
        return;
      case 'list': {
        const list = m.def.lists.find((l) => l.key === row.list);
        if (!list) return;
        const items = m.check.lists[list.key] ?? [];
        const first = this.row;
        // Three columns for the items: the last one holds any further fields.
        const fields = printedListFields(list);
        const head = fields.map((f) => f.label);
        const fold = (cells: string[]) => [cells[0] ?? '', cells[1] ?? '', cells.slice(2).join('；')];
        const columns = Math.min(3, fields.length);
        const put = (cells: string[], fill = false) =>
          this.put(
            [{ col: 1, span: 1, value: null, label: true }, ...fold(cells).slice(0, columns).map((v, i) => ({ col: 2 + i, span: i === columns - 1 ? 3 - i : 1, value: cellText(v), label: fill }))],
            { fill },
          );
        put(head, true);
        items.forEach((item, n) => put(itemCells(m, list, item).map((v, i) => (i === 0 ? `${itemNumber(list, n, item)}${list.numberWith ? " " : ""}${v}` : v))));
        if (items.length === 0) put(['（无）']);
        if (list.total) put([`${list.total.label}：${listTotalText(m, list)}`]);
        this.captionOver(first, list.label);
        return;
      }
      case 'clause':
        if (row.label) this.put([this.label(row.label, 1), { col: 2, span: 3, value: cellText(clauseLine(m, row.text)) }]);
        else this.put([{ col: 1, span: 4, value: cellText(clauseLine(m, row.text)) }]);
        return;
      case 'image': {
        const image = m.images[row.image];
        const at = this.put([this.label(row.caption, 1), { col: 2, span: 3, value: image ? null : '（图表未生成）' }]);
        if (image) {
          const id = this.sheet.workbook.addImage({ base64: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, extension: 'png' });
          const widthPx = this.widths.slice(1).reduce((s, w) => s + w, 0) * 7;
          const scale = Math.min(1, widthPx / image.widthPx);
          this.sheet.addImage(id, { tl: { col: 1, row: at - 1 }, ext: { width: image.widthPx * scale, height: image.heightPx * scale } });
          this.sheet.getRow(at).height = (image.heightPx * scale * 72) / 96 + 4;
        }
        return;
      }
      case 'compare':
        this.compareRow(row);
        return;
      default:
        assertNever(row);
    }
  }

  /**
   * A compare row: 评估科目, 培育前, 培育后 and the change as a formula (after − before, blank unless both are
   * numbers). Yes/no and choices print □/☑ as in Word and have no change; a detail shares its value's cell.
   */
  private compareRow(row: Extract<LayoutRow, { kind: 'compare' }>): void {
    const m = this.model;
    const numeric = (r: ValueRef) => r.source === 'computed' || ['number', 'integer', 'money'].includes(findField(m.def, r.key)?.type ?? '');
    const [beforeText, afterText] = compareCells(m, row);
    const at = this.row;
    const cell = (r: ValueRef, text: string, col: number): Placed => {
      if (!numeric(r)) return { col, span: 1, value: cellText(text) };
      const c = r.source === 'computed' ? findComputed(m.def, r.key) : undefined;
      if (c && !this.formulaOf(c)) this.pending.push({ row: at, col, c });
      return this.valueRef(r, col, 1);
    };
    this.remember(row.before, 2, at);
    this.remember(row.after, 3, at);
    const before = cell(row.before, beforeText, 2);
    const after = cell(row.after, afterText, 3);
    const b = this.address(2, at);
    const a = this.address(3, at);
    const [x, y] = [numberIn(before.value), numberIn(after.value)];
    const format = (before.numFmt ?? '0.00').replace(/^"[^"]*"/, '');
    const change: Placed = numeric(row.before)
      ? { col: 4, span: 1, value: { formula: `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${a}-${b},"")`, result: x !== null && y !== null ? y - x : '' }, numFmt: `+${format};-${format};0` }
      : { col: 4, span: 1, value: null };
    this.put([{ ...this.label(row.label, 1), label: false }, before, after, change]);
  }

  /** The signature block under the table: one party per half, each line its own row; images beside the text. */
  signatures(): void {
    const parties = this.model.def.signature;
    const rows = Math.max(0, ...parties.map((p) => p.lines.length));
    for (let i = 0; i < rows; i++) {
      const r = this.row++;
      const row = this.sheet.getRow(r);
      let imageHeight = 0;
      parties.slice(0, 2).forEach((p, n) => {
        const line = p.lines[i];
        const col = n * 2 + 1;
        this.sheet.mergeCells(r, col, r, col + 1);
        const cell = row.getCell(col);
        const side = sideOf(this.model, p);
        const text = line ? sideLineText(this.model, side, line) : { label: '', value: '' };
        cell.value = cellText(`${text.label}${text.value}`);
        cell.font = FONT;
        cell.alignment = { vertical: 'bottom', wrapText: true };
        const image = line ? lineImage(side, line) : null;
        if (image) imageHeight = Math.max(imageHeight, this.sideImage(image, line!.kind === 'seal' ? SEAL_BOX : SIGNATURE_BOX, r, col + 1));
      });
      // Room to sign and to put a seal by hand, or for the images (points: 72 per 96 pixels, and a margin).
      const room = parties.some((p) => p.lines[i]?.kind === 'seal') ? 48 : parties.some((p) => p.lines[i]?.kind === 'signature') ? 30 : 20;
      row.height = Math.max(room, (imageHeight * 72) / 96 + 6);
    }
  }

  /** A signature or seal image anchored in the second column of its side's half (the text is in the first). */
  private sideImage(image: DocumentImage, box: { width: number; height: number }, row: number, col: number): number {
    const size = fitInside(image, { width: Math.min(box.width, (this.widths[col - 1] ?? 10) * 7), height: box.height });
    const id = this.sheet.workbook.addImage({ base64: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, extension: 'png' });
    this.sheet.addImage(id, { tl: { col: col - 1, row: row - 1 }, ext: size, editAs: 'oneCell' });
    return size.height;
  }

  note(text: string): void {
    const r = this.row++;
    this.sheet.mergeCells(r, 1, r, 4);
    const cell = this.sheet.getCell(r, 1);
    cell.value = cellText(text);
    cell.font = { ...FONT, size: 9 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(this.sheet.getRow(r), linesIn(text, this.widths.reduce((sum, w) => sum + w, 0) - 1));
  }
}
