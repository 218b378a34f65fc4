// The plan's Word file (表C.1) rendered by LibreOffice: every section heading of the standard on the printed pages in
// order, the revision's number and date in the header of every page, task numbers never wrapped, the budget's
// total, the signature block with 「年 月」. PNGs are kept under tests/artifacts/plan for people to look at.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './render-docx.js';
import { renderOfficeToPng } from '../../tests/support/render-docx.js';
import { APPENDIX_C } from '../../tests/fixtures/standard-wording.js';
import { samplePlanModel } from '../testing/sample-plan-model.js';

const pdfText = (pdf: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');

describe('表C.1 rendered by LibreOffice', () => {
  it('shows every section heading in order, the revision on every page, whole task numbers and the budget total', async () => {
    const model = samplePlanModel({ tasks: 20, budgetLines: 30, longTexts: true, revision: 2 });
    const pages = renderOfficeToPng(await renderDocx(model), 'plan-long-revision-2.docx', 'plan', 60);
    expect(pages.pageCount).toBeGreaterThan(3);
    const all = pdfText(pages.pdf);
    let at = 0;
    for (const heading of [...APPENDIX_C.sections.slice(0, 1), ...APPENDIX_C.basics, ...APPENDIX_C.sections.slice(1, 4), ...APPENDIX_C.plan, ...APPENDIX_C.sections.slice(4)]) {
      const found = all.indexOf(heading, at);
      expect(found, heading).toBeGreaterThanOrEqual(0);
      at = found;
    }
    for (let p = 1; p <= pages.pageCount; p++) expect(pdfText(pages.pdf, p), `page ${p}`).toContain('第2版·2026年03月10日');
    for (let n = 1; n <= 20; n++) expect(all).toMatch(new RegExp(`任务${n}：\\d{4}年\\d{2}月前`));
    expect(all).toContain('合计');
    expect(all).toMatch(/合计\s*34,567\.50/);
    expect(all).toContain('年月');
  }, 180_000);

  it('repeats the task and budget tables’ headings on every page they run over', async () => {
    const pages = renderOfficeToPng(await renderDocx(samplePlanModel({ tasks: 40, budgetLines: 60 })), 'plan-40-tasks.docx', 'plan', 60);
    const taskPages: number[] = [];
    const budgetPages: number[] = [];
    for (let p = 1; p <= pages.pageCount; p++) {
      const text = pdfText(pages.pdf, p);
      if (/任务\d+：\d{4}年\d{2}月前/.test(text)) taskPages.push(p);
      if (/预算项目\d+（/.test(text)) budgetPages.push(p);
    }
    // Each table runs over more than one page, and every page of it starts with its heading and column headings.
    expect(taskPages.length).toBeGreaterThan(1);
    expect(budgetPages.length).toBeGreaterThan(1);
    for (const p of taskPages) expect(pdfText(pages.pdf, p), `page ${p}`).toMatch(/五、阶段性任务目标\s*任务任务内容责任人/);
    for (const p of budgetPages) expect(pdfText(pages.pdf, p), `page ${p}`).toMatch(/六、经费预算\s*序号预算项目金额（元）说明/);
  }, 180_000);

  it('a first revision prints its own date; an empty plan prints its placeholders', async () => {
    const pages = renderOfficeToPng(await renderDocx(samplePlanModel({ tasks: 2, budgetLines: 2 })), 'plan-short.docx', 'plan', 60);
    const all = pdfText(pages.pdf);
    expect(all).toContain('第1版·2025年07月01日');
    for (const heading of APPENDIX_C.sections) expect(all).toContain(heading);
  }, 180_000);
});
