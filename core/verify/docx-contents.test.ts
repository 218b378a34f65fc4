// Reading a Word file for verify: the visible text (page-number fields' stored values left out, any other field's
// shown text kept) and the Chinese refusals for what is not a readable .docx. Real zips made with JSZip.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readDocx, UnreadableFile, visibleText } from './docx-contents.js';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const field = (instruction: string, shown: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

describe('visibleText', () => {
  it('joins the runs, decodes entities and drops whitespace', () => {
    expect(visibleText(`<w:p>${run('第 1 条 &amp; A&lt;B')}<w:r><w:tab/></w:r>${run(' 孵化器')}</w:p>`)).toBe('第1条&A<B孵化器');
  });

  it('leaves out what a page-number field shows, as stored by a re-save, but keeps any other field’s text', () => {
    const stored = `<w:p>${run('第 ')}${field('PAGE', '3')}${run(' 页 共 ')}${field('NUMPAGES \\* MERGEFORMAT', '4')}${run(' 页')}</w:p>`;
    expect(visibleText(stored)).toBe('第页共页');
    expect(visibleText(`<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>${run('页')}</w:p>`)).toBe('页');
    expect(visibleText(`<w:p>${field('QUOTE "x"', '改过的文字')}</w:p>`)).toBe('改过的文字');
    expect(visibleText(`<w:p><w:fldSimple w:instr=" AUTHOR "><w:r><w:t>张三</w:t></w:r></w:fldSimple></w:p>`)).toBe('张三');
  });
});

describe('readDocx refuses what it cannot read, in Chinese', () => {
  const refusal = async (bytes: Uint8Array) => {
    try {
      await readDocx(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableFile);
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('an empty file, text, a broken zip, a zip without a body', async () => {
    expect(await refusal(new Uint8Array())).toContain('文件是空的');
    expect(await refusal(new TextEncoder().encode('%PDF-1.7'))).toContain('这不是 Word 文档（.docx）文件');
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document><w:body>${run('正文')}</w:body></w:document>`);
    const whole = await zip.generateAsync({ type: 'uint8array' });
    expect(await refusal(whole.slice(0, whole.length - 30))).toContain('文件已损坏');
    const other = new JSZip();
    other.file('content.xml', '<office:document/>');
    expect(await refusal(await other.generateAsync({ type: 'uint8array' }))).toContain('文件里没有正文');
    expect(await readDocx(whole)).toEqual({ properties: {}, body: '正文', furniture: [] });
  });
});
