// What a side's signature adds to its signature block in the exports (docs/signature-images.md §Exports): the
// images, sized to fit, and the day the side signed where the definition leaves the date to fill in by hand.
import type { SignatureLine, SignatureParty } from './document-definition.js';
import type { DocumentImage, DocumentModel, PrintedSide } from './document-model.js';
import { signatureLineText } from './print-cells.js';
import { formatChineseDate } from '../validation/dates.js';

/** Pixels (96 dpi) an image takes in the block: a signature about 4.2 × 1.3 cm, a seal about 2.5 cm square. */
export const SIGNATURE_BOX = { width: 160, height: 48 } as const;
export const SEAL_BOX = { width: 96, height: 96 } as const;

/** The image's size in pixels, kept in proportion and never enlarged, inside `box`. */
export function fitInside(image: DocumentImage, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, box.width / image.widthPx, box.height / image.heightPx);
  return { width: Math.max(1, Math.round(image.widthPx * scale)), height: Math.max(1, Math.round(image.heightPx * scale)) };
}

export function sideOf(model: DocumentModel, party: SignatureParty): PrintedSide | null {
  return model.sides[party.key] ?? null;
}

/** The image a line of the block carries: the signature on its `signature` line, the seal on its `seal` line. */
export function lineImage(side: PrintedSide | null, line: SignatureLine): DocumentImage | null {
  if (!side) return null;
  if (line.kind === 'signature') return side.signature;
  if (line.kind === 'seal') return side.seal;
  return null;
}

/** signatureLineText, with the side's signing day on a date line the definition leaves blank. */
export function sideLineText(model: DocumentModel, side: PrintedSide | null, line: SignatureLine): { label: string; value: string } {
  const text = signatureLineText(model, line);
  if (line.kind !== 'date' || line.value || !side?.signedOn) return text;
  const date = formatChineseDate(side.signedOn);
  if (!date) return text;
  return { label: text.label, value: line.month ? date.replace(/^(\d{4}年\d{2}月).*$/, '$1') : date };
}
