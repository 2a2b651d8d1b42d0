import { usageEnUS } from './cliUsage.ts';
import type { cliZhCN } from '../zhCN/cli.ts';

export const cliEnUS: Record<keyof typeof cliZhCN, string> = {
  'cli.usage': usageEnUS,
  'cli.error': 'Error: {message}',
  'cli.errorField': 'Error: {message} ({field})',
  'cli.noRecords': '(no records)',
  'cli.total': '{n} {n|record|records} in all',
  'cli.rejected': 'Rejected rows:',
  'cli.warnings': 'Warnings:',
  'cli.moreIssues': '… {n} more not listed. All problems (CSV): renewal-desk import-issues {id} --out FILE.csv',
  'cli.issueAt': '  line {line}, {column}: {message}',
  'cli.issueRow': '  line {line}: {message}',
  'cli.missingCommand': 'No command given',
  'cli.unknownCommand': 'Unknown command: {command}',
  'cli.needsNumber': '--{flag} takes a number, got “{value}”',
  'cli.needsBoolean': '--{flag} is true or false',
  'cli.needsJson': '--{flag} takes a JSON object, or write it as --{flag}.field',
  'cli.unknownFlag': 'Unknown flag: --{flag}',
  'cli.noSubfields': 'The flag --{flag} has no fields',
  'cli.missingValue': 'The flag --{flag} needs a value',
  'cli.dbNeedsFile': '--db takes a file path',
  'cli.limitNeedsInteger': '--limit takes a positive whole number',
  'cli.extraArguments': 'Unexpected arguments: {words}',
  'cli.switchTakesNoValue': '--{flag} is a switch and takes no value (got “{value}”)',
  'cli.nowNeedsOffset': '--now takes an ISO-8601 time with its offset, such as 2026-12-01T09:00:00+08:00 (got “{value}”)',
};
