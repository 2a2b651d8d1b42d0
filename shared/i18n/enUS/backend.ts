import type { backendZhCN } from '../zhCN/backend.ts';

export const backendEnUS: Record<keyof typeof backendZhCN, string> = {
  'errors.archiveUnavailable': 'The archive is not available right now (its backend stopped or is restoring); nothing was done, try again shortly',
  'errors.archiveHeldByCli': 'The command line (process {pid}) is using this data file; open it again once it has finished',
} as const;
