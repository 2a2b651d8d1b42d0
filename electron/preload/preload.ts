import { contextBridge, ipcRenderer } from 'electron';
import { createApiBridge } from './createApiBridge.ts';

// Bundled to CommonJS (dist-electron/preload/preload.cjs) because sandboxed preloads cannot be ES modules.
// The page sees exactly `window.api`; ipcRenderer itself is never exposed.
contextBridge.exposeInMainWorld('api', createApiBridge(ipcRenderer));
