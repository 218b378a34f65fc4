// Proves a definition is whole before any user meets it: a definition error (a field placed twice, a computed
// value over a missing field, two fields with one label) fails `checkDefinition` in the test run over every
// registered definition (check-definition.test.ts), never a consultant on site.
import { assertNever, type FieldDefinition, isNumberType } from './field-definition.js';
import type { DocumentDefinition, ListDefinition, SignatureLine } from './document-definition.js';
import { allRows } from './document-definition.js';
import { clauseBlanks, clauseParts, clauseReferences, type LayoutRow, rowComputedKeys, rowFieldKeys, rowSnapshotRefs } from './layout.js';
import { snapshotField, snapshotOf } from './snapshot-fields.js';
import { QUANTITY_CATALOG, type QuantityKey } from '../eligibility/quantity-catalog.js';

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
const TEMPLATE_TOKEN = /\{([a-z]+)\.([A-Za-z][A-Za-z0-9]*)\}/g;
const FILE_NAME_TOKENS = new Set(['incubator', 'shortName', 'date', 'revision']);

function duplicates(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of items) (seen.has(i) ? dup : seen).add(i);
  return [...dup];
}

function checkFieldRules(where: string, fields: readonly FieldDefinition[], problems: string[]): void {
  const keys = new Set(fields.map((f) => f.key));
  for (const k of duplicates(fields.map((f) => f.key))) problems.push(`${where}：字段键 ${k} 重复`);
  for (const l of duplicates(fields.map((f) => f.label))) problems.push(`${where}：标签「${l}」重复`);
  for (const f of fields) {
    if (!KEY_PATTERN.test(f.key)) problems.push(`${where}：字段键 ${f.key} 只能用字母和数字`);
    if (f.label.trim() === '') problems.push(`${where}：字段 ${f.key} 没有标签`);
    if (f.type === 'choice' && (f.options ?? []).length < 2) problems.push(`${where}：选择字段 ${f.key} 至少需要两个选项`);
    if (f.lessOrEqual) {
      const whole = fields.find((x) => x.key === f.lessOrEqual);
      if (!whole || !isNumberType(whole.type) || !isNumberType(f.type)) problems.push(`${where}：${f.key} 的「其中」上限 ${f.lessOrEqual} 不是数字字段`);
    }
    if (f.notBefore && !keys.has(f.notBefore)) problems.push(`${where}：${f.key} 的 notBefore 指向不存在的字段 ${f.notBefore}`);
    for (const cond of [f.enabledWhen, f.requiredWhen]) {
      if (!cond) continue;
      const exists = cond.source === 'values' ? keys.has(cond.key) : !!snapshotField('incubator', cond.key);
      if (!exists) problems.push(`${where}：${f.key} 的条件指向不存在的字段 ${cond.source}.${cond.key}`);
    }
  }
}

function checkTemplate(def: DocumentDefinition, where: string, text: string, problems: string[]): void {
  for (const m of text.matchAll(TEMPLATE_TOKEN)) {
    const source = m[1]!;
    const key = m[2]!;
    if (source === 'values') {
      if (!def.fields.some((f) => f.key === key)) problems.push(`${where}：{values.${key}} 不是本文档的字段`);
    } else if (source === 'header' || source === 'agency') {
      const snapshot = snapshotOf(source);
      if (!snapshot || !def.snapshots.includes(snapshot)) problems.push(`${where}：引用 {${source}.${key}}，但文档未保存该档案副本（snapshots）`);
      else if (!snapshotField(snapshot, key)) problems.push(`${where}：{${source}.${key}} 不是档案字段`);
    } else problems.push(`${where}：未知的引用 {${source}.${key}}`);
  }
}

function signatureTexts(line: SignatureLine): string[] {
  switch (line.kind) {
    case 'text':
      return [line.text];
    case 'seal':
      return [];
    case 'signature':
    case 'date':
      return [line.label, line.value ?? ''];
    default:
      return assertNever(line);
  }
}

