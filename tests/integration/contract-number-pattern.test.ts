// The agency-defined contract-number pattern (issue 9 item 2) through the router, on a real SQLite file: a bad
// pattern is refused next to its field with nothing saved; numbers issued after a change follow the new pattern,
// always with this device's code, and never repeat a number issued before (deleted drafts included).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { failureOf } from '../support/rpc-failure.js';
import { deviceCodeOf } from '../../core/services/document-number-service.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2026-03-02T02:00:00Z') });
});
afterEach(() => t.cleanup());

const kind = 'contract' as const;
const agency = { name: '广西科服咨询有限公司', staff: [] };

async function newContractNo(incubatorId: string): Promise<{ id: string; no: string }> {
  const c = await t.call('documents.create', { kind, incubatorId });
  return { id: c.id, no: String(c.values.contractNo) };
}

describe('the agency-defined contract-number pattern', () => {
  it('refuses a bad pattern with a Chinese message on the field and keeps the saved one', async () => {
    await t.call('agency.save', { ...agency, contractNoPattern: '桂孵〔{yyyy}〕{seq:2}号' });
    const unknown = await failureOf(t.call('agency.save', { ...agency, contractNoPattern: 'HT-{year}-{seq:3}' }));
    expect(unknown).toMatchObject({ kind: 'validation', field: 'contractNoPattern' });
    expect(unknown.message).toBe('「合同编号规则」「{year}」不是可用的占位符，可用：{yyyy} {yy} {mm} {seq:N} {device}');
    const noSeq = await failureOf(t.call('agency.save', { ...agency, contractNoPattern: 'HT-{yyyy}' }));
    expect(noSeq.issues).toContainEqual(expect.objectContaining({ field: 'contractNoPattern', message: '编号规则必须包含流水号 {seq:N}，否则编号会重复' }));
    expect((await t.call('agency.get', {})).profile.contractNoPattern).toBe('桂孵〔{yyyy}〕{seq:2}号');
  });

  it('issues numbers from the new pattern after a change, with the device code, never reusing one', async () => {
    const code = deviceCodeOf(t.wb.database.db);
    await t.call('agency.save', agency);
    const inc = await t.call('incubators.save', { values: { name: '桂创孵化器', operator: '桂创运营有限公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型' } });

    // Empty pattern: the default, with the device code before the sequence.
    const first = await newContractNo(inc.id);
    expect(first.no).toBe(`GXPY-2026-${code}001`);

    // A pattern without {device} gets the device code right before its sequence.
    await t.call('agency.save', { ...agency, contractNoPattern: '桂孵〔{yyyy}〕{seq:2}号' });
    const second = await newContractNo(inc.id);
    expect(second.no).toBe(`桂孵〔2026〕${code}01号`);
    await t.call('documents.delete', { kind, id: second.id });
    expect((await newContractNo(inc.id)).no).toBe(`桂孵〔2026〕${code}02号`);

    // A pattern with {device} keeps it where the agency put it; back to the first pattern continues its series.
    await t.call('agency.save', { ...agency, contractNoPattern: 'HT{yy}{mm}-{seq:3}-{device}' });
    expect((await newContractNo(inc.id)).no).toBe(`HT2603-001-${code}`);
    await t.call('agency.save', { ...agency, contractNoPattern: '' });
    expect((await newContractNo(inc.id)).no).toBe(`GXPY-2026-${code}002`);
  });
});
