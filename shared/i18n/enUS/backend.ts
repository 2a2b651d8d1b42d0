import type { backendZhCN } from '../zhCN/backend.ts';

export const backendEnUS: Record<keyof typeof backendZhCN, string> = {
  'errors.archiveUnavailable': 'The archive is not available right now (its backend stopped or is restoring); nothing was done, try again shortly',
  'errors.archiveHeldByCli': 'The command line (process {pid}) is using this data file; open it again once it has finished',
  'busy.import:run': 'Importing data',
  'busy.import:undo': 'Undoing an import',
  'busy.system:restore': 'Restoring a backup',
  'busy.system:demo': 'Loading the sample data',
  'busy.other': 'Saving a large change',
  'busy.banner': '{what}: other changes wait until it finishes; viewing and searching work as usual.',
} as const;
