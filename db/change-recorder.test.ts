import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from './database.js';
import { clientId, recordChange, type ChangeContext } from './change-recorder.js';
import { markOpsSent } from './outbox-watermark.js';
import { deleteIncubator, restoreIncubator, saveIncubator } from './repositories/incubator-repository.js';
import { openTestDatabase } from './testing/test-database.js';
import { emptyIncubatorValues, type IncubatorValues } from '../shared/domain/incubator.js';

function sampleIncubator(n: number, overrides: Partial<IncubatorValues> = {}): IncubatorValues {
  return {
    ...emptyIncubatorValues(),
    name: `南宁第${n}孵化器`,
    operator: `南宁第${n}运营公司`,
    creditCode: '91450107MA5KA3RN4L',
    registeredOn: '2019-03-15',
    legalRep: '黄志强',
    registeredCapital: 1000,
    incubatorType: '综合型',
    contactName: '韦丽娟',
    contactMobile: '13977100001',
    ...overrides,
  };
}

let db: OpenedDatabase;
let clock = Date.parse('2026-03-01T08:00:00.000Z');
const ctx: ChangeContext = { actor: '测试', schemaVersion: 1, now: () => new Date(clock) };

beforeEach(() => {
  db = openTestDatabase();
});
afterEach(() => db.sqlite.close());

const lastAssignedSeq = () => (db.sqlite.prepare('select max(seq) as s from outbox').get() as { s: number }).s;
const count = (table: string) => (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const outboxRows = () =>
  db.sqlite.prepare('select entity, row_id, field, new_value, base_version, hlc, client_id from outbox order by seq').all() as {
    entity: string;
    row_id: string;
    field: string;
    new_value: string;
    base_version: number;
    hlc: string;
    client_id: string;
  }[];

describe('recordChange', () => {
  it('writes one outbox op per changed field and one audit entry', () => {
    const id = recordChange(db.db, ctx, {
      entity: 'incubators',
      rowId: 'r1',
      action: 'update',
      baseVersion: 4,
      before: { name: '甲', operator: '乙', industry: '' },
      after: { name: '甲', operator: '丙', industry: '电子信息' },
      summary: '修改',
    });
    expect(id).not.toBeNull();
    const ops = outboxRows();
    expect(ops.map((o) => [o.field, JSON.parse(o.new_value)])).toEqual([
      ['operator', '丙'],
      ['industry', '电子信息'],
    ]);
    expect(ops.every((o) => o.base_version === 4 && o.row_id === 'r1')).toBe(true);
    expect(ops[0]!.hlc < ops[1]!.hlc).toBe(true);
    const audit = db.sqlite.prepare('select * from audit_log').all() as { before: string; after: string; actor: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before)).toEqual({ operator: '乙', industry: '' });
    expect(JSON.parse(audit[0]!.after)).toEqual({ operator: '丙', industry: '电子信息' });
    expect(audit[0]!.actor).toBe('测试');
  });

  it('records nothing when nothing changed', () => {
    const id = recordChange(db.db, ctx, { entity: 'x', rowId: 'r', action: 'update', baseVersion: 0, before: { a: 1 }, after: { a: 1 }, summary: '' });
    expect(id).toBeNull();
    expect(count('outbox') + count('audit_log')).toBe(0);
  });

  it('keeps one client id, and HLCs increase even when the wall clock goes back', () => {
    const first = clientId(db.db);
    expect(clientId(db.db)).toBe(first);
    const change = (v: string) =>
      recordChange(db.db, ctx, { entity: 'x', rowId: 'r', action: 'update', baseVersion: 0, before: {}, after: { v }, summary: '' });
    change('a');
    clock -= 60_000;
    // Another row: the same field of the same row would take the new value into its waiting op.
    recordChange(db.db, ctx, { entity: 'x', rowId: 'r2', action: 'update', baseVersion: 0, before: {}, after: { v: 'b' }, summary: '' });
    const ops = outboxRows();
    expect(ops.every((o) => o.client_id === first)).toBe(true);
    expect(ops[0]!.hlc < ops[1]!.hlc).toBe(true);
  });
});

