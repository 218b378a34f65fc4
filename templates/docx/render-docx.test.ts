import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { renderDocx } from './render-docx.js';
import { APPENDIX_A } from '../../tests/fixtures/standard-wording.js';
import { NASTY_TEXT, sampleListModelWithImage, sampleModel, WIDEST_CODE, WIDEST_GUANGXI_CODE } from '../testing/sample-models.js';
import { renderOfficeToPng } from '../../tests/support/render-docx.js';

async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

async function part(bytes: Uint8Array, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => pattern.test(n));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
}

/** Each expected text occurs, in this order. */
function expectInOrder(text: string, expected: readonly string[]): void {
  let at = 0;
  for (const e of expected) {
    const found = text.indexOf(e, at);
    expect(found, `「${e}」 after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + e.length;
  }
}

describe('Word export of 表A.1', () => {
  it('prints every label of the standard, in the standard order, and the values, boxes, 注1 and the signature block', async () => {
    const text = await docxText(await renderDocx(sampleModel()));
    expectInOrder(text, [APPENDIX_A.title, `${APPENDIX_A.tableNumber} ${APPENDIX_A.title}`, ...APPENDIX_A.labels, APPENDIX_A.footnote]);
    for (const s of APPENDIX_A.sentences.filter((x) => !x.startsWith('如会议室'))) expect(text).toContain(s);
    // The hint of the standard's cell is printed while the detail is empty.
    const blank = await docxText(await renderDocx(sampleModel({ values: { hasFacilities: null, facilitiesDetail: '' } })));
    expect(blank).toContain('如选是，具体配套名称：如会议室、洽谈室、技术服务平台等。');
    expect(text).toContain(APPENDIX_A.choices.机构性质.map((o) => `${o}${o === '民营企业' ? '☑' : '□'}`).join('  '));
    expect(text).toContain('南宁邕江科技企业孵化器');
    expect(text).toContain('8,200.50');
    expect(text).toContain('73.2%'); // (5100 + 900.5) / 8200.5
    expect(text).toContain('3.90'); // 32 per 8 200.5 m² × 1000
    expect(text).toContain('☑已申请专利的在孵企业数量：14家，占在孵企业总数比例43.8%。');
    expect(text).toContain('□拥有有效知识产权的在孵企业数量：____家，占在孵企业总数比例____%。');
    expect(text).toContain('是☑  否□  如选是，具体配套名称：会议室、洽谈室、路演厅、检验检测平台');
    expect(text).toContain('（盖章）');
    expect(text).toContain('日期：2025年06月18日');
    expect(text).toContain('诊断人员（签字）： 刘建新、黄敏');
    expect(text).toContain('诊断服务机构：广西科创孵化服务中心（示例）');
    expect(text).toContain(NASTY_TEXT.replace('\u0001', ''));
  });

  it('prints 「认定条件对照」 after the table, with the consultant’s verdicts counted', async () => {
    const text = await docxText(await renderDocx(sampleModel()));
    expectInOrder(text, [APPENDIX_A.footnote, '认定条件对照', '孵化器：南宁邕江科技企业孵化器', '诊断日期：2025年06月18日', '规则集：T/GXAS 453-2023 培育对象条件（4.1）']);
    expect(text).toContain('诊断人员判断：符合。毕业企业 12 家，获投 6 家');
    expect(text).toMatch(/汇总：符合 10，不符合 0/);
  });

  it('every table row is cantSplit, the header row repeats, A4 in DXA, 宋体/黑体, and markup is escaped', async () => {
    const bytes = await renderDocx(sampleModel());
    const xml = await part(bytes, /^word\/document\.xml$/);
    const rows = xml.match(/<w:tr>|<w:tr /g) ?? [];
    const cantSplit = xml.match(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:cantSplit\/>/g) ?? [];
    expect(rows.length).toBeGreaterThan(40);
    expect(cantSplit.length).toBe(rows.length);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:type="dxa"');
    expect(xml).not.toContain('w:type="pct"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:eastAsia="SimSun"');
    expect(xml).toContain('w:eastAsia="SimHei"');
    expect(xml).toContain('&lt;w:t&gt;标签&lt;/w:t&gt;');
    expect(xml).not.toContain('\u0001');
  });

  it('the footer says 「第 X 页 共 Y 页」 with PAGE and NUMPAGES fields; later pages say 「表A.1 …（续）」', async () => {
    const bytes = await renderDocx(sampleModel());
    const footers = await part(bytes, /^word\/footer\d*\.xml$/);
    expect(footers).toMatch(/第 .*PAGE.* 页 共 .*NUMPAGES.* 页/s);
    const headers = await part(bytes, /^word\/header\d*\.xml$/);
    expect(headers).toContain('表A.1 科技企业孵化器培育诊断意见表（续）');
    expect(await part(bytes, /^word\/document\.xml$/)).toContain('<w:titlePg/>');
    expect(headers).not.toContain('草稿');
  });

  it('a document exported with errors says 「草稿」 in the header of every page', async () => {
    const bytes = await renderDocx(sampleModel({ values: { mentors: '2.5' }, status: 'draft' }));
    const headers = await part(bytes, /^word\/header\d*\.xml$/);
    const first = headers.split('<w:hdr').filter((h) => h.includes('草稿'));
    expect(first.length).toBeGreaterThanOrEqual(2); // the first-page header and the following pages' header
    expect(headers).toContain('草稿 · 尚有 1 处数据未通过检查，不能作为正式文件');
    expect(await docxText(bytes)).toContain('2.5（数据有误）');
  });

  it('blank computed values and a 15-digit area never print NaN or Infinity', async () => {
    const text = await docxText(await renderDocx(sampleModel({ values: { totalArea: '123456789012345', incubatees: 0, staffTotal: 0 } })));
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
    expect(text).toContain('123456789012345（数据有误）'); // kept as typed, and marked
  });

  it('lists (numbered, with a total), a clause, a heading, an image and a flow section of the test-only definition', async () => {
    const bytes = await renderDocx(sampleListModelWithImage());
    const text = await docxText(bytes);
    expectInOrder(text, ['第一条 服务内容', '分期付款', '序号', '支付时间或节点', '金额（元）', '（1）', '合同签订后 10 日内', '30,000.00', '（2）', '通过验收后', '20,000.50', '合计', '50,000.50']);
    expect(text).toContain('另一方应当在 15 日内予以答复；逾期未予答复的，视为同意。');
    expectInOrder(text, ['提供资料：', '1.孵化器运营管理制度汇编', '2.在孵企业名录']);
    expect(text).toContain('乙方：广西科创孵化服务中心（示例）');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
  });
});

describe('Word export rendered by LibreOffice', () => {
  /** A page's text; pdftotext puts spaces between Chinese and Latin runs, so all spaces are dropped. */
  const pageText = (pdf: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');

  it.each([
    ['widest-code', WIDEST_CODE],
    ['widest-guangxi-code', WIDEST_GUANGXI_CODE],
  ])('the widest valid 信用代码 (%s) and the dates stay on one line', async (name, code) => {
    const bytes = await renderDocx(sampleModel({ header: { creditCode: code, operator: '广西壮族自治区南宁市某某高新技术创业服务中心有限责任公司' } }));
    const first = pageText(renderOfficeToPng(bytes, `${name}.docx`, 'documents').pdf, 1);
    expect(first, `${code} printed on one line`).toContain(code);
    expect(first).toContain('2018年03月15日');
    expect(first).toContain('2018年09月01日');
  }, 120_000);

  it('long advice continues in rows labelled 「（续）」; continuation pages repeat the header row under 「表A.1 …（续）」', async () => {
    const model = sampleModel({ values: { summary: `${'诊断总结'.repeat(10)}${'建议内容较长，'.repeat(700)}` } });
    const text = await docxText(await renderDocx(model));
    expect(text).toContain('诊断总结（续）');
    const pages = renderOfficeToPng(await renderDocx(model), 'diagnosis-long.docx', 'documents');
    expect(pages.pageCount).toBeGreaterThanOrEqual(3);
    const page2 = pageText(pages.pdf, 2);
    expect(page2).toContain('表A.1科技企业孵化器培育诊断意见表（续）');
    expect(page2).toContain('孵化器名称');
    expect(page2).toMatch(/第2页共\d+页/);
  }, 120_000);

  it('the sample and the test-only definition render (PNGs kept under tests/artifacts/documents for people to look at)', async () => {
    expect(renderOfficeToPng(await renderDocx(sampleModel()), 'diagnosis-sample.docx', 'documents').pngs.length).toBeGreaterThan(0);
    expect(renderOfficeToPng(await renderDocx(sampleListModelWithImage()), 'lists-sample.docx', 'documents').pngs.length).toBeGreaterThan(0);
  }, 120_000);
});
