import type { inputLimitsZhCN } from '../zhCN/inputLimits.ts';

export const inputLimitsEnUS: Record<keyof typeof inputLimitsZhCN, string> = {
  'inputLimits.dateRange': 'Dates must lie between {min} and {max}',
  'inputLimits.instantRange': 'Times must fall in the years {min} to {max}',
  'inputLimits.lineBreak': 'Must be a single line, without line breaks',
  'inputLimits.lineBreakNamed': '{label} must be a single line, without line breaks',
  'inputLimits.controlCharacter': 'Must not contain the control character {char}',
  'inputLimits.controlCharacterNamed': '{label} must not contain the control character {char}',
  'inputLimits.customFieldName': 'Custom field name',
  'inputLimits.importDateRange': 'Date out of range (only {min} to {max} is supported): {text}',
  'inputLimits.nextTermPastRange':
    'By its renewal cycle the next term would run past {max}, outside the supported dates ({min} to {max}), so no default dates are suggested; to renew, enter dates no later than {max} yourself',
  'inputLimits.nextTermCannotStart':
    'This contract ends on {endsOn}, so a next term could only start after {max}, outside the supported dates ({min} to {max}); it cannot be renewed',
  'inputLimits.demoTodayRange':
    'The demo data holds dates before and after "today", all within the supported range, so "today" must lie between {min} and {max}',
  'inputLimits.dbEmptyFile':
    'The data file {file} is empty (0 bytes), so it holds no archive; it may have been cut short while copying or syncing. Renewal Desk has not changed it and created no tables in it. Close Renewal Desk and copy one of the backups in {backupsDir} (usually the newest) to {file}, or move the file elsewhere to start a new, empty archive.',
  'inputLimits.dbNotSqlite':
    'The data file {file} is not an SQLite database (it does not start with the SQLite header); it may be damaged or overwritten by another file, so it cannot be opened as a Renewal Desk archive. Renewal Desk has not changed it. Check that you chose the right file; to recover your data, close Renewal Desk and copy one of the backups in {backupsDir} (usually the newest) to {file}, or move the file elsewhere to start a new, empty archive.',
};
