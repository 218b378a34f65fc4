// The 校验文件 screen against the real backend, with a diagnosis signed through a real sync server (PostgreSQL):
// a Word file opened, a file that is not one, the code typed from paper, a typo and a missing revision — each
// answer where the user looks: the verdict below the field, a problem next to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VerifyPage } from './VerifyPage.js';
import { renderInApp } from '../../../test/render-app.js';
import { withRealBackend } from '../../../test/real-backend.js';
import { registerRoutes } from '../../navigation/routes.js';
import { startTestSyncServer, type TestSyncServer } from '../../../../tests/support/sync-server.js';
import { loadDemoOnServer, signAndSync } from '../../../../tests/support/signed-workbench.js';
import { formatCheckCodeLine } from '../../../../shared/signatures/index.js';
import { withNeighboursSwapped } from '../../../../tests/support/check-code-typo.js';

const backend = withRealBackend();
registerRoutes();

let server: TestSyncServer;
beforeAll(async () => {
  server = await startTestSyncServer({ listen: true });
});
afterAll(async () => {
  await server?.close();
});

/** The first completed demo diagnosis, signed the way the app signs (sync, 签署, sync), and its Word export. */
async function signedDiagnosis() {
  // The backend runs in Node in the app; here it shares happy-dom's window, whose fetch is a browser's (CORS).
  // Its sync calls go to the test server through fastify.inject instead, for the signing only.
  const browserFetch = globalThis.fetch;
  globalThis.fetch = server.injectFetch;
  try {
    return await signFirstDiagnosis();
  } finally {
    globalThis.fetch = browserFetch;
  }
}

async function signFirstDiagnosis() {
  const t = backend();
  await loadDemoOnServer(t, server);
  const d = (await t.call('documents.list', { kind: 'diagnosis' })).find((x) => x.status === 'completed' && !x.supersededBy)!;
  await signAndSync(t, 'diagnosis', d.id);
  const view = await t.call('documents.get', { kind: 'diagnosis', id: d.id });
  const file = await t.call('documents.export', { kind: 'diagnosis', id: d.id, format: 'docx', allowErrors: false });
  return { name: d.incubatorName, hash: view.signed!.hash, docx: Buffer.from(file.base64, 'base64') };
}

function helpOf(label: string): string {
  const ids = (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('校验文件', () => {
  it('verifies an opened Word file, and says next to the field when a file is not one', async () => {
    const signed = await signedDiagnosis();
    renderInApp(<VerifyPage />);
    const input = screen.getByLabelText('选择要校验的 Word 文件');
    await userEvent.upload(input, new File([signed.docx], '诊断意见表.docx'));
    const result = await screen.findByRole('region', { name: '文件校验结果' }, { timeout: 15_000 });
    expect(within(result).getByText('相符：是签署版本')).toBeTruthy();
    expect(result.textContent).toContain(signed.name);
    expect(within(result).getByRole('link', { name: '诊断意见表' }).getAttribute('href')).toMatch(/^#\/documents\/diagnosis\//);

    await userEvent.upload(input, new File(['随便写的文字'], '说明.docx'));
    await waitFor(() => expect(helpOf('选择要校验的 Word 文件')).toContain('这不是 Word 文档（.docx）文件'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('region', { name: '文件校验结果' })).toBeNull();
  });

  it('checks the code typed from paper: a match, a typo and a missing revision next to their fields', async () => {
    const signed = await signedDiagnosis();
    renderInApp(<VerifyPage />);
    const code = formatCheckCodeLine(signed.hash, 1).split(' ')[1]!;
    const codeField = screen.getByLabelText('校验码');
    const revisionField = screen.getByLabelText('版本号');
    const submit = screen.getByRole('button', { name: '校验此码' });

    await userEvent.type(codeField, code);
    await userEvent.click(submit);
    await waitFor(() => expect(helpOf('版本号')).toContain('请同时填写版本号'));
    expect(revisionField.getAttribute('aria-invalid')).toBe('true');

    await userEvent.type(revisionField, '1');
    await userEvent.click(submit);
    const result = await screen.findByRole('region', { name: '校验码校验结果' });
    expect(within(result).getByText('相符：是签署版本')).toBeTruthy();

    await userEvent.clear(codeField);
    await userEvent.type(codeField, withNeighboursSwapped(code));
    await userEvent.click(submit);
    await waitFor(() => expect(helpOf('校验码')).toContain('校验码与版本号对不上'));
    expect(screen.queryByRole('region', { name: '校验码校验结果' })).toBeNull();
  });
});