/** A clause's repeats (`{x|same}`, `{x|capital}`) name fields; 大写 only of money. */
function checkRepeats(text: string, fields: readonly FieldDefinition[], problems: string[]): void {
  for (const p of clauseParts(text)) {
    if (!p.blank || p.show === 'field') continue;
    const f = fields.find((x) => x.key === p.blank);
    if (!f) problems.push(`条款引用了不存在的字段 ${p.blank}`);
    else if (p.show === 'capital' && f.type !== 'money') problems.push(`字段 ${p.blank} 不是金额，不能写成大写`);
  }
}

/** A list's item text names its own fields; each field appears in it. */
function checkItemText(list: ListDefinition, problems: string[]): void {
  if (!list.itemText) return;
  for (const k of clauseReferences(list.itemText)) if (!list.fields.some((f) => f.key === k)) problems.push(`列表 ${list.key} 的条目文字引用了不存在的字段 ${k}`);
  checkRepeats(list.itemText, list.fields, problems);
  const shown = new Set(clauseBlanks(list.itemText));
  for (const f of list.fields) if (!shown.has(f.key)) problems.push(`列表 ${list.key} 的条目文字没有字段 ${f.key}`);
}

/** Checks kinds of rows that carry their own references (lists, choices, images). */
function checkRow(def: DocumentDefinition, row: LayoutRow, problems: string[]): void {
  switch (row.kind) {
    case 'choice-of-two': {
      const choice = def.fields.find((f) => f.key === row.choiceKey);
      if (choice?.type !== 'choice' || (choice.options ?? []).length !== row.options.length) {
        problems.push(`「${row.label}」：${row.choiceKey} 应为选择字段，选项数与行的选项数一致`);
      }
      return;
    }
    case 'clause':
      if (clauseBlanks(row.text).length === 0 && clauseReferences(row.text).length === 0) problems.push(`条款「${row.text.slice(0, 20)}…」没有填空`);
      checkRepeats(row.text, def.fields, problems);
      return;
    case 'list':
      if (!def.lists.some((l) => l.key === row.list)) problems.push(`列表行指向不存在的列表 ${row.list}`);
      return;
    case 'image':
      if (!KEY_PATTERN.test(row.image)) problems.push(`图片行的键 ${row.image} 只能用字母和数字`);
      return;
    case 'compare': {
      const kindOf = (r: typeof row.before) =>
        r.source === 'computed' ? `computed:${def.computed.find((c) => c.key === r.key)?.format ?? '?'}` : (def.fields.find((f) => f.key === r.key)?.type ?? r.source);
      if (kindOf(row.before) !== kindOf(row.after)) problems.push(`「${row.label}」：培育前与培育后的值类型不一致`);
      if (row.detail) {
        for (const [value, detail] of [[row.before, row.detail.before], [row.after, row.detail.after]] as const) {
          const yes = def.fields.find((f) => f.key === value.key);
          const d = def.fields.find((f) => f.key === detail);
          if (yes?.type !== 'yesno') problems.push(`「${row.label}」：带说明的对比行应为“是/否”字段`);
          if (!d || (d.type !== 'text' && d.type !== 'longtext')) problems.push(`「${row.label}」：说明 ${detail} 应为文本字段`);
        }
      }
      return;
    }
    case 'pair':
    case 'of-which':
    case 'text':
    case 'sentence':
    case 'yesno-detail':
    case 'heading':
      return;
    default:
      return assertNever(row);
  }
}

