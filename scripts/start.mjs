// Starts the workbench: the Electron app where its binary can be had, browser mode otherwise (or with --browser).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const forceBrowser = process.argv.includes('--browser') || process.env.WORKBENCH_BROWSER === '1';

/** The Electron binary's path, or the reason there is none. Electron 42+ downloads it on first use. */
function findElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' && !existsSync(require.resolve('electron').replace(/index\.js$/, 'path.txt'))) {
    return { reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 且未安装 Electron 程序文件' };
  }
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 300_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const why = (probe.stderr || '').split('\n').find((l) => /fetch failed|ENOTFOUND|ECONN|error/i.test(l)) ?? '下载失败';
  return { reason: `无法获取 Electron 程序文件（${why.trim()}）` };
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (forceBrowser) {
  run(process.execPath, ['dist/node/browser-main.mjs']);
} else {
  const electron = findElectron();
  if (electron.path) {
    run(electron.path, ['.']);
  } else {
    console.log(`${electron.reason}，改为以浏览器模式启动（界面与数据相同，只监听本机 127.0.0.1）。`);
    run(process.execPath, ['dist/node/browser-main.mjs']);
  }
}
