// The portfolio workbook for the agency's yearly report (issue 11.5): every incubator's (or a chosen set's) latest
// diagnosis figures, evaluations before/after/change, eligibility results, and one sheet per further document kind
// the registry holds (the contracts once Appendix B is registered) — written by templates/xlsx/portfolio-workbook.ts.
// Progress is reported as it goes, and the loop yields now and then so the app can show it.
import type { DocumentSummary } from '../../shared/domain/document-record.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { isNumberType } from '../../shared/forms/field-definition.js';
import { allRows } from '../../shared/forms/document-definition.js';
import { compareNumber, compareUnit } from '../../shared/forms/compare-change.js';
import { printField } from '../../shared/forms/print-cells.js';
import { formatStoredValue } from '../../shared/forms/format-values.js';
import { DOCUMENT_KINDS, type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import type { Portfolio, PortfolioCell, PortfolioColumn, PortfolioSheet } from '../../shared/forms/portfolio.js';
import type { EligibilityResult } from '../../shared/eligibility/evaluate.js';
import type { Executor } from '../../db/database.js';
import { getDocuments, listDocuments } from '../../db/repositories/document-repository.js';
import { listIncubators } from '../../db/repositories/incubator-repository.js';
import { documentModelReader } from './document-model-service.js';
import { contractSheet } from './portfolio-contracts.js';
import { localIsoDate } from './document-service.js';

export interface PortfolioProgress {
  done: number;
  total: number;
}

/** The sheets written from their own documents; every other registered kind gets a list sheet. */
const OWN_SHEETS: readonly DocumentKind[] = ['diagnosis', 'evaluation', 'contract'];
const NAME: PortfolioColumn = { header: '孵化器', width: 28 };

function statusText(kind: DocumentKind, s: Pick<DocumentSummary, 'status' | 'signed'>): string {
  const w = definitionOf(kind).statusWording;
  return s.signed ? w.signed : w[s.status];
}

/** Each incubator's latest document of a kind (lists sort newest first). */
function latestByIncubator(db: Executor, kind: DocumentKind): Map<string, DocumentSummary> {
  const latest = new Map<string, DocumentSummary>();
  for (const s of listDocuments(db, kind)) if (!latest.has(s.incubatorId)) latest.set(s.incubatorId, s);
  return latest;
}

function numberFormat(type: string, decimals: number | undefined): string {
  return type === 'integer' ? '#,##0' : `#,##0.${'0'.repeat(decimals ?? 2)}`;
}

/** A sheet written one incubator at a time from its latest document's model: the model is not kept. */
interface ModelSheet {
  name: string;
  columns: PortfolioColumn[];
  row: (name: string, m: DocumentModel, summary: DocumentSummary) => PortfolioCell[];
}

function diagnosisSheet(): ModelSheet {
  const def = definitionOf('diagnosis');
  const numbers = def.fields.filter((f) => isNumberType(f.type));
  const columns: PortfolioColumn[] = [
    NAME,
    { header: '统一社会信用代码', width: 22 },
    { header: '孵化器类型', width: 10 },
    { header: '诊断日期', width: 14 },
    { header: '状态', width: 8 },
    ...numbers.map((f) => ({ header: f.label, width: 14, numFmt: numberFormat(f.type, f.decimals) })),
    ...def.computed.map((c) => ({ header: c.label, width: 14, numFmt: c.format === 'percent' ? '0.0%' : numberFormat('number', c.decimals) })),
  ];
  return {
    name: '最新诊断数据',
    columns,
    row: (name, m, summary) => {
      const value = (f: (typeof numbers)[number]): PortfolioCell => {
        if (m.check.invalid.has(f.key)) return printField(f, m.check.normalized[f.key], true);
        return m.check.numbers[f.key] ?? null;
      };
      return [
        name,
        String(m.header.creditCode ?? ''),
        String(m.header.incubatorType ?? ''),
        summary.date,
        statusText('diagnosis', summary),
        ...numbers.map(value),
        ...def.computed.map((c) => m.check.computed[c.key] ?? null),
      ];
    },
  };
}

function evaluationSheet(): ModelSheet {
  const def = definitionOf('evaluation');
  const compared = allRows(def).flatMap((r) => {
    if (r.kind !== 'compare') return [];
    const numeric = r.before.source === 'computed' || isNumberType(def.fields.find((f) => f.key === r.before.key)?.type ?? 'text');
    return numeric ? [r] : [];
  });
  const columns: PortfolioColumn[] = [NAME, { header: '评价日期', width: 14 }, { header: '状态', width: 8 }, { header: '满足认定条件（培育前）', width: 12 }, { header: '满足认定条件（培育后）', width: 12 }];
  const first = columns.length;
  for (const r of compared) {
    const { decimals } = compareUnit({ def }, r.before);
    const numFmt = numberFormat(decimals === 0 ? 'integer' : 'number', decimals);
    columns.push({ header: `${r.label} 培育前`, width: 13, numFmt }, { header: `${r.label} 培育后`, width: 13, numFmt }, { header: `${r.label} 变化`, width: 13, numFmt: `+${numFmt};-${numFmt};0` });
  }
  return {
    name: '培育效果评价',
    columns,
    row: (name, m, summary) => {
      const cells: PortfolioCell[] = [name, summary.date, statusText('evaluation', summary), m.baselineEligibility?.counts.met ?? null, m.eligibility?.counts.met ?? null];
      compared.forEach((r, i) => {
        const before = compareNumber(m, r.before);
        const after = compareNumber(m, r.after);
        const at = first + i * 3;
        cells.push(before, after, { diff: [at, at + 1], result: before !== null && after !== null ? after - before : null });
      });
      return cells;
    },
  };
}

interface EligibilityRow {
  name: string;
  basis: string;
  date: string | null;
  result: EligibilityResult;
}

function eligibilitySheet(rows: EligibilityRow[]): PortfolioSheet {
  const rules: string[] = [];
  for (const r of rows) for (const x of r.result.results) if (!rules.includes(`${x.clause} ${x.title}`)) rules.push(`${x.clause} ${x.title}`);
  return {
    name: '认定条件结果',
    columns: [
      NAME,
      { header: '依据', width: 24 },
      { header: '日期', width: 14 },
      { header: '规则集', width: 32 },
      { header: '符合', width: 8, numFmt: '0' },
      { header: '不符合', width: 8, numFmt: '0' },
      { header: '数据不足或待判断', width: 10, numFmt: '0' },
      ...rules.map((header) => ({ header, width: 16 })),
    ],
    rows: rows.map(({ name, basis, date, result }) => {
      const c = result.counts;
      const status = new Map(result.results.map((x) => [`${x.clause} ${x.title}`, x]));
      return [
        name,
        basis,
        date,
        result.ruleSetName,
        c.met,
        c['not-met'],
        c.insufficient + c.invalid + c.consultant,
        ...rules.map((k) => {
          const x = status.get(k);
          return x ? ({ met: '符合', 'not-met': '不符合', insufficient: '数据不足', invalid: '数据有误', consultant: '待判断', 'not-applicable': '不适用' } as const)[x.status] : null;
        }),
      ];
    }),
  };
}

/** A list sheet of any other document kind (the plans of Appendix C): its list columns. */
function kindSheet(db: Executor, kind: DocumentKind, incubatorIds: ReadonlySet<string>): PortfolioSheet {
  const def = definitionOf(kind);
  const fields = def.listFields.map((k) => def.fields.find((f) => f.key === k)).filter((f) => f !== undefined);
  const docs = [...latestByIncubator(db, kind).values()].filter((s) => incubatorIds.has(s.incubatorId));
  return {
    name: def.shortName,
    columns: [NAME, { header: '日期', width: 14 }, { header: '状态', width: 8 }, { header: '版本', width: 6, numFmt: '0' }, ...fields.map((f) => ({ header: f.label, width: 18, ...(isNumberType(f.type) ? { numFmt: numberFormat(f.type, f.decimals) } : {}) }))],
    rows: docs.map((s) => [
      s.incubatorName,
      s.date,
      statusText(kind, s),
      s.revision,
      ...fields.map((f) => {
        const v = s.values[f.key] ?? null;
        return f.type === 'money' && typeof v === 'number' ? v / 100 : isNumberType(f.type) && typeof v === 'number' ? v : formatStoredValue(f, v);
      }),
    ]),
  };
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Incubators read per batch: one query per document kind for each batch, and the app's progress between. */
const BATCH = 100;

/** The whole portfolio of the given incubators (all when none given), newest documents first. */
export async function buildPortfolio(
  db: Executor,
  options: { incubatorIds?: readonly string[]; onProgress?: (p: PortfolioProgress) => void; /** ISO date the contracts' reminders are judged on. */ today?: string } = {},
): Promise<Portfolio> {
  const all = listIncubators(db, '');
  const chosen = options.incubatorIds ? all.filter((i) => options.incubatorIds!.includes(i.id)) : all;
  const latest = { diagnosis: latestByIncubator(db, 'diagnosis'), evaluation: latestByIncubator(db, 'evaluation') };
  const sheets = { diagnosis: diagnosisSheet(), evaluation: evaluationSheet() };
  const rows: Record<keyof typeof sheets, PortfolioCell[][]> = { diagnosis: [], evaluation: [] };
  const eligibility: EligibilityRow[] = [];
  const readModel = documentModelReader(db);
  const total = chosen.length;
  for (let start = 0; start < total; start += BATCH) {
    const batch = chosen.slice(start, start + BATCH);
    const summaries = (kind: keyof typeof sheets) => batch.flatMap((i) => latest[kind].get(i.id) ?? []);
    const records = { diagnosis: getDocuments(db, 'diagnosis', summaries('diagnosis').map((s) => s.id)), evaluation: getDocuments(db, 'evaluation', summaries('evaluation').map((s) => s.id)) };
    const model = (kind: keyof typeof sheets, s: DocumentSummary | undefined): DocumentModel | null => {
      const record = s ? records[kind].get(s.id) : undefined;
      return record ? readModel(record, s!.signed) : null;
    };
    for (const incubator of batch) {
      const d = latest.diagnosis.get(incubator.id);
      const e = latest.evaluation.get(incubator.id);
      const dm = model('diagnosis', d);
      const em = model('evaluation', e);
      if (dm && d) rows.diagnosis.push(sheets.diagnosis.row(incubator.name, dm, d));
      if (em && e) rows.evaluation.push(sheets.evaluation.row(incubator.name, em, e));
      if (dm?.eligibility) eligibility.push({ name: incubator.name, basis: '诊断意见表', date: d?.date ?? null, result: dm.eligibility });
      if (em?.baselineEligibility) eligibility.push({ name: incubator.name, basis: '培育效果评价（培育前）', date: e?.date ?? null, result: em.baselineEligibility });
      if (em?.eligibility) eligibility.push({ name: incubator.name, basis: '培育效果评价（培育后）', date: e?.date ?? null, result: em.eligibility });
    }
    if (start + BATCH < total) {
      options.onProgress?.({ done: start + BATCH, total });
      await yieldNow();
    }
  }
  options.onProgress?.({ done: total, total });
  const ids = new Set(chosen.map((i) => i.id));
  const table = (kind: keyof typeof sheets): PortfolioSheet => ({ name: sheets[kind].name, columns: sheets[kind].columns, rows: rows[kind] });
  return {
    title: '孵化器培育工作汇总表',
    sheets: [
      table('diagnosis'),
      table('evaluation'),
      eligibilitySheet(eligibility),
      contractSheet(db, ids, options.today ?? localIsoDate(new Date())),
      // One sheet per further document kind the registry holds (the plans): its list columns.
      ...DOCUMENT_KINDS.filter((k) => !OWN_SHEETS.includes(k)).map((k) => kindSheet(db, k, ids)),
    ],
  };
}

/** The portfolio as an .xlsx file. */
export async function exportPortfolio(db: Executor, options: Parameters<typeof buildPortfolio>[1] = {}): Promise<Uint8Array> {
  const portfolio = await buildPortfolio(db, options);
  const { renderPortfolio } = await import('../../templates/xlsx/portfolio-workbook.js');
  return renderPortfolio(portfolio);
}

