// 「认定条件对照」 after the document's table (7.5): the Word file is the one that gets signed, so the comparison
// with the recognition criteria — including the consultant's verdicts — is printed in it.
import { AlignmentType, Paragraph } from 'docx';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { countsLine, explainResult, RULE_STATUS_LABELS } from '../../shared/eligibility/evaluate.js';
import { formatChineseDate } from '../../shared/validation/dates.js';
import { buildGridTable, type GridCell } from './grid-table.js';
import { paragraphs, run, SMALL_SIZE, TITLE_FONT } from './page.js';

export const ELIGIBILITY_TITLE = '认定条件对照';
const WIDTHS = [900, 3000, 620, 1100, 1500, 2518] as const;
const HEADINGS = ['条款', '要求', '应/宜', '结果', '当前值', '差距或说明'] as const;

export function eligibilityBlock(model: DocumentModel): (Paragraph | ReturnType<typeof buildGridTable>)[] {
  const e = model.eligibility;
  if (!e) return [];
  const dateField = model.def.dateField;
  const date = model.check.normalized[dateField];
  const name = typeof model.header.name === 'string' ? model.header.name : '';
  const cell = (text: string, i: number, center = false): GridCell => ({ width: WIDTHS[i]!, children: paragraphs(text, center ? AlignmentType.CENTER : AlignmentType.LEFT, { size: SMALL_SIZE }) });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(ELIGIBILITY_TITLE, { font: TITLE_FONT, size: 32 })] }),
    ...[
      `孵化器：${name}`,
      `${model.def.fields.find((f) => f.key === dateField)?.label ?? '日期'}：${typeof date === 'string' ? formatChineseDate(date) : ''}`,
      `规则集：${e.ruleSetName}（依据：${e.source}）`,
      `汇总：${countsLine(e.counts, '，')}`,
    ].map((t) => new Paragraph({ spacing: { after: 60 }, children: [run(t, { size: SMALL_SIZE })] })),
    buildGridTable([
      { header: true, cells: HEADINGS.map((h, i) => cell(h, i, true)) },
      ...e.results.map((r) => ({
        cells: [
          cell(r.clause, 0, true),
          cell(r.title, 1),
          cell(r.strength, 2, true),
          cell(RULE_STATUS_LABELS[r.status], 3, true),
          cell(r.actual, 4),
          cell([explainResult(r), r.note].filter(Boolean).join('。'), 5),
        ],
      })),
    ]),
  ];
}
