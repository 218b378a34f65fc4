// A sync client process for the SIGKILL test (sync.md test 4): writes and syncs in a tight loop, printing a line
// after each committed write, until it is killed.
import { openTestSyncClient } from './sync-client.js';

const [file, seedText] = process.argv.slice(2);
let seed = Number(seedText ?? 1);
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const client = openTestSyncClient({ file: file! });
const ids: string[] = [];
for (const r of client.opened.sqlite.prepare('select id from incubators').all() as { id: string }[]) ids.push(r.id);
let n = 0;
for (;;) {
  n += 1;
  const name = `孵化器-${process.pid}-${n}`;
  if (ids.length === 0 || random() < 0.3) {
    const id = client.saveIncubator(undefined, { name });
    ids.push(id);
    process.stdout.write(`committed ${id} ${name}\n`);
  } else {
    const id = ids[Math.floor(random() * ids.length)]!;
    client.saveIncubator(id, { name });
    process.stdout.write(`committed ${id} ${name}\n`);
  }
  if (random() < 0.4) {
    try {
      await client.engine.sync();
      process.stdout.write('synced\n');
    } catch (e) {
      // The test fails on this line: on a healthy network a sync has nothing to fail on.
      process.stdout.write(`sync failed ${(e as { failure?: string }).failure ?? (e as Error).name}: ${(e as Error).message}\n`);
    }
  }
}
