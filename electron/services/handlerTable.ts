import type { z } from 'zod';
import { AppError, type AppErrorData, type Envelope } from '../../shared/api/appError.ts';
import { apiContract, isApiName, type ApiName, type ApiOutput, type ApiParsedInput } from '../../shared/api/apiContract.ts';
import { announceChanges } from './announceChanges.ts';
import type { Logger } from './logger.ts';
import type { ServiceContext } from './serviceContext.ts';

export interface Handler<N extends ApiName> {
  input: (typeof apiContract)[N]['input'];
  run(ctx: ServiceContext, input: ApiParsedInput<N>): Promise<ApiOutput<N>>;
}
export type HandlerTable = { [N in ApiName]: Handler<N> };
export type HandlersFor<D extends string> = { [N in Extract<ApiName, `${D}:${string}`>]: Handler<N> };

/** Pairs each run function with its contract's input schema, so a handler cannot drift from the contract. */
export function handlersFor<D extends string>(
  _domain: D,
  runs: { [N in Extract<ApiName, `${D}:${string}`>]: Handler<N>['run'] },
): HandlersFor<D> {
  const out: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(runs)) {
    out[name] = { input: apiContract[name as ApiName].input, run };
  }
  return out as HandlersFor<D>;
}

/** Merges domain tables into one; a name defined twice is a programming error caught at start-up. */
export function registerHandlers(...parts: readonly Partial<HandlerTable>[]): HandlerTable {
  const table: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in table) throw new Error(`handler registered twice: ${name}`);
      table[name] = handler;
    }
  }
  const missing = Object.keys(apiContract).filter((n) => !(n in table));
  if (missing.length > 0) throw new Error(`contract operations without a handler: ${missing.join(', ')}`);
  return table as HandlerTable;
}

export function zodIssueToError(error: z.ZodError): AppErrorData {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  return { code: 'VALIDATION', field, message: issue?.message ?? '输入不正确' };
}

function toErrorData(e: unknown, logger: Logger, name: string): AppErrorData {
  if (e instanceof AppError) return e.toData();
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_BUSY') return { code: 'CONFLICT', field: null, message: '数据库正忙，请稍后重试' };
  logger.error(`handler ${name} failed`, e);
  return { code: 'INTERNAL', field: null, message: '内部错误，操作未完成，数据未被修改' };
}

/**
 * The single entry for IPC, HTTP and the CLI: unknown names and invalid input are refused before any
 * service runs, and nothing throws across the boundary. A successful write announces the domains its contract
 * declares, before the caller gets its answer, so every window refetches what the write changed.
 */
export async function dispatch(table: HandlerTable, ctx: ServiceContext, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isApiName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', field: null, message: `未知的操作：${name}` } };
  }
  const handler = table[name] as unknown as Handler<ApiName>;
  const parsed = handler.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: zodIssueToError(parsed.error) };
  let data: unknown;
  try {
    data = await handler.run(ctx, parsed.data as never);
  } catch (e) {
    return { ok: false, error: toErrorData(e, ctx.logger, name) };
  }
  try {
    announceChanges(ctx, name);
  } catch (e) {
    // The write is committed; a listener that failed must not turn it into an error.
    ctx.logger.warn(`announcing the changes of ${name} failed`, e);
  }
  return { ok: true, data };
}
