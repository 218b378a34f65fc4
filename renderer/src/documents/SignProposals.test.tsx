// A signing-race proposal on the signed document's page, against the real backend: the proposal arrives as a pulled
// row (the path a sync takes), is shown with the form's labels, and becomes 第 2 版 through the revise dialog.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SignProposals } from './SignProposals.js';
import { renderInApp } from '../../test/render-app.js';
import { withRealBackend } from '../../test/real-backend.js';
import { applyPulledPage } from '../../../core/sync/apply-pull.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';

const backend = withRealBackend({ now: () => new Date('2025-07-01T08:00:00Z') });
const kind = 'diagnosis' as const;

async function signedDiagnosisWithProposal() {
  const inc = await backend().call('incubators.save', {
    values: { name: '测试孵化器', operator: '测试运营公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型', operatingSince: '2020-01-01' },
  });
  const d = await backend().call('documents.create', { kind, incubatorId: inc.id });
  await backend().call('documents.saveDraft', { kind, id: d.id, values: { totalArea: 6000, incubatees: 20 } });
  await backend().call('documents.complete', { kind, id: d.id });
  await backend().call('documents.sign', { kind, id: d.id });
  const proposal = {
    documentEntity: 'diagnoses',
    documentId: d.id,
    signedVersion: 1,
    fromClient: 'another-device',
    reason: 'raced',
    proposed: { 'values.totalArea': 6400, status: 'draft' },
    proposedAt: '2025-07-01T09:00:00.000Z',
    resolvedAt: null,
    resolution: null,
  };
  applyPulledPage(backend().wb.database.db, [{ cursor: 1, entity: 'sign_proposals', rowId: 'proposal-1', version: 1, fields: proposal, deletedAt: null, signed: null }], 1, '2025-07-01T09:00:00.000Z');
  return backend().call('documents.get', { kind, id: d.id });
}

describe('SignProposals', () => {
  it('lists what another device proposed and turns it into a new revision through the revise dialog', async () => {
    const view = await signedDiagnosisWithProposal();
    expect(view.proposals?.map((p) => p.changes.map((c) => c.value))).toEqual([['6400']]); // status is bookkeeping: not listed
    let revised: DocumentRecord | null = null;
    renderInApp(<SignProposals view={view} onRevised={(r) => (revised = r)} onChanged={() => undefined} />);
    expect(screen.getByText('修订建议：签署前另一台设备的修改未写入签署版本')).toBeTruthy();
    expect(screen.getByRole('list', { name: '建议的修改' }).textContent).toContain('6400');
    fireEvent.click(screen.getByRole('button', { name: '据此新建修订版本' }));
    const reason = (await screen.findByLabelText('修订原因')) as HTMLTextAreaElement;
    expect(reason.value).toBe('采纳签署时未写入的修改');
    fireEvent.click(screen.getByRole('button', { name: '新建修订版本' }));
    await waitFor(() => expect(revised).not.toBeNull());
    expect(revised!).toMatchObject({ revision: 2, status: 'draft', revisionReason: '采纳签署时未写入的修改' });
    expect(revised!.values.totalArea).toBe(6400);
    expect((await backend().call('documents.get', { kind, id: view.record.id })).proposals).toEqual([]);
  });

  it('sets a proposal aside with 忽略: the signed document keeps no open proposal', async () => {
    const view = await signedDiagnosisWithProposal();
    let after = view;
    renderInApp(<SignProposals view={view} onRevised={() => undefined} onChanged={(v) => (after = v)} />);
    fireEvent.click(screen.getByRole('button', { name: /^忽\s*略$/ }));
    await waitFor(() => expect(after.proposals).toEqual([]));
    expect(after.signed).not.toBeNull();
    const history = JSON.stringify(await backend().call('history.list', {}));
    expect(history).toContain('已保留为修订建议');
    expect(history).toContain('忽略诊断意见表第 1 版的修订建议');
  });
});
