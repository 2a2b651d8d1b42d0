import type { hostFilesZhCN } from '../zhCN/hostFiles.ts';

export const hostFilesEnUS: Record<keyof typeof hostFilesZhCN, string> = {
  'cliFiles.cannotRead': 'Cannot read “{file}”: it does not exist or may not be read',
  'cliFiles.notAFile': '“{file}” is not a regular file (a folder or a device?), so it cannot be read',
  'cliFiles.tooLarge': '“{file}” is too large: at most {max}',
  'cliFiles.mapFileJson': 'The mapping file “{file}” is not valid JSON',
  'cliFiles.mapFileJsonAt': 'The mapping file “{file}” is not valid JSON (near line {line}, column {column})',
  'cliFiles.exists': '“{file}” already exists and was not overwritten. Name the file to write with --out',
  'cliFiles.importNeedsFile': 'import needs a file to import, e.g. renewal-desk import renewals.csv',
  'validation.mappingTooLarge': 'A mapping has at most 500 columns',
} as const;
