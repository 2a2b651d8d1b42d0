import type { storageZhCN } from '../zhCN/storage.ts';

// What the app says about the disk under the archive (a write refused for want of space).
export const storageEnUS: Record<keyof typeof storageZhCN, string> = {
  'storage.diskFull': 'The disk is full, so nothing was saved. Free some space and try again.',
};
