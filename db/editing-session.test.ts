// One pending op per field and one 操作记录 entry per editing session (docs/history.md), on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from './database.js';
import type { ChangeContext } from './change-recorder.js';
import { markOpsSent } from './outbox-watermark.js';
import { deleteIncubator, saveIncubator } from './repositories/incubator-repository.js';
import { openTestDatabase } from './testing/test-database.js';
import { emptyIncubatorValues, type IncubatorValues } from '../shared/domain/incubator.js';

let db: OpenedDatabase;
let clock = Date.parse('2026-03-01T08:00:00.000Z');
let actor = '韦丽娟';
const ctx: ChangeContext = { get actor() { return actor; }, schemaVersion: 1, now: () => new Date(clock) };

beforeEach(() => {
  db = openTestDatabase();
  clock = Date.parse('2026-03-01T08:00:00.000Z');
  actor = '韦丽娟';
});
afterEach(() => db.sqlite.close());

const values = (overrides: Partial<IncubatorValues> = {}): IncubatorValues => ({
  ...emptyIncubatorValues(),
  name: '柳州螺蛳粉产业孵化器',
  operator: '柳州市创新运营有限公司',
  creditCode: '91450200MA5KA3RN4X',
  incubatorType: '综合型',
  ...overrides,
});

interface OutboxRow { seq: number; field: string; new_value: string; op_id: string }
const ops = (rowId: string) => db.sqlite.prepare('select seq, field, new_value, op_id from outbox where row_id = ? order by seq').all(rowId) as OutboxRow[];
const audit = () => db.sqlite.prepare('select id, action, summary, before, after, actor, at from audit_log order by id').all() as {
  id: number; action: string; summary: string; before: string | null; after: string; actor: string; at: string;
}[];
const maxSeq = () => (db.sqlite.prepare('select max(seq) as s from outbox').get() as { s: number }).s;

/** A consultant typing into 运营机构 for a minute: the editor autosaves about once a second. */
function typeForAMinute(id: string, text: string) {
  for (let i = 1; i <= 60; i++) {
    clock += 1_000;
    saveIncubator(db.db, ctx, { id, values: values({ operator: text.slice(0, Math.ceil((text.length * i) / 60)) }), searchText: 'x' });
  }
}

describe('one pending op per field', () => {
  it('a minute of typing in one field leaves one pending op with the last value, at its first seq', () => {
    const saved = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    const before = ops(saved.id);
    const operatorOp = before.find((o) => o.field === 'operator')!;
    typeForAMinute(saved.id, '柳州市螺蛳粉产业创新服务运营有限公司（二期）');
    const after = ops(saved.id);
    expect(after).toHaveLength(before.length);
    const op = after.find((o) => o.field === 'operator')!;
    expect(op.seq).toBe(operatorOp.seq);
    // A new value is a new op to the server: a lost copy that sent the old one cannot be mistaken for it.
    expect(op.op_id).not.toBe(operatorOp.op_id);
    expect(JSON.parse(op.new_value)).toBe('柳州市螺蛳粉产业创新服务运营有限公司（二期）');
  });

  it('an op handed to the server is never changed: the next edit is a new op after it', () => {
    const saved = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    markOpsSent(db.db, maxSeq());
    const sent = ops(saved.id);
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '甲' }), searchText: 'x' });
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '乙' }), searchText: 'x' });
    const now = ops(saved.id);
    expect(now.slice(0, sent.length)).toEqual(sent);
    expect(now.slice(sent.length).map((o) => [o.field, JSON.parse(o.new_value)])).toEqual([['operator', '乙']]);
  });

  it('the watermark only moves forward', () => {
    saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    markOpsSent(db.db, 5);
    markOpsSent(db.db, 2);
    expect(db.sqlite.prepare("select value from meta where key = 'sync.sent_seq'").get()).toEqual({ value: '5' });
  });

  it('the signed-row guard refuses a raw UPDATE of a waiting op value, as it refuses an INSERT', () => {
    const saved = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    db.sqlite.prepare("insert into sync_signed (entity, row_id, version, hash, state, signed_at) values ('incubators', ?, 1, 'h', 'pending', 'now')").run(saved.id);
    expect(() => db.sqlite.prepare("update outbox set new_value = '\"改\"' where row_id = ? and field = 'operator'").run(saved.id)).toThrow(/WB_LOCKED/);
    // Bookkeeping that leaves the value alone is not refused.
    expect(() => db.sqlite.prepare('update outbox set schema_version = 1 where row_id = ?').run(saved.id)).not.toThrow();
  });
});