function checkEligibility(def: DocumentDefinition, e: DocumentDefinition['eligibility'], problems: string[]): void {
  if (!e) return;
  const field = (k: string) => def.fields.find((f) => f.key === k);
  if (field(e.ruleSetField)?.type !== 'ruleSet') problems.push(`认定：ruleSetField ${e.ruleSetField} 应为规则集字段`);
  if (field(e.asOfField)?.type !== 'date') problems.push(`认定：asOfField ${e.asOfField} 应为日期字段`);
  if (e.gapsField && field(e.gapsField)?.type !== 'longtext') problems.push(`认定：gapsField ${e.gapsField} 应为长文本字段`);
  for (const [q, source] of Object.entries(e.quantities)) {
    const info = QUANTITY_CATALOG[q as QuantityKey];
    if (!info || !source) continue;
    const bad = (why: string) => problems.push(`认定量 ${q}：${why}`);
    switch (source.from) {
      case 'field':
        if (!isNumberType(field(source.field)?.type ?? 'text')) bad(`${source.field} 不是数字字段`);
        break;
      case 'yes':
        if (field(source.field)?.type !== 'yesno') bad(`${source.field} 不是“是/否”字段`);
        if (info.kind !== 'boolean') bad('该量不是“是/否”量');
        break;
      case 'computed': {
        const c = def.computed.find((x) => x.key === source.computed);
        if (!c) bad(`计算值 ${source.computed} 不存在`);
        else if ((c.format === 'percent') !== (info.kind === 'percent')) bad(`计算值 ${source.computed} 与该量的类型（百分比/数值）不一致`);
        break;
      }
      case 'per10':
      case 'share':
        if (!isNumberType(field(source.field)?.type ?? 'text') || !isNumberType(field(source.of)?.type ?? 'text')) bad(`${source.from} 的字段应为数字字段`);
        if (source.from === 'share' && info.kind !== 'percent') bad('该量不是百分比量');
        break;
      case 'allYes':
        if (source.fields.some((k) => field(k)?.type !== 'yesno')) bad('allYes 的字段应为“是/否”字段');
        if (info.kind !== 'boolean') bad('该量不是“是/否”量');
        break;
      case 'operatingYears':
      case 'registeredInGuangxi':
        if (!def.snapshots.includes('incubator')) bad('需要孵化器档案（snapshots 含 incubator）');
        break;
      default:
        assertNever(source);
    }
  }
}

