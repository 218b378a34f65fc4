// What every page carries besides the content: the continuation caption 「表A.1 …（续）」 at the top of every page
// but the first, a 「草稿」 line on every page of a file exported before the document is complete (7.4), and the
// footer 「第 X 页 共 Y 页」 with PAGE/NUMPAGES fields (and issue 12's check code beside it).
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { BODY_FONT, run, SMALL_SIZE } from './page.js';

const DRAFT_COLOR = 'C00000';

function draftLine(model: DocumentModel): Paragraph[] {
  return model.draftMark
    ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [run(model.draftMark, { bold: true, color: DRAFT_COLOR, size: 24 })] })]
    : [];
}

/** 「第2版 · 2026年03月10日」 at the right of every page's header, first page included (the plan). */
function revisionLine(model: DocumentModel): Paragraph[] {
  return model.revisionLine ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(model.revisionLine, { size: SMALL_SIZE })] })] : [];
}

/** Headers of a section: the first page without the continuation caption, the following pages with it. */
export function sectionHeaders(model: DocumentModel, continuation: string) {
  return {
    first: new Header({ children: [...draftLine(model), ...revisionLine(model)] }),
    default: new Header({
      children: [...draftLine(model), ...revisionLine(model), ...(continuation ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(continuation, { size: SMALL_SIZE })] })] : [])],
    }),
  };
}

export function pageFooter(model: DocumentModel) {
  const pageNumbers = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        font: BODY_FONT,
        size: SMALL_SIZE,
        children: [...(model.footerNote ? [`${model.footerNote}    `] : []), '第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
      }),
    ],
  });
  const footer = new Footer({ children: [pageNumbers] });
  return { first: footer, default: footer };
}