describe('one 操作记录 entry per editing session', () => {
  it('a minute of typing is one entry naming the fields, with the first value before and the last after', () => {
    const saved = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    typeForAMinute(saved.id, '柳州市螺蛳粉产业创新服务运营有限公司');
    clock += 1_000;
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '柳州市螺蛳粉产业创新服务运营有限公司', contactName: '周静' }), searchText: 'x' });
    const entries = audit();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    const update = entries[1]!;
    expect(update.summary).toBe('修改孵化器「柳州螺蛳粉产业孵化器」：运营机构、联系人');
    expect(JSON.parse(update.before!)).toEqual({ operator: '柳州市创新运营有限公司', contactName: '' });
    expect(JSON.parse(update.after)).toEqual({ operator: '柳州市螺蛳粉产业创新服务运营有限公司', contactName: '周静' });
    expect(update.at).toBe(new Date(clock).toISOString());
  });

  it('a pause longer than ten minutes, another person or another kind of change starts a new entry', () => {
    const saved = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '甲' }), searchText: 'x' });
    clock += 10 * 60_000; // exactly ten minutes: still the same session
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '乙' }), searchText: 'x' });
    clock += 10 * 60_000 + 1;
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '丙' }), searchText: 'x' });
    actor = '周静';
    saveIncubator(db.db, ctx, { id: saved.id, values: values({ operator: '丁' }), searchText: 'x' });
    deleteIncubator(db.db, ctx, saved.id);
    expect(audit().map((e) => [e.action, e.actor, e.after])).toEqual([
      ['create', '韦丽娟', expect.any(String)],
      ['update', '韦丽娟', JSON.stringify({ operator: '乙' })],
      ['update', '韦丽娟', JSON.stringify({ operator: '丙' })],
      ['update', '周静', JSON.stringify({ operator: '丁' })],
      ['delete', '周静', JSON.stringify({ deletedAt: new Date(clock).toISOString() })],
    ]);
  });

  it('going back to a record continues its session and moves its entry to the top', () => {
    const a = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    const b = saveIncubator(db.db, ctx, { values: values({ name: '南宁孵化器', creditCode: '91450100MA5KA3RN4X' }), searchText: 'x' });
    saveIncubator(db.db, ctx, { id: a.id, values: values({ operator: '甲' }), searchText: 'x' });
    saveIncubator(db.db, ctx, { id: b.id, values: values({ name: '南宁孵化器', creditCode: '91450100MA5KA3RN4X', operator: '乙' }), searchText: 'x' });
    saveIncubator(db.db, ctx, { id: a.id, values: values({ operator: '甲二', legalRep: '黄志强' }), searchText: 'x' });
    const entries = audit();
    expect(entries.map((e) => e.summary)).toEqual([
      '新建孵化器「柳州螺蛳粉产业孵化器」',
      '新建孵化器「南宁孵化器」',
      '修改孵化器「南宁孵化器」：运营机构',
      '修改孵化器「柳州螺蛳粉产业孵化器」：运营机构、法人代表',
    ]);
  });

  it('more than six fields are summed up', () => {
    const saved = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    saveIncubator(db.db, ctx, {
      id: saved.id,
      values: values({ operator: '甲', legalRep: '黄', contactName: '周', contactMobile: '13977100001', registeredOn: '2019-03-15', registeredCapital: 10, industry: '食品' }),
      searchText: 'x',
    });
    expect(audit()[1]!.summary).toMatch(/^修改孵化器「柳州螺蛳粉产业孵化器」：运营机构、[^：]+等 7 项$/);
  });
});

describe('list items in 操作记录', () => {
  it('a new document’s prefilled items make no entries of their own; a later item names its document', async () => {
    const { createDocument, updateDocument } = await import('./repositories/document-repository.js');
    const incubator = saveIncubator(db.db, ctx, { values: values(), searchText: 'x' });
    const item = (text: string) => ({ id: crypto.randomUUID(), values: { text } });
    const doc = createDocument(
      db.db,
      ctx,
      'contract',
      { incubatorId: incubator.id, values: {}, lists: { materials: [item('营业执照复印件'), item('场地租赁合同')] }, snapshots: { incubator: null, agency: null } },
      '新建「柳州螺蛳粉产业孵化器」的技术服务合同',
    );
    const itemOps = () => (db.sqlite.prepare("select count(*) as n from outbox where entity = 'document_items'").get() as { n: number }).n;
    expect(itemOps()).toBeGreaterThan(0);
    expect(audit().map((e) => e.summary)).toEqual(['新建孵化器「柳州螺蛳粉产业孵化器」', '新建「柳州螺蛳粉产业孵化器」的技术服务合同']);
    updateDocument(db.db, ctx, 'contract', doc.id, { lists: { materials: [...doc.lists.materials!, item('财务报表')] } }, '修改「柳州螺蛳粉产业孵化器」的技术服务合同');
    expect(audit().at(-1)!.summary).toBe("添加「柳州螺蛳粉产业孵化器」的技术服务合同中「提供资料」的一项");
  });
});