/** Every problem of a definition, in Chinese; empty when it is whole. */
export function checkDefinition(def: DocumentDefinition): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries({ kind: def.kind, entity: def.entity, title: def.title, tableNumber: def.tableNumber, shortName: def.shortName })) {
    if (value.trim() === '') problems.push(`${name} 不能为空`);
  }
  checkFieldRules('字段', def.fields, problems);
  const fieldKeys = new Set(def.fields.map((f) => f.key));
  const rows = allRows(def);

  // Each field placed exactly once (a clause's blanks place their fields); each computed value and list likewise.
  const placed = rows.flatMap(rowFieldKeys);
  for (const k of duplicates(placed)) problems.push(`字段 ${k} 在版式中出现了不止一次`);
  for (const k of placed) if (!fieldKeys.has(k)) problems.push(`版式引用了不存在的字段 ${k}`);
  for (const f of def.fields) if (!placed.includes(f.key)) problems.push(`字段 ${f.key}「${f.label}」没有放进版式`);
  const shownComputed = rows.flatMap(rowComputedKeys);
  for (const k of duplicates(shownComputed)) problems.push(`计算值 ${k} 在版式中出现了不止一次`);
  for (const c of def.computed) if (!shownComputed.includes(c.key)) problems.push(`计算值 ${c.key}「${c.label}」没有放进版式`);
  for (const k of shownComputed) if (!def.computed.some((c) => c.key === k)) problems.push(`版式引用了不存在的计算值 ${k}`);
  const placedLists = rows.flatMap((r) => (r.kind === 'list' ? [r.list] : []));
  for (const k of duplicates(placedLists)) problems.push(`列表 ${k} 在版式中出现了不止一次`);
  for (const l of def.lists) if (!placedLists.includes(l.key)) problems.push(`列表 ${l.key}「${l.label}」没有放进版式`);
  for (const k of duplicates(def.sections.map((s) => s.key))) problems.push(`栏目键 ${k} 重复`);

  for (const r of rows.flatMap(rowSnapshotRefs)) {
    const snapshot = snapshotOf(r.source);
    if (!snapshot || !def.snapshots.includes(snapshot)) problems.push(`版式引用 ${r.source}.${r.key}，但文档未保存该档案副本（snapshots）`);
    else if (!snapshotField(snapshot, r.key)) problems.push(`版式引用了不存在的档案字段 ${r.source}.${r.key}`);
  }
  for (const row of rows) checkRow(def, row, problems);

  // Computed values read number fields of this definition.
  for (const c of def.computed) {
    for (const k of [...c.numerators, c.denominator]) {
      if (!isNumberType(def.fields.find((f) => f.key === k)?.type ?? 'text')) problems.push(`计算值 ${c.key} 的输入 ${k} 不是本文档的数字字段`);
    }
  }
  for (const s of def.sumChecks) {
    for (const k of [...s.parts, s.total]) if (!isNumberType(def.fields.find((f) => f.key === k)?.type ?? 'text')) problems.push(`合计核对引用的 ${k} 不是数字字段`);
  }

  // Labels are what people (and screen readers, and the tests) find a value by: unique across the document.
  const labels = [...def.fields.map((f) => f.label), ...def.computed.map((c) => c.label), ...def.lists.map((l) => l.label)];
  for (const l of duplicates(labels)) problems.push(`标签「${l}」在文档中重复`);
  for (const l of def.lists) {
    if (!KEY_PATTERN.test(l.key)) problems.push(`列表键 ${l.key} 只能用字母和数字`);
    checkFieldRules(`列表「${l.label}」`, l.fields, problems);
    if (l.fields.length === 0) problems.push(`列表「${l.label}」没有字段`);
    if (l.total && !isNumberType(l.fields.find((f) => f.key === l.total?.field)?.type ?? 'text')) problems.push(`列表「${l.label}」的合计字段不是数字字段`);
    checkItemText(l, problems);
  }
  if (def.numberField && def.fields.find((f) => f.key === def.numberField)?.type !== 'text') problems.push(`numberField ${def.numberField} 应为文本字段`);

  const dateField = def.fields.find((f) => f.key === def.dateField);
  if (dateField?.type !== 'date') problems.push(`dateField ${def.dateField} 应为日期字段`);
  for (const k of def.listFields) if (!fieldKeys.has(k)) problems.push(`listFields 引用了不存在的字段 ${k}`);
  for (const k of def.carryOver) if (!fieldKeys.has(k)) problems.push(`carryOver 引用了不存在的字段 ${k}`);
  for (const m of def.fileName.matchAll(/\{([A-Za-z.]+)\}/g)) {
    const token = m[1]!;
    if (token.startsWith('values.')) {
      if (!fieldKeys.has(token.slice('values.'.length))) problems.push(`文件名引用了不存在的字段 ${token}`);
    } else if (!FILE_NAME_TOKENS.has(token)) problems.push(`文件名中的 {${token}} 不可用`);
  }
  def.signature.forEach((party, i) => {
    for (const line of party.lines) for (const text of signatureTexts(line)) checkTemplate(def, `签章第 ${i + 1} 栏`, text, problems);
  });
  for (const k of duplicates(def.signature.map((p) => p.key))) problems.push(`签章栏键 ${k} 重复`);
  checkEligibility(def, def.eligibility, problems);
  checkEligibility(def, def.baselineEligibility, problems);
  if (def.baselineEligibility && !def.eligibility) problems.push('baselineEligibility 需要同时定义 eligibility');
  if (def.prefillFrom) {
    for (const [target, source] of Object.entries(def.prefillFrom.map)) {
      if (!fieldKeys.has(target)) problems.push(`预填：目标 ${target} 不是本文档的字段`);
      if (!source) problems.push(`预填：${target} 没有来源`);
    }
  }
  return problems;
}
