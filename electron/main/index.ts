// The desktop shell: window, menu, and the core router on one IPC channel. Everything else lives in core/.
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { resolveDataDir } from '../../core/data-paths.js';
import { Workbench } from '../../core/workbench.js';
import { createWorkbenchRouter } from '../../core/create-handlers.js';
import { findRendererDir } from '../../core/app-files.js';
import { startHttpHost } from '../../core/http-host.js';
import { parsePort } from '../../core/parse-port.js';
import { createWindowOptions } from './window-options.js';
import { guardNavigation } from './navigation-guard.js';
import { mountRouterOnIpc } from './ipc-bridge.js';
import { installAppMenu } from './app-menu.js';
import { useSecretCipher } from '../../core/secret-cipher.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = findRendererDir(here);
const rendererIndex = join(rendererDir, 'index.html');
const appUrlPrefix = pathToFileURL(rendererDir).href;
const isAppUrl = (url: string) => url.startsWith(appUrlPrefix);

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  // The sync token is sealed with the OS keychain's key where there is one (on Linux without a keyring safeStorage
  // falls back to a fixed key: then the 0600 file is the protection, as in browser mode).
  if (safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')) {
    useSecretCipher({ encrypt: (s) => safeStorage.encryptString(s), decrypt: (b) => safeStorage.decryptString(b) });
  }
  const dataDir = resolveDataDir(app.getPath('appData'));
  const wb = new Workbench({ dataDir, shell: 'electron' }).open();
  const router = createWorkbenchRouter(wb);

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  guardNavigation(app, isAppUrl);
  mountRouterOnIpc(ipcMain, router, isAppUrl);

  // WORKBENCH_PORT also serves the same router over HTTP (a second window in a browser, or tests).
  if (process.env.WORKBENCH_PORT !== undefined) {
    const host = await startHttpHost({ router, staticDir: rendererDir, port: parsePort(process.env.WORKBENCH_PORT) });
    console.log(`工作台地址：${host.launchUrl}`);
  }

  const win = new BrowserWindow(createWindowOptions(join(here, 'preload.cjs')));
  installAppMenu(win, router, dataDir);
  win.once('ready-to-show', () => win.show());
  await win.loadFile(rendererIndex);

  const timer = setInterval(() => wb.dailyBackup(), 60 * 60 * 1000);
  app.on('window-all-closed', () => {
    clearInterval(timer);
    wb.close();
    app.quit();
  });
}).catch((e: unknown) => {
  console.error(`工作台启动失败：${e instanceof Error ? e.message : String(e)}`);
  app.exit(1);
});
