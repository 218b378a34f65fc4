// The signature block under the table: one column per party, lines from the definition, with room to sign and
// seal by hand (a signature or seal image of issue 12 goes where the party's `signature`/`seal` lines are).
import { ImageRun, Paragraph } from 'docx';
import { assertNever } from '../../shared/forms/field-definition.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import type { SignatureLine } from '../../shared/forms/document-definition.js';
import type { DocumentImage, PrintedSide } from '../../shared/forms/document-model.js';
import { fitInside, lineImage, SEAL_BOX, SIGNATURE_BOX, sideLineText, sideOf } from '../../shared/forms/signature-print.js';
import { buildGridTable } from './grid-table.js';
import { CONTENT_WIDTH, run } from './page.js';

/** Room for a seal (about 4 cm) and for a handwritten signature. */
const SEAL_ROOM = 1100;
const SIGN_ROOM = 420;
const SIGN_LINE = '\u3000'.repeat(8);

function imageRun(image: DocumentImage, box: { width: number; height: number }): ImageRun {
  return new ImageRun({ type: 'png', data: image.png, transformation: fitInside(image, box) });
}

function lineParagraph(model: DocumentModel, side: PrintedSide | null, line: SignatureLine): Paragraph {
  const { label, value } = sideLineText(model, side, line);
  const image = lineImage(side, line);
  switch (line.kind) {
    case 'text':
      return new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 80, after: 80 }, children: [run(label)] });
    case 'seal':
      // A seal image takes the room left for the seal, with 「（盖章）」 beside it.
      return image
        ? new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 80, after: 80 }, indent: { left: 1200 }, children: [imageRun(image, SEAL_BOX), run(label)] })
        : new Paragraph({ keepNext: true, keepLines: true, spacing: { before: SEAL_ROOM, after: 80 }, indent: { left: 2400 }, children: [run(label)] });
    case 'signature':
      // The printed name (if any) on the line, underlined, with room above it to sign; a signature image on the line.
      return new Paragraph({
        keepNext: true,
        keepLines: true,
        spacing: { before: image ? 80 : SIGN_ROOM, after: 80 },
        children: [run(label), ...(image ? [imageRun(image, SIGNATURE_BOX)] : []), ...(value || !image ? [run(value ? ` ${value} ` : SIGN_LINE, { underline: true })] : [])],
      });
    case 'date':
      return new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 160, after: 80 }, children: [run(label), run(value)] });
    default:
      return assertNever(line);
  }
}

export function signatureTable(model: DocumentModel) {
  const parties = model.def.signature;
  const width = Math.floor(CONTENT_WIDTH / Math.max(parties.length, 1));
  return buildGridTable(
    [{ cells: parties.map((p, i) => ({ width: i === parties.length - 1 ? CONTENT_WIDTH - width * i : width, verticalAlign: 'top' as const, children: p.lines.map((l) => lineParagraph(model, sideOf(model, p), l)) })) }],
    { borderless: true },
  );
}
