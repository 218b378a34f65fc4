// Chinese input methods type full-width forms (１２３４、（０７７１）、ＡＢＣ、全角空格): fields that hold figures, codes or
// numbers read them as their ASCII counterparts.

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space to plain ASCII; everything else unchanged. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
