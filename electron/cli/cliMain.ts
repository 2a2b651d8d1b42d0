import { AppError, type AppErrorData } from '../../shared/api/appError.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import { localeOf, renderMessage, translatorFor } from '../../shared/i18n/message.ts';
import type { Backend } from '../services/backend/backend.ts';
import { openArchive } from '../services/backend/openArchive.ts';
import { readChosenLocation } from '../services/chosenLocation.ts';
import { resolveDbLocation, teamLocalDir, userDataDir } from '../services/dataLocation.ts';
import { stderrLogger } from '../services/logger.ts';
import { exitCodeForData, exitCodeForError } from './commandExitCodes.ts';
import { environmentLocale } from './cliLocale.ts';
import { closeCliSession, openCliSession } from './cliTeamSession.ts';
import { formatHuman } from './formatOutput.ts';
import { isMigrateTo, migrateToMain } from './migrateToCommand.ts';
import { parseCommandLine, UsageError, type ParsedCommand } from './parseCommandLine.ts';
import { runCommand } from './runCommand.ts';

function printError(error: AppErrorData, json: boolean, t: Translate): void {
  const human = error.field ? t('cli.errorField', { message: error.message, field: error.field }) : t('cli.error', { message: error.message });
  process.stderr.write(json ? `${JSON.stringify({ error })}\n` : `${human}\n`);
}

/**
 * Runs one command; cliEntry.ts has already answered `--help`. Until the archive is open the CLI speaks the
 * environment's language; after that, the archive's (its messages come worded in it from dispatch too). The archive
 * is served by a backend worker this process starts (it then owns the archive for the command), or by the process
 * that owns it already (the desktop, the web host): the CLI never opens the file behind an owner's back. A team
 * archive (`--db postgres://…`) is opened by this process itself: the server serialises every client's writes.
 */
export async function cliMain(argv: readonly string[], options: { workerScript: string }): Promise<number> {
  const before = environmentLocale();
  // Moving between engines opens both archives itself; it is no operation of the handler table.
  if (isMigrateTo(argv)) return migrateToMain(argv, before);
  let cmd: ParsedCommand;
  try {
    cmd = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      const t = translatorFor(before);
      process.stderr.write(`${renderMessage(t, e.detail)}\n\n${t('cli.usage')}\n`);
      return 2;
    }
    throw e;
  }
  const dataDir = userDataDir();
  const location = resolveDbLocation({ cliDb: cmd.db, chosen: readChosenLocation(dataDir) });
  let backend: Backend;
  try {
    // A team archive's password comes from the URL or PGPASSWORD (pg reads it): the CLI has no keychain.
    backend = await openArchive({
      location,
      localDir: teamLocalDir(dataDir),
      kind: 'cli',
      logger: stderrLogger('cli'),
      settings: {
        workerScript: options.workerScript,
        actor: 'local',
        // `remind` fires on demand; the CLI runs no scheduler of its own.
        tickIntervalMs: null,
        // `remind` shows what it fires as native notifications (notify-send over D-Bus on Linux).
        notifier: 'node',
        appName: translatorFor(before)('app.name'),
        autoBackup: false,
        threads: 'single',
        userDataDir: dataDir,
      },
    });
  } catch (e) {
    if (e instanceof AppError) {
      printError(e.toData(before), cmd.json, translatorFor(before));
      return 1;
    }
    throw e;
  }
  let session: string | null = null;
  try {
    // An SQLite archive has no accounts: only a team archive is asked whether the command must sign in.
    if (location.engine === 'postgres') {
      const signedIn = await openCliSession(backend, process.env, before);
      if (!signedIn.ok) {
        printError(signedIn.error, cmd.json, translatorFor(before));
        return exitCodeForError(cmd.name, signedIn.error);
      }
      session = signedIn.token;
    }
    const locale = await archiveLocaleOf(backend, before, session);
    const t = translatorFor(locale);
    let result;
    try {
      result = await runCommand((name, input) => backend.call(name, input, session), cmd);
    } catch (e) {
      // A file on the user's side that the CLI could not read or write.
      if (!(e instanceof AppError)) throw e;
      result = { ok: false as const, error: e.toData(locale) };
    }
    if (!result.ok) {
      printError(result.error, cmd.json, t);
      return exitCodeForError(cmd.name, result.error);
    }
    process.stdout.write(cmd.json ? `${JSON.stringify(result.data, null, 2)}\n` : `${formatHuman(result.data, t)}\n`);
    return exitCodeForData(cmd.name, result.data);
  } finally {
    await closeCliSession(backend, session);
    await backend.close();
  }
}

/** The archive's language (设置 → 语言), which the CLI speaks once the archive is open. */
async function archiveLocaleOf(backend: Backend, fallback: Locale, session: string | null): Promise<Locale> {
  const settings = await backend.call('settings:get', {}, session);
  return settings.ok ? localeOf((settings.data as { locale?: unknown }).locale) : fallback;
}
