import { AppError, type AppErrorData } from '../../shared/api/appError.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import { renderMessage, translatorFor } from '../../shared/i18n/message.ts';
import { archiveLocale } from '../services/archiveLocale.ts';
import { buildHandlerTable } from '../services/allHandlers.ts';
import { resolveDbFile } from '../services/dataLocation.ts';
import { dispatch } from '../services/handlerTable.ts';
import { createNodeNotifier } from '../services/notifier/nodeNotifierAdapter.ts';
import { stderrLogger } from '../services/logger.ts';
import { openServiceContext } from '../services/openServiceContext.ts';
import { exitCodeForData, exitCodeForError } from './commandExitCodes.ts';
import { environmentLocale } from './cliLocale.ts';
import { formatHuman } from './formatOutput.ts';
import { parseCommandLine, UsageError, type ParsedCommand } from './parseCommandLine.ts';
import { runCommand } from './runCommand.ts';

function printError(error: AppErrorData, json: boolean, t: Translate): void {
  const human = error.field ? t('cli.errorField', { message: error.message, field: error.field }) : t('cli.error', { message: error.message });
  process.stderr.write(json ? `${JSON.stringify({ error })}\n` : `${human}\n`);
}

/**
 * Runs one command; cliEntry.ts has already answered `--help`. Until the archive is open the CLI speaks the
 * environment's language; after that, the archive's (its messages come worded in it from dispatch too).
 */
export async function cliMain(argv: readonly string[]): Promise<number> {
  const before = environmentLocale();
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
  let opened;
  try {
    opened = await openServiceContext({
      file: resolveDbFile({ cliDb: cmd.db }),
      logger: stderrLogger('cli'),
      // `remind` shows what it fires as native notifications (notify-send over D-Bus on Linux).
      notifier: createNodeNotifier({ appName: translatorFor(before)('app.name') }),
    });
  } catch (e) {
    if (e instanceof AppError) {
      printError(e.toData(before), cmd.json, translatorFor(before));
      return 1;
    }
    throw e;
  }
  try {
    const t = translatorFor(await archiveLocale(opened.ctx.db));
    const table = buildHandlerTable();
    const ctx = opened.ctx;
    let result;
    try {
      result = await runCommand((name, input) => dispatch(table, ctx, name, input), cmd);
    } catch (e) {
      // A file on the user's side that the CLI could not read or write.
      if (!(e instanceof AppError)) throw e;
      result = { ok: false as const, error: e.toData(await archiveLocale(ctx.db)) };
    }
    if (!result.ok) {
      printError(result.error, cmd.json, t);
      return exitCodeForError(cmd.name, result.error);
    }
    process.stdout.write(cmd.json ? `${JSON.stringify(result.data, null, 2)}\n` : `${formatHuman(result.data, t)}\n`);
    return exitCodeForData(cmd.name, result.data);
  } finally {
    await opened.close();
  }
}
