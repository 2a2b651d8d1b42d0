import { AppError, type AppErrorData } from '../../shared/api/appError.ts';
import { apiContract } from '../../shared/api/apiContract.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import { renderMessage, translatorFor } from '../../shared/i18n/message.ts';
import { archiveLocale } from '../services/archiveLocale.ts';
import { buildHandlerTable } from '../services/allHandlers.ts';
import { resolveDbFile } from '../services/dataLocation.ts';
import { dispatch, type HandlerTable } from '../services/handlerTable.ts';
import { createNodeNotifier } from '../services/notifier/nodeNotifierAdapter.ts';
import { stderrLogger } from '../services/logger.ts';
import { openServiceContext } from '../services/openServiceContext.ts';
import type { ServiceContext } from '../services/serviceContext.ts';
import { exitCodeForData, exitCodeForError } from './commandExitCodes.ts';
import { environmentLocale } from './cliLocale.ts';
import { formatHuman } from './formatOutput.ts';
import { parseCommandLine, UsageError, type ParsedCommand } from './parseCommandLine.ts';
import { objectShape } from './zodFlags.ts';

const PAGE = 500;

/** Lists come back whole unless --limit asked for one page: scripts should not have to page. */
async function run(table: HandlerTable, ctx: ServiceContext, cmd: ParsedCommand) {
  const paged = cmd.limit === undefined && 'offset' in (objectShape(apiContract[cmd.name].input) ?? {});
  if (!paged) return dispatch(table, ctx, cmd.name, cmd.input);
  const items: unknown[] = [];
  let total = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await dispatch(table, ctx, cmd.name, { ...cmd.input, offset, limit: PAGE });
    if (!page.ok) return page;
    const data = page.data as { items: unknown[]; total: number };
    items.push(...data.items);
    total = data.total;
    if (data.items.length < PAGE || items.length >= total) break;
  }
  return { ok: true as const, data: { items, total } };
}

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
    const result = await run(buildHandlerTable(), opened.ctx, cmd);
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
