import type { z } from 'zod';
import { AppError, errorData, type AppErrorData, type Envelope } from '../../shared/api/appError.ts';
import { apiContract, changesOf, isApiName, type ApiName, type ApiOutput, type ApiParsedInput } from '../../shared/api/apiContract.ts';
import { messageOfIssue } from '../../shared/api/catalogueIssue.ts';
import { zodErrorMap } from '../../shared/api/zodLocales.ts';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import { msg } from '../../shared/i18n/message.ts';
import { gateCall, type Gate } from './accounts/accessGate.ts';
import { applyOwnerScope, scopeOutput } from './accounts/ownerScope.ts';
import { announceChanges } from './announceChanges.ts';
import { archiveLocale } from './archiveLocale.ts';
import { refreshMarkedLifecycles } from './lifecycle/recomputeLifecycle.ts';
import { refreshMarkedHealth } from './health/recomputeHealth.ts';
import type { Logger } from './logger.ts';
import { syncWarningOutcomes } from './risk/warningOutcomes.ts';
import type { ServiceContext } from './serviceContext.ts';

/** What dispatch needs of a contract's input schema: a parse that yields the handler's own input type. */
export interface InputSchema<T> {
  safeParse(raw: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>): z.ZodSafeParseResult<T>;
}

export interface Handler<N extends ApiName> {
  input: InputSchema<ApiParsedInput<N>>;
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

/**
 * The first issue as an error: a contract's own message by its catalogue key, zod's own wording (the schema
 * gave none) as zod words it in `locale`.
 */
export function zodIssueToError(error: z.ZodError, locale: Locale): AppErrorData {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  const message = issue ? (messageOfIssue(issue.message) ?? msg('validation.zod', { detail: issue.message })) : msg('errors.invalidInput');
  return errorData('VALIDATION', message, field, locale);
}

function toErrorData(e: unknown, logger: Logger, name: string, locale: Locale): AppErrorData {
  if (e instanceof AppError) return e.toData(locale);
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_BUSY') return errorData('CONFLICT', msg('errors.busy'), null, locale);
  // SQLite rolled the whole write back; saying so beats an internal error the user cannot act on.
  if (code === 'SQLITE_FULL') return errorData('DISK_FULL', msg('storage.diskFull'), null, locale);
  logger.error(`handler ${name} failed`, e);
  return errorData('INTERNAL', msg('errors.internal'), null, locale);
}

/** Read only when there is something to word: most calls succeed and never need it. */
async function localeOfContext(ctx: ServiceContext): Promise<Locale> {
  try {
    return await archiveLocale(ctx.db);
  } catch {
    return 'zh-CN';
  }
}

async function runHandler<N extends ApiName>(handler: Handler<N>, ctx: ServiceContext, name: N, rawInput: unknown): Promise<Envelope<ApiOutput<N>>> {
  const parsed = handler.input.safeParse(rawInput);
  if (!parsed.success) {
    // Parsed again with zod's wording in the archive's language; the input checks are pure, so the issues are the same.
    const locale = await localeOfContext(ctx);
    const worded = handler.input.safeParse(rawInput, { error: zodErrorMap(locale) });
    return { ok: false, error: zodIssueToError(worded.success ? parsed.error : worded.error, locale) };
  }
  try {
    // Team mode's owner scoping, on the parsed input (the ids the handler will use): accounts/ownerScope.ts.
    return { ok: true, data: await scopeOutput(ctx, name, await handler.run(ctx, await applyOwnerScope(ctx, name, parsed.data))) };
  } catch (e) {
    return { ok: false, error: toErrorData(e, ctx.logger, name, await localeOfContext(ctx)) };
  }
}

/**
 * Derived like the reports, before a write answers: the customers it touched get their lifecycle stage and health
 * score (the renderer refetches them with the domains they derive from: renderer/api/invalidateDomains.ts), and a
 * term whose outcome it decided closes its open risk warning (an undone outcome reopens it). Each step's failure
 * is logged and never turns the committed write into an error.
 */
const AFTER_WRITE: readonly { what: string; run: (ctx: ServiceContext) => Promise<unknown> }[] = [
  { what: 'recomputing lifecycle stages', run: refreshMarkedLifecycles },
  { what: 'recomputing health scores', run: refreshMarkedHealth },
  { what: 'closing risk warnings', run: syncWarningOutcomes },
];

/**
 * The single entry for IPC, HTTP and the CLI: unknown names and invalid input are refused before any
 * service runs, and nothing throws across the boundary. A successful write announces the domains its contract
 * declares, before the caller gets its answer, so every window refetches what the write changed. Messages
 * come worded in the archive's language, with their catalogue key and parameters for callers that word them
 * in their own.
 */
export async function dispatch(table: HandlerTable, ctx: ServiceContext, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isApiName(name)) {
    return { ok: false, error: errorData('UNKNOWN_OPERATION', msg('errors.unknownOperation', { name }), null, await localeOfContext(ctx)) };
  }
  // Team mode: the caller's account and role, checked here for every operation (accounts/accessPolicy.ts).
  let gate: Gate;
  try {
    gate = await gateCall(ctx, name);
  } catch (e) {
    return { ok: false, error: toErrorData(e, ctx.logger, name, await localeOfContext(ctx)) };
  }
  if (!gate.ok) return { ok: false, error: errorData('FORBIDDEN', gate.message, null, await localeOfContext(ctx)) };
  const result = await runHandler(table[name], gate.ctx, name, rawInput ?? {});
  if (!result.ok) return result;
  if (changesOf(name).length > 0) {
    for (const step of AFTER_WRITE) {
      try {
        await step.run(gate.ctx);
      } catch (e) {
        ctx.logger.warn(`${step.what} after ${name} failed`, e);
      }
    }
  }
  try {
    announceChanges(ctx, name);
  } catch (e) {
    // The write is committed; a listener that failed must not turn it into an error.
    ctx.logger.warn(`announcing the changes of ${name} failed`, e);
  }
  return result;
}
