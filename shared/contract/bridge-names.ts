// Kept apart from the contract (index.ts) so the renderer's transport can name the preload global without
// pulling every zod schema into the first screen's code.

/** The single IPC channel the preload and main process use. */
export const IPC_CHANNEL = 'workbench:rpc';
/** The name under which the preload exposes the API on `window`. */
export const PRELOAD_GLOBAL = 'workbench';
