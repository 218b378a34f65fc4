// 待上传 against the real backend: a record edited many times is one line that names it and what changed.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { PendingRecordList } from './PendingRecordList.js';
import { renderInApp } from '../../test/render-app.js';
import { withRealBackend } from '../../test/real-backend.js';
import { registerRoutes } from '../navigation/routes.js';
import { sampleIncubator } from '../../../tests/support/sample-incubator.js';

const backend = withRealBackend();
registerRoutes();

describe('PendingRecordList', () => {
  it('lists one line per record with its link and the changed fields by label', async () => {
    const a = await backend().call('incubators.save', { values: sampleIncubator(1) });
    const b = await backend().call('incubators.save', { values: sampleIncubator(2) });
    for (const rep of ['覃', '覃海', '覃海涛']) await backend().call('incubators.save', { id: a.id, values: { ...sampleIncubator(1), legalRep: rep } });
    renderInApp(<PendingRecordList />);

    await waitFor(() => expect(screen.getByText('2 条记录有修改等待上传（修改已保存在本机）')).toBeTruthy());
    const link = screen.getByRole('link', { name: `孵化器「${a.name}」` });
    expect(link.getAttribute('href')).toBe(`#/incubators/${a.id}`);
    expect(screen.getByRole('link', { name: `孵化器「${b.name}」` })).toBeTruthy();
    // The create's op of 法人代表 took the later values: still one pending op per field.
    const ops = (await backend().call('sync.pendingRecords', { limit: 10 })).find((r) => r.rowId === a.id)!;
    expect(ops.ops).toBe(ops.fields.length);
    // A new record waits with every field it was created with: the first five by label, then how many in all.
    const line = link.closest('li')?.textContent ?? '';
    expect(line).toContain('孵化器名称、运营机构、统一社会信用代码、');
    expect(line).toContain(`等 ${ops.fields.length} 项`);
  });
});
