// renderDocx: any document's Word file from its model (which carries its definition): the title and table number,
// the common header and the sections in the definition's order as one table (rows never split across pages, the
// header row repeated under 「表X（续）」), flow sections as running text, the footnotes, the signature block, and
// for documents checked against recognition rules the 「认定条件对照」 table. docs/documents.md §Word.
import { AlignmentType, Document, LineRuleType, Packer, PageBreak, Paragraph, Table } from 'docx';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import type { DocumentSection } from '../../shared/forms/document-definition.js';
import type { LayoutRow } from '../../shared/forms/layout.js';
import { buildGridTable, type GridRow } from './grid-table.js';
import { imageParagraph, tableRowsOf } from './table-rows.js';
import { flowParagraphsOf } from './flow-paragraphs.js';
import { signatureTable } from './signature-block.js';
import { ELIGIBILITY_TITLE, eligibilityBlock } from './eligibility-table.js';
import { pageFooter, sectionHeaders } from './page-furniture.js';
import { A4, BODY_FONT, BODY_SIZE, CONTENT_WIDTH, MARGIN, run, SMALL_SIZE, TITLE_FONT } from './page.js';

function tableSpacer(): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT }, children: [] });
}

/** The body in order: runs of table sections become one table each, flow sections become paragraphs. */
function body(model: DocumentModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let tableRows: GridRow[] = [];
  const flush = () => {
    // Two tables with nothing between them would be joined into one by Word: a hairline paragraph keeps them apart.
    if (tableRows.length > 0 && out.at(-1) instanceof Table) out.push(tableSpacer());
    if (tableRows.length > 0) out.push(buildGridTable(tableRows));
    tableRows = [];
  };
  const addTableRows = (rows: readonly LayoutRow[], headerRow: boolean) =>
    rows.forEach((r, i) => {
      const grid = tableRowsOf(model, r);
      if (r.kind === 'list' && r.full) {
        // A list across the width (the plan's tasks and budget) may run over pages: it is a table of its own whose
        // heading (the row before it) and column headings repeat on each page — Word repeats only a table's first rows.
        const before = rows[i - 1];
        const heading = before?.kind === 'heading' ? tableRows.splice(tableRows.length - tableRowsOf(model, before).length) : [];
        flush();
        const [columns, ...items] = grid;
        tableRows.push(...[...heading, ...(columns ? [columns] : [])].map((g) => ({ ...g, header: true })), ...items);
        flush();
        return;
      }
      // The first row of the common header repeats at the top of every page of the table.
      if (headerRow && i === 0 && grid[0]) grid[0] = { ...grid[0], header: true };
      tableRows.push(...grid);
    });
  addTableRows(model.def.headerRows, true);
  for (const section of model.def.sections as readonly DocumentSection[]) {
    if (section.print === 'cover') continue;
    if (section.print === 'flow') {
      flush();
      for (const r of section.rows) out.push(...flowParagraphsOf(model, r));
    } else addTableRows(section.rows, false);
  }
  flush();
  return out;
}

/**
 * The cover page of a document that has one (the contract): the title large, the cover's rows as lines to read or
 * complete by hand, then a page break. Such a document reads as running text: no table number under its title.
 */
function coverPage(model: DocumentModel): Paragraph[] {
  const rows = (model.def.sections as readonly DocumentSection[]).filter((s) => s.print === 'cover').flatMap((s) => s.rows);
  if (rows.length === 0) return [];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 2000 }, children: [run(model.def.title, { font: TITLE_FONT, size: 44 })] }),
    ...rows.flatMap((r) => flowParagraphsOf(model, r, { cover: true })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

export function buildDocx(model: DocumentModel): Document {
  const def = model.def;
  const cover = coverPage(model);
  const caption = cover.length > 0 ? '' : `${def.tableNumber} ${def.title}`;
  const page = { size: { width: A4.width, height: A4.height }, margin: MARGIN };
  const main = [
    ...cover,
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: caption ? 120 : 360 }, children: [run(def.title, { font: TITLE_FONT, size: 36 })] }),
    ...(caption ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(caption, { size: SMALL_SIZE })] })] : []),
    ...(model.revisionNote ? [new Paragraph({ spacing: { after: 160 }, children: [run(model.revisionNote, { size: SMALL_SIZE })] })] : []),
    ...body(model),
    ...def.footnotes.map((n) => new Paragraph({ keepNext: true, spacing: { before: 80, after: 240 }, children: [run(n, { size: SMALL_SIZE })] })),
    ...(def.signatureHeading
      ? [new Paragraph({ keepNext: true, spacing: { before: 240, after: 80 }, children: [run(def.signatureHeading, { bold: true })] })]
      : []),
    signatureTable(model),
  ];
  const comparison = eligibilityBlock(model);
  // Pictures drawn from the data: a page of their own after the table (D's charts).
  const figures = (def.figures ?? []).flatMap((f, i) => [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, pageBreakBefore: i > 0, spacing: { before: 240, after: 120 }, children: [run(f.caption, { bold: true })] }),
    imageParagraph(model, f.image, CONTENT_WIDTH),
  ]);
  return new Document({
    creator: typeof model.agency.name === 'string' && model.agency.name ? model.agency.name : '孵化器培育服务工作台',
    title: def.title,
    customProperties: Object.entries(model.fileProperties).map(([name, value]) => ({ name, value })),
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      { properties: { page, titlePage: true }, headers: sectionHeaders(model, caption ? `${caption}（续）` : ''), footers: pageFooter(model), children: main },
      ...(figures.length > 0 ? [{ properties: { page }, headers: sectionHeaders(model, `${caption} 附图`), footers: pageFooter(model), children: figures }] : []),
      ...(comparison.length > 0
        ? [{ properties: { page, titlePage: true }, headers: sectionHeaders(model, `${ELIGIBILITY_TITLE}（续）`), footers: pageFooter(model), children: comparison }]
        : []),
    ],
  });
}

export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildDocx(model)));
}
