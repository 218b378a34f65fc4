// What `verify` reads from a Word file: its custom properties (docProps/custom.xml) and its visible text (the
// body, headers and footers). Our own exports and Word's re-saves both keep text in <w:t> runs; reading those with
// a regular expression is enough and far faster than a DOM (docs/check-code.md §verify).
import JSZip from 'jszip';
import { AppError } from '../../shared/rpc/result.js';

export interface DocxContents {
  properties: Record<string, string>;
  /** The body's text, whitespace removed. */
  body: string;
  /** Each header's and footer's text, whitespace removed, distinct and sorted (part names and sharing may differ after a re-save). */
  furniture: string[];
}

/** The file cannot be read as a Word file at all: `verify` exits 2 (docs/check-code.md). */
export class UnreadableFile extends AppError {
  constructor(message: string) {
    super('validation', message, { field: 'file' });
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN =
  /<w:fldChar\b[^>]*?w:fldCharType="(begin|separate|end)"[^>]*>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:fldSimple\b([^>]*?)(\/?)>|<\/w:fldSimple>/g;

/** Fields whose shown value is the page number or count: no text of the document, and cached only after a re-save. */
const PAGE_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b/i;

/**
 * The concatenated text of a WordprocessingML part's <w:t> runs, all whitespace removed. The shown value of a page
 * number field is left out: our export leaves it to the reader to compute, and Word or LibreOffice store it
 * («第 3 页») when they save, so an unchanged re-save still verifies. Any other field's shown text counts.
 */
export function visibleText(xml: string): string {
  let out = '';
  // Complex fields nest: for each open one, its instruction so far and whether its shown value is being read.
  const fields: { instruction: string; inResult: boolean }[] = [];
  const simpleFields: boolean[] = [];
  const hidden = () => simpleFields.some(Boolean) || fields.some((f) => f.inResult && PAGE_FIELD.test(f.instruction));
  for (const [whole, fldChar, instruction, text, simpleAttributes, selfClosing] of xml.matchAll(TOKEN)) {
    const open = fields.at(-1);
    if (fldChar === 'begin') fields.push({ instruction: '', inResult: false });
    else if (fldChar === 'end') fields.pop();
    else if (fldChar === 'separate') {
      if (open) open.inResult = true;
    } else if (instruction !== undefined) {
      if (open) open.instruction += decodeXml(instruction);
    } else if (text !== undefined) {
      if (!hidden()) out += decodeXml(text);
    } else if (whole === '</w:fldSimple>') simpleFields.pop();
    else if (!selfClosing) simpleFields.push(PAGE_FIELD.test(decodeXml(/w:instr="([^"]*)"/.exec(simpleAttributes ?? '')?.[1] ?? '')));
  }
  return out.replace(/\s+/g, '');
}

function customProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)<\/vt:\w+>\s*<\/property>/g)) out[decodeXml(m[1]!)] = decodeXml(m[2]!);
  return out;
}

/** Reads a .docx; a file that is not one gets an UnreadableFile with a message a user can act on. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  if (bytes.byteLength === 0) throw new UnreadableFile('文件是空的，不是 Word 文档（.docx）。');
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new UnreadableFile('这不是 Word 文档（.docx）文件：请选择从工作台导出的 .docx 文件（.doc、PDF 或图片不能校验）。');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableFile('文件已损坏，无法作为 Word 文档（.docx）打开。');
  }
  const document = zip.file('word/document.xml');
  if (!document) throw new UnreadableFile('这不是 Word 文档（.docx）：文件里没有正文。');
  const read = async (file: JSZip.JSZipObject) => {
    try {
      return await file.async('string');
    } catch {
      throw new UnreadableFile('文件已损坏，无法作为 Word 文档（.docx）打开。');
    }
  };
  const furnitureFiles = zip.file(/^word\/(header|footer)\d*\.xml$/);
  const custom = zip.file('docProps/custom.xml');
  const [body, furniture, props] = await Promise.all([read(document), Promise.all(furnitureFiles.map(read)), custom ? read(custom) : Promise.resolve('')]);
  return {
    properties: customProperties(props),
    body: visibleText(body),
    furniture: [...new Set(furniture.map(visibleText).filter((t) => t !== ''))].sort(),
  };
}
