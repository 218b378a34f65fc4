// The incubator editor against the real backend: a duplicate code is refused next to the field with a link to
// the existing record, a shared name is a warning to confirm, and errors take the focus.
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IncubatorEditor } from './IncubatorEditor.js';
import { renderInApp } from '../../test/render-app.js';
import { withRealBackend } from '../../test/real-backend.js';
import { registerRoutes } from '../navigation/routes.js';
import { sampleIncubator } from '../../../tests/support/sample-incubator.js';

const backend = withRealBackend();
registerRoutes();

async function typeInto(label: string, text: string) {
  // Looked up afresh at each step: on a busy machine the form may re-render between them, and a paste into an
  // input that is no longer the focused one lands in the field before it.
  const field = () => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
  await userEvent.clear(field());
  field().focus();
  await userEvent.paste(text); // one input event: typing key by key re-renders the whole form per key
  await waitFor(() => expect(field().value).toBe(text));
  await userEvent.tab();
}

function describedBy(label: string): string {
  const field = screen.getByLabelText(label, { exact: true });
  const ids = field.getAttribute('aria-describedby') ?? '';
  return ids
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

async function openNew() {
  const onSaved = vi.fn();
  renderInApp(<IncubatorEditor target="new" onClose={() => undefined} onSaved={onSaved} />);
  await screen.findByRole('dialog', { name: '新建孵化器' });
  return onSaved;
}

describe('IncubatorEditor', () => {
  it('an existing incubator offers its profile (画像), which opens at its address', async () => {
    const existing = await backend().call('incubators.save', { values: sampleIncubator(1) });
    renderInApp(<IncubatorEditor target={existing.id} onClose={() => undefined} onSaved={() => undefined} />);
    const profile = await screen.findByRole('button', { name: `「${existing.name}」的画像` });
    await userEvent.click(profile);
    await waitFor(() => expect(window.location.hash).toBe(`#/profiles/${existing.id}`));
  });

  it('a new incubator has no profile yet', async () => {
    await openNew();
    expect(screen.queryByRole('button', { name: /画像/ })).toBeNull();
  });

  it('a code already in the register: the message is on the field, links to the existing record, and keeps the focus there', async () => {
    const existing = await backend().call('incubators.save', { values: sampleIncubator(1) });
    const onSaved = await openNew();
    await typeInto('孵化器名称', '另一个孵化器');
    await typeInto('运营机构', '另一家运营公司');
    await typeInto('统一社会信用代码', existing.creditCode);
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(describedBy('统一社会信用代码')).toContain(`该统一社会信用代码已登记为「${existing.name}」`));
    const field = screen.getByLabelText('统一社会信用代码', { exact: true });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    const link = screen.getByRole('link', { name: `打开「${existing.name}」` });
    expect(link.getAttribute('href')).toBe(`#/incubators/${existing.id}`);
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByLabelText('孵化器名称', { exact: true })).toHaveProperty('value', '另一个孵化器');
  });

  it('the same name with another code is a warning; confirming it saves', async () => {
    const existing = await backend().call('incubators.save', { values: sampleIncubator(1) });
    const onSaved = await openNew();
    const other = sampleIncubator(2);
    await typeInto('孵化器名称', existing.name);
    await typeInto('运营机构', other.operator);
    await typeInto('统一社会信用代码', other.creditCode);
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(describedBy('孵化器名称')).toContain('已有同名孵化器'));
    const dialog = screen.getByRole('dialog', { name: '新建孵化器' });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: '已核实，是另一家孵化器' }));
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ name: existing.name, creditCode: other.creditCode });
  });

  it('saving with an error puts the focus on the first field in error', async () => {
    await openNew();
    await typeInto('统一社会信用代码', '123');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('孵化器名称', { exact: true })));
    expect(describedBy('孵化器名称')).not.toBe('');
  });
});
