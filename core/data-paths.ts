import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'incubator-workbench';
export const DATABASE_FILE_NAME = 'workbench.sqlite';

/** The per-user application data folder of this OS (what Electron calls appData). */
export function osAppDataDir(): string {
  if (process.platform === 'win32') return process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** WORKBENCH_DATA_DIR wins; otherwise the user's data folder. Browser mode, Electron and the CLI share this. */
export function resolveDataDir(appDataDir = osAppDataDir()): string {
  const fromEnv = process.env.WORKBENCH_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  return join(appDataDir, APP_FOLDER_NAME);
}