describe('a write with its outbox and audit, in one transaction', () => {
  it('a create leaves one op per field set and a create audit entry', () => {
    const values = sampleIncubator(1);
    const saved = saveIncubator(db.db, ctx, { values, searchText: 'x' });
    expect(count('incubators')).toBe(1);
    // A create sends every field that has a value (a null is the default on every side).
    const setFields = Object.entries(values).filter(([, v]) => v !== null).map(([k]) => k);
    expect(outboxRows().map((o) => o.field).sort()).toEqual(setFields.sort());
    const audit = db.sqlite.prepare('select action, before, row_id from audit_log').all();
    expect(audit).toEqual([{ action: 'create', before: null, row_id: saved.id }]);
  });

  it('an update records only the changed fields; a no-op save records nothing', () => {
    const values = sampleIncubator(2);
    const saved = saveIncubator(db.db, ctx, { values, searchText: 'x' });
    // Once sent, the create's ops are frozen: the update makes ops of its own, one per changed field.
    markOpsSent(db.db, lastAssignedSeq());
    const opsAfterCreate = count('outbox');
    saveIncubator(db.db, ctx, { id: saved.id, values: { ...values, legalRep: '覃建华', contactName: '周静' }, searchText: 'x' });
    expect(outboxRows().slice(opsAfterCreate).map((o) => o.field)).toEqual(['legalRep', 'contactName']);
    const opsAfterUpdate = count('outbox');
    saveIncubator(db.db, ctx, { id: saved.id, values: { ...values, legalRep: '覃建华', contactName: '周静' }, searchText: 'x' });
    expect(count('outbox')).toBe(opsAfterUpdate);
    expect(count('audit_log')).toBe(2);
  });

  it('delete and restore are tombstone changes with their own ops and audit entries', () => {
    const saved = saveIncubator(db.db, ctx, { values: sampleIncubator(3), searchText: 'x' });
    const before = count('outbox');
    const auditId = deleteIncubator(db.db, ctx, saved.id);
    expect(auditId).toBeGreaterThan(0);
    expect(outboxRows().slice(before).map((o) => o.field)).toEqual(['deletedAt']);
    restoreIncubator(db.db, ctx, saved.id);
    const actions = (db.sqlite.prepare('select action from audit_log order by id').all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
    expect(db.sqlite.prepare('select deleted_at from incubators').get()).toEqual({ deleted_at: null });
  });

  it('a write that fails half way leaves no row, no outbox op and no audit entry', () => {
    // The audit insert is the last statement of the transaction: make it fail after the row and ops are in.
    db.sqlite.exec("create temp trigger fail_audit before insert on audit_log begin select raise(abort, 'disk said no'); end;");
    expect(() => saveIncubator(db.db, ctx, { values: sampleIncubator(4), searchText: 'x' })).toThrow(/disk said no/);
    expect(count('incubators')).toBe(0);
    expect(count('outbox')).toBe(0);
    expect(count('audit_log')).toBe(0);
    expect(db.sqlite.prepare("select count(*) as n from meta where key = 'hlc'").get()).toEqual({ n: 0 });
  });

  it('a failed update leaves the earlier version, its ops and its audit entry as they were', () => {
    const saved = saveIncubator(db.db, ctx, { values: sampleIncubator(5), searchText: 'x' });
    const ops = count('outbox');
    db.sqlite.exec("create temp trigger fail_audit before insert on audit_log begin select raise(abort, 'nope'); end;");
    expect(() => saveIncubator(db.db, ctx, { id: saved.id, values: sampleIncubator(5, { name: '改名' }), searchText: 'x' })).toThrow();
    expect(db.sqlite.prepare('select name from incubators').get()).toEqual({ name: saved.name });
    expect(count('outbox')).toBe(ops);
    expect(count('audit_log')).toBe(1);
  });
});
