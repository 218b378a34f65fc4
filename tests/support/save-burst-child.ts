// Child process of the SIGKILL test: saves incubators through the core router as fast as it can and writes
// one line per acknowledged save ("ACK <id> <legalRep>") to fd 1 only after the router answered ok, until killed.
import { writeSync } from 'node:fs';
import { Workbench } from '../../core/workbench.js';
import { createWorkbenchRouter } from '../../core/create-handlers.js';
import { sampleIncubator } from './sample-incubator.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: save-burst-child <dataDir>');
const seed = Number(process.argv[3] ?? '0');

const wb = new Workbench({ dataDir, shell: 'test', dailyBackups: false }).open();
const router = createWorkbenchRouter(wb);
const ids: string[] = [];
/** The sample number each incubator was created from: an update keeps its own 信用代码 (codes are unique). */
const createdFrom = new Map<string, number>();
writeSync(1, 'READY\n');

for (let i = 0; ; i++) {
  const updating = ids.length > 0 && i % 3 === 2;
  const n = seed * 100_000 + i;
  const id = updating ? ids[i % ids.length]! : undefined;
  const legalRep = `法人${i}`;
  const r = await router.dispatch('incubators.save', {
    ...(id ? { id } : {}),
    values: sampleIncubator(id ? createdFrom.get(id)! : n, { legalRep, name: id ? `更新${n}` : `孵化器${n}` }),
  });
  if (!r.ok) {
    writeSync(2, `save failed: ${r.error.message}\n`);
    process.exit(3);
  }
  const saved = r.value as { id: string; legalRep: string };
  if (!id) {
    ids.push(saved.id);
    createdFrom.set(saved.id, n);
  }
  writeSync(1, `ACK ${saved.id} ${i}\n`);
}
