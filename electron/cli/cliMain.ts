import { AppError, type AppErrorData } from '../../shared/api/appError.ts';
import { apiContract } from '../../shared/api/apiContract.ts';
import { buildHandlerTable } from '../services/allHandlers.ts';
import { resolveDbFile } from '../services/dataLocation.ts';
import { dispatch, type HandlerTable } from '../services/handlerTable.ts';
import { createNodeNotifier } from '../services/notifier/nodeNotifierAdapter.ts';
import { stderrLogger } from '../services/logger.ts';
import { openServiceContext } from '../services/openServiceContext.ts';
import type { ServiceContext } from '../services/serviceContext.ts';
import { exitCodeForData, exitCodeForError } from './commandExitCodes.ts';
import { formatHuman, USAGE } from './formatOutput.ts';
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

function printError(error: AppErrorData, json: boolean): void {
  process.stderr.write(json ? `${JSON.stringify({ error })}\n` : `错误：${error.message}${error.field ? `（${error.field}）` : ''}\n`);
}

/** Runs one command; cliEntry.ts has already answered `--help`. */
export async function cliMain(argv: readonly string[]): Promise<number> {
  let cmd: ParsedCommand;
  try {
    cmd = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
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
      notifier: createNodeNotifier({ appName: '续约管家' }),
    });
  } catch (e) {
    if (e instanceof AppError) {
      printError(e.toData(), cmd.json);
      return 1;
    }
    throw e;
  }
  try {
    const result = await run(buildHandlerTable(), opened.ctx, cmd);
    if (!result.ok) {
      printError(result.error, cmd.json);
      return exitCodeForError(cmd.name, result.error);
    }
    process.stdout.write(cmd.json ? `${JSON.stringify(result.data, null, 2)}\n` : `${formatHuman(result.data)}\n`);
    return exitCodeForData(cmd.name, result.data);
  } finally {
    await opened.close();
  }
}
