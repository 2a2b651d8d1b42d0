// What the app says about the disk under the archive (a write refused for want of space).
export const storageZhCN = {
  'storage.diskFull': '磁盘空间已满，本次操作没有保存任何内容。请清理一些磁盘空间后重试。',
} as const;
