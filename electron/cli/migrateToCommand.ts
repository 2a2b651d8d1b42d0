import { AppError } from '../../shared/api/appError.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import { msg, renderMessage, translatorFor } from '../../shared/i18n/message.ts';
import { dbLocationOf, describeLocation, resolveDbLocation } from '../services/dataLocation.ts';
import { migrateArchive, type TableCopyReport } from '../services/teamMode/migrateArchive.ts';
import { UsageError } from './parseCommandLine.ts';

interface MigrateToCommand {
  db: string | undefined;
  target: string;
  json: boolean;
}

/** Whether the command line's first word is `migrate-to` (global flags may come before it). */
export function isMigrateTo(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') i++;
    else if (!arg.startsWith('--')) return arg === 'migrate-to';
  }
  return false;
}

/** `renewal-desk [--db SOURCE] migrate-to TARGET [--json]`. */
export function parseMigrateTo(argv: readonly string[]): MigrateToCommand {
  let db: string | undefined;
  let json = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' || arg.startsWith('--db=')) {
      const value = arg === '--db' ? argv[++i] : arg.slice('--db='.length);
      if (!value) throw new UsageError(msg('cli.dbNeedsFile'));
      db = value;
    } else if (arg === '--json') json = true;
    else if (arg.startsWith('--')) throw new UsageError(msg('cli.unknownFlag', { flag: arg.slice(2) }));
    else words.push(arg);
  }
  const [, target, ...extra] = words;
  if (!target) throw new UsageError(msg('migrateTo.needsTarget'));
  if (extra.length > 0) throw new UsageError(msg('cli.extraArguments', { words: extra.join(' ') }));
  return { db, target, json };
}

function reportLines(tables: readonly TableCopyReport[], t: Translate): string[] {
  return [
    t('migrateTo.reportHeader'),
    ...tables.map((r) =>
      t('migrateTo.reportRow', {
        table: r.table,
        sourceRows: r.sourceRows,
        targetRows: r.targetRows,
        hash: r.ok ? r.targetSha256.slice(0, 16) : `${r.sourceSha256.slice(0, 16)} ≠ ${r.targetSha256.slice(0, 16)}`,
        status: t(r.ok ? 'migrateTo.rowOk' : 'migrateTo.rowMismatch'),
      }),
    ),
  ];
}

/**
 * Runs `migrate-to` in this process, not through a backend worker: it opens both archives itself, the source only
 * when no desktop app or web host owns it. Exit codes: 0 moved and verified, 1 refused or a difference found
 * (the target then holds nothing of the copy), 2 usage error.
 */
export async function migrateToMain(argv: readonly string[], locale: Locale): Promise<number> {
  const t = translatorFor(locale);
  let cmd: MigrateToCommand;
  try {
    cmd = parseMigrateTo(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${renderMessage(t, e.detail)}\n\n${t('cli.usage')}\n`);
    return 2;
  }
  const source = resolveDbLocation({ cliDb: cmd.db });
  const target = dbLocationOf(cmd.target);
  if (!cmd.json) process.stderr.write(`${t('migrateTo.copying', { source: describeLocation(source), target: describeLocation(target) })}\n`);
  let result;
  try {
    result = await migrateArchive(source, target);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const error = e.toData(locale);
    process.stderr.write(cmd.json ? `${JSON.stringify({ error })}\n` : `${t('cli.error', { message: error.message })}\n`);
    return 1;
  }
  const rows = result.tables.reduce((n, r) => n + r.targetRows, 0);
  const summary = result.ok ? [t('migrateTo.done', { tables: result.tables.length, rows })] : [];
  process.stdout.write(cmd.json ? `${JSON.stringify(result, null, 2)}\n` : `${[...reportLines(result.tables, t), ...summary].join('\n')}\n`);
  if (!result.ok) process.stderr.write(`${t('migrateTo.failed')}\n`);
  return result.ok ? 0 : 1;
}
