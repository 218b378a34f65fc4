// The check code on every page of a signed document's Word export, the hash in its properties, and `verify` — in
// process, through the router (the 校验文件 screen's calls) and on the command line — against real signatures made
// through a real sync server (PostgreSQL), real .docx files read back, and LibreOffice's rendering of the pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/forms/registry.js';
import { FILE_PROPERTY, formatCheckCodeLine } from '../../shared/signatures/index.js';
import { readDocx } from '../../core/verify/docx-contents.js';
import { verifyDocxFile } from '../../core/verify/verify-service.js';
import { renderOfficeToPng, resaveDocxWithLibreOffice } from '../support/render-docx.js';
import { bundle, startChild } from '../support/sync-processes.js';
import { openSignedWorkbench, type SignedWorkbench } from '../support/signed-workbench.js';
import { withNeighboursSwapped } from '../support/check-code-typo.js';

let s: SignedWorkbench;
const signed = new Map<DocumentKind, { id: string; hash: string; revision: number; bytes: Uint8Array }>();
/** The demo diagnosis signed, revised, and its revision signed too. */
let first: { id: string; bytes: Uint8Array };
let second: { id: string; hash: string; bytes: Uint8Array };
let unsigned: Uint8Array;

const noSpace = (t: string) => t.replace(/\s+/g, '');

