// Browser mode: the same renderer and core router as the desktop app, served on 127.0.0.1.
import { resolveDataDir } from './data-paths.js';
import { Workbench } from './workbench.js';
import { createWorkbenchRouter } from './create-handlers.js';
import { startHttpHost } from './http-host.js';
import { findRendererDir } from './app-files.js';
import { openDefaultBrowser } from './open-browser.js';
import { parsePort } from './parse-port.js';
import { join } from 'node:path';
import { ARCHIVES_FOLDER } from './archive/archive-jobs.js';

const HOURLY = 60 * 60 * 1000;

async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  const wb = new Workbench({ dataDir, shell: 'browser' }).open();
  const status = wb.status();
  if (status.database.state === 'problem') console.error(`注意：${status.database.message}（界面中可选择恢复方式）`);

  const host = await startHttpHost({
    router: createWorkbenchRouter(wb),
    staticDir: findRendererDir(),
    port: parsePort(process.env.WORKBENCH_PORT),
    archivesDir: join(dataDir, ARCHIVES_FOLDER),
  });
  console.log(`数据文件夹：${dataDir}`);
  console.log(`工作台地址：${host.launchUrl}`);
  if (process.env.WORKBENCH_NO_OPEN !== '1') openDefaultBrowser(host.launchUrl);

  // The app may stay open across midnight: check for the daily backup every hour.
  const timer = setInterval(() => wb.dailyBackup(), HOURLY);
  timer.unref();

  const stop = async () => {
    clearInterval(timer);
    await host.close();
    wb.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`工作台启动失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
