import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../db/testing/test-database.js';
import { recordChange } from '../../db/change-recorder.js';
import { listPendingOps } from '../../db/repositories/sync-state-repository.js';
import type { OpenedDatabase } from '../../db/database.js';
import { pushRequestSchema } from '../../shared/sync/protocol.js';
import { nextPushBatch, outboxOp, pushRequestJson } from './push-batch.js';

describe('push batch from the outbox', () => {
  let opened: OpenedDatabase;
  beforeEach(() => {
    opened = openTestDatabase();
  });
  afterEach(() => opened.sqlite.close());

  it('reads the oldest ops in seq order and writes the request the wire schema parses to the ops as stored', () => {
    const ctx = { actor: 'test', schemaVersion: opened.schemaVersion, now: () => new Date() };
    const values = {
      name: '南宁"孵化器"\\ 一号\n',
      capital: 1234.5,
      empty: null,
      flags: [true, false],
      nested: { a: '\u2028', b: [1, { c: '😀' }] },
      cleared: undefined,
    };
    recordChange(opened.db, ctx, { entity: 'incubators', rowId: 'row-1', action: 'create', baseVersion: 0, before: {}, after: values, summary: 'x' });
    recordChange(opened.db, ctx, { entity: 'incubators', rowId: 'row-2', action: 'create', baseVersion: 3, before: {}, after: { name: '二' }, summary: 'x' });

    const stored = listPendingOps(opened.db, 100);
    const rows = nextPushBatch(opened.db, 4);
    expect(rows).toEqual(stored.slice(0, 4));
    expect(nextPushBatch(opened.db, 100)).toEqual(stored);

    const seqBase = stored[0]!.seq - 1; // seqs counted from the identity's base (docs/sync.md §Identities)
    const sent = pushRequestSchema.parse(JSON.parse(pushRequestJson('client-1', stored, seqBase)));
    expect(sent).toEqual({
      clientId: 'client-1',
      ops: stored.map((r) => outboxOp(r, seqBase)),
    });
    expect(sent.ops.find((o) => o.field === 'nested')?.value).toEqual(values.nested);
    expect(sent.ops.find((o) => o.field === 'cleared')).toBeUndefined();
  });
});
