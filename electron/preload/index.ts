// The renderer's only door to the backend: one function per contract method, nothing else (no raw ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, METHOD_NAMES, PRELOAD_GLOBAL } from '../../shared/contract/index.js';

const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input)]),
);

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, Object.freeze({ shell: 'electron', methods: Object.freeze(api) }));
