import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's options, kept in one pure function so a test can read them. Settings follow the Electron
 * security checklist: isolated, sandboxed, no Node in the renderer, no webview, no remote content.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '孵化器培育服务工作台',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  };
}