beforeAll(async () => {
  s = await openSignedWorkbench();
  for (const kind of DOCUMENT_KINDS) {
    const d = await s.completed(kind);
    await s.sign(kind, d.id);
    const view = await s.t.call('documents.get', { kind, id: d.id });
    signed.set(kind, { id: d.id, hash: view.signed!.hash, revision: view.record.revision, bytes: await s.exportDocx(kind, d.id) });
  }
  const diagnosis = signed.get('diagnosis')!;
  first = { id: diagnosis.id, bytes: diagnosis.bytes };
  const rev = await s.t.call('documents.revise', { kind: 'diagnosis', id: first.id, reason: '更正场地面积' });
  await s.t.call('documents.complete', { kind: 'diagnosis', id: rev.id });
  unsigned = await s.exportDocx('diagnosis', rev.id);
  await s.sign('diagnosis', rev.id);
  const view = await s.t.call('documents.get', { kind: 'diagnosis', id: rev.id });
  second = { id: rev.id, hash: view.signed!.hash, bytes: await s.exportDocx('diagnosis', rev.id) };
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** The file with one character of its visible text changed: the first 「孵化器」 in the body becomes 「孵化区」. */
async function withOneCharacterChanged(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const at = xml.indexOf('孵化器', xml.indexOf('<w:body>'));
  expect(at).toBeGreaterThan(0);
  zip.file('word/document.xml', `${xml.slice(0, at)}孵化区${xml.slice(at + 3)}`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('the Word export of a signed document', () => {
  it.each(DOCUMENT_KINDS)('%s: every footer prints the check code and revision, the properties carry the hash', async (kind) => {
    const { id, hash, revision, bytes } = signed.get(kind)!;
    const file = await readDocx(bytes);
    expect(file.properties).toMatchObject({
      [FILE_PROPERTY.kind]: kind,
      [FILE_PROPERTY.documentId]: id,
      [FILE_PROPERTY.revision]: String(revision),
      [FILE_PROPERTY.contentHash]: hash,
    });
    const footers = file.furniture.filter((t) => t.includes('页'));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toContain(noSpace(formatCheckCodeLine(hash, revision)));
  });

  it('an unsigned export carries no code and no hash, only which document it is', async () => {
    const file = await readDocx(unsigned);
    expect(file.properties[FILE_PROPERTY.documentId]).toBe(second.id);
    expect(file.properties[FILE_PROPERTY.contentHash]).toBeUndefined();
    expect(file.furniture.join('')).not.toContain('校验码');
  });

  it('LibreOffice prints the code and revision on every page of a multi-page signed diagnosis', () => {
    const { hash, bytes } = signed.get('diagnosis')!;
    const { pdf, pageCount } = renderOfficeToPng(bytes, 'signed-diagnosis.docx', 'verify');
    expect(pageCount).toBeGreaterThan(1);
    const line = noSpace(formatCheckCodeLine(hash, 1));
    for (let page = 1; page <= pageCount; page++) {
      const text = noSpace(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }));
      expect(text, `page ${page}`).toContain(line);
      expect(text, `page ${page}`).toContain(`第${page}页共${pageCount}页`);
    }
  });
});

describe('verify in the service', () => {
  it('the current signed revision of every kind matches', async () => {
    for (const kind of DOCUMENT_KINDS.filter((k) => k !== 'diagnosis')) {
      const verdict = await verifyDocxFile(s.t.wb.database.db, signed.get(kind)!.bytes);
      expect(verdict, kind).toMatchObject({ outcome: 'match', document: { kind, documentId: signed.get(kind)!.id } });
    }
    const verdict = await verifyDocxFile(s.t.wb.database.db, second.bytes);
    expect(verdict).toMatchObject({ outcome: 'match', document: { kind: 'diagnosis', documentId: second.id, revision: 2 } });
    expect(verdict.message).toMatch(/^相符：「.+」.*诊断意见表，第 2 版，签署于 \d{4}-\d{2}-\d{2}。$/);
  });

  it('a superseded revision is named as such', async () => {
    const verdict = await verifyDocxFile(s.t.wb.database.db, first.bytes);
    expect(verdict).toMatchObject({ outcome: 'superseded', supersededBy: { id: second.id, revision: 2 }, document: { revision: 1 } });
    expect(verdict.message).toContain('与第 1 版相符，但该版本已被第 2 版取代');
  });

  it('a copy with one character of visible text changed does not verify, though its properties are intact', async () => {
    const verdict = await verifyDocxFile(s.t.wb.database.db, await withOneCharacterChanged(second.bytes));
    expect(verdict.outcome).toBe('no-match');
    expect(verdict.message).toContain('文件导出后被修改过');
  });

  it('an unchanged re-save by LibreOffice (which stores the page numbers it computed) still verifies', async () => {
    const resaved = resaveDocxWithLibreOffice(second.bytes, 'resaved.docx', 'verify');
    expect((await readDocx(resaved)).properties[FILE_PROPERTY.contentHash]).toBe(second.hash);
    expect(await verifyDocxFile(s.t.wb.database.db, resaved)).toMatchObject({ outcome: 'match', document: { documentId: second.id } });
    // …and one edited character in the re-saved file is still caught.
    expect((await verifyDocxFile(s.t.wb.database.db, await withOneCharacterChanged(resaved))).outcome).toBe('no-match');
  });

  it('an unsigned export says it was not signed', async () => {
    const verdict = await verifyDocxFile(s.t.wb.database.db, unsigned);
    expect(verdict.outcome).toBe('no-match');
    expect(verdict.message).toContain('尚未签署');
  });
});

describe('verify.code (the 校验文件 screen)', () => {
  it('the pasted footer line, or the code with the revision in its own field, finds the document', async () => {
    const line = formatCheckCodeLine(second.hash, 2);
    expect(await s.t.call('verify.code', { code: line })).toMatchObject({ outcome: 'match', document: { documentId: second.id, revision: 2 } });
    const code = line.split(' ')[1]!;
    expect(await s.t.call('verify.code', { code: code.toLowerCase().replace(/-/g, ' '), revision: '２' })).toMatchObject({ outcome: 'match' });
  });

  it('the signed first revision is superseded', async () => {
    const verdict = await s.t.call('verify.code', { code: formatCheckCodeLine(signed.get('diagnosis')!.hash, 1) });
    expect(verdict).toMatchObject({ outcome: 'superseded', supersededBy: { revision: 2 } });
    expect(verdict.message).toContain('与第 1 版相符，但该版本已被第 2 版取代');
  });

  it('a typo, a wrong revision, a missing revision and an unknown code each get their message and field', async () => {
    const code = formatCheckCodeLine(second.hash, 2).split(' ')[1]!;
    const swapped = withNeighboursSwapped(code);
    expect(await s.t.call('verify.code', { code: swapped, revision: '2' })).toMatchObject({ outcome: 'typo', field: 'code', message: expect.stringContaining('对不上') });
    expect(await s.t.call('verify.code', { code, revision: '3' })).toMatchObject({ outcome: 'typo', field: 'code' });
    expect(await s.t.call('verify.code', { code })).toMatchObject({ outcome: 'typo', field: 'revision', message: expect.stringContaining('版本号') });
    expect(await s.t.call('verify.code', { code, revision: '二' })).toMatchObject({ outcome: 'typo', field: 'revision' });
    expect(await s.t.call('verify.code', { code: '' })).toMatchObject({ outcome: 'typo', field: 'code', message: expect.stringContaining('请填写校验码') });
    // A valid code (its check character fits) of a hash this workbench never signed.
    const foreign = formatCheckCodeLine('0123456789a'.padEnd(64, '0'), 1);
    expect(await s.t.call('verify.code', { code: foreign })).toMatchObject({ outcome: 'no-match', message: expect.stringContaining('工作台中没有与此相符的已签署文档') });
  });

  it('verify.file over the router: a match, and a file that is not a .docx fails next to the file field', async () => {
    const ok = await s.t.call('verify.file', { base64: Buffer.from(second.bytes).toString('base64') });
    expect(ok.outcome).toBe('match');
    const bad = await s.t.failure('verify.file', { base64: Buffer.from('not a word file').toString('base64') });
    expect(bad).toMatchObject({ kind: 'validation', field: 'file', message: expect.stringContaining('不是 Word 文档') });
  });
});

describe('workbench verify <file.docx>', () => {
  let cli: string;
  let dir: string;
  beforeAll(async () => {
    cli = await bundle('core/cli/main.ts', 'workbench-cli');
    dir = join(s.t.dir, 'files');
    mkdirSync(dir, { recursive: true });
  }, 120_000);

  /** `verify` on a file written with these bytes, or on a path that does not exist (bytes null). */
  async function verify(name: string, bytes: Uint8Array | string | null): Promise<{ code: number | null; out: string }> {
    const file = bytes === null ? join(dir, 'nowhere', name) : join(dir, name);
    if (bytes !== null) writeFileSync(file, bytes);
    const child = startChild(cli, ['verify', file], { WORKBENCH_DATA_DIR: s.t.dir, WORKBENCH_AUTO_SYNC: '0' });
    child.proc.stdin!.end();
    const code = await child.exited;
    return { code, out: child.output() };
  }

  it('the exported file matches: which document, incubator, revision and signing date; exit 0', async () => {
    const r = await verify('current.docx', second.bytes);
    expect(r.out).toContain('相符：');
    expect(r.out).toMatch(/文档：诊断意见表\n孵化器：.+\n文档日期：\d{4}-\d{2}-\d{2}\n版本：第 2 版\n签署日期：\d{4}-\d{2}-\d{2}\n校验码：/);
    expect(r.code).toBe(0);
  });

  it('one character changed: no match, exit 1', async () => {
    const r = await verify('changed.docx', await withOneCharacterChanged(second.bytes));
    expect(r.out).toContain('文件导出后被修改过');
    expect(r.code).toBe(1);
  });

  it('a superseded revision: says so, exit 1', async () => {
    const r = await verify('first.docx', first.bytes);
    expect(r.out).toContain('与第 1 版相符，但该版本已被第 2 版取代');
    expect(r.out).toContain('版本：第 1 版（已被第 2 版取代）');
    expect(r.code).toBe(1);
  });

  it('not a .docx, a broken zip, a .docx not ours, no such file: a Chinese message, exit 2, no stack trace', async () => {
    const foreign = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('别人的文件')] }] }));
    const cases: [string, Uint8Array | string | null, string][] = [
      ['notes.txt', '这不是 Word 文件', '这不是 Word 文档（.docx）文件'],
      ['broken.docx', second.bytes.slice(0, 2000), '文件已损坏'],
      ['foreign.docx', foreign, '不是本工作台导出的'],
      ['missing.docx', null, '文件不存在'],
    ];
    for (const [name, bytes, message] of cases) {
      const r = await verify(name, bytes);
      expect(r.out, name).toContain(message);
      expect(r.out, name).not.toMatch(/\n\s+at /);
      expect(r.code, name).toBe(2);
    }
  });
});
