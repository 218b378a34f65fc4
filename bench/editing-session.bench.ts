// A minute of typing in one diagnosis field (issue 8.2): the editor autosaves about once a second, so 60 saves
// of a growing 诊断总结, then 60 of 在孵企业数量 — through the core router on a real database file, with the
// clock moving a second per save. Prints the pending ops and 操作记录 entries that leaves, and the save time.
// Target: one pending op per field changed, one history entry for the session.
// Run: npx tsx bench/editing-session.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../core/workbench.js';
import { createWorkbenchRouter } from '../core/create-handlers.js';
import { sampleIncubator } from '../tests/support/sample-incubator.js';
import { machineLine, report } from './support/stats.js';

const TEXT = '该孵化器场地条件较好，但在孵企业数量不足，专业服务人员偏少，创业导师队伍尚未建立，建议在一年内补齐短板。';
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-typing-'));
let clock = Date.parse('2026-03-01T08:00:00.000Z');
const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false, now: () => new Date(clock) }).open();
const router = createWorkbenchRouter(wb);

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await router.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const count = (sql: string, ...args: unknown[]) => (wb.database.sqlite.prepare(sql).get(...args) as { n: number }).n;

console.log(`# editing-session: ${machineLine()}`);
try {
  const incubator = await call<{ id: string }>('incubators.save', { values: sampleIncubator(1) });
  const doc = await call<{ id: string }>('documents.create', { kind: 'diagnosis', incubatorId: incubator.id });
  const auditBefore = count('select count(*) as n from audit_log where row_id = ?', doc.id);
  const saves: number[] = [];
  const type = async (key: string, valueAt: (i: number) => string) => {
    for (let i = 1; i <= 60; i++) {
      clock += 1_000;
      const t0 = performance.now();
      await call('documents.saveDraft', { kind: 'diagnosis', id: doc.id, values: { [key]: valueAt(i) } });
      saves.push(performance.now() - t0);
    }
  };
  await type('summary', (i) => TEXT.slice(0, Math.ceil((TEXT.length * i) / 60)));
  await type('incubatees', (i) => String(i));
  const ops = count("select count(*) as n from outbox where row_id = ? and field in ('values.summary', 'values.incubatees')", doc.id);
  const entries = count('select count(*) as n from audit_log where row_id = ?', doc.id) - auditBefore;
  const summary = (wb.database.sqlite.prepare('select summary from audit_log where row_id = ? order by id desc limit 1').get(doc.id) as { summary: string }).summary;
  console.log(`pending ops of the 2 fields after 120 autosaves: ${ops} (target 2) ${ops <= 2 ? 'MET' : 'MISSED'}`);
  console.log(`操作记录 entries added: ${entries} (target 1) ${entries <= 1 ? 'MET' : 'MISSED'} — 「${summary}」`);
  report('documents.saveDraft while typing (file DB, synchronous=FULL)', saves);
} finally {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
}
