import {
  lifecycleHistoryOf,
  lifecycleOf,
  lifecyclePage,
  liveCustomerName,
  warningPage,
  winBackPage,
  type LifecycleChange,
  type LifecycleListRow,
  type LifecyclePage,
} from '../../../db/repositories/lifecycleRepo.ts';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { LifecycleItem } from '../../../shared/api/lifecycle.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { winBackFrom, type LifecycleRules } from '../../../shared/domain/lifecycleRules.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { renderIn, type Message } from '../../../shared/i18n/message.ts';
import { archiveLocale } from '../archiveLocale.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readLifecycleRules, saveLifecycleRules } from './lifecycleRules.service.ts';
import { recomputeLifecycle } from './recomputeLifecycle.ts';

function worded(locale: Locale, m: Message) {
  return { reason: renderIn(locale, m), reasonKey: m.key, reasonParams: m.params };
}

function item(locale: Locale, r: LifecycleListRow): LifecycleItem {
  return {
    customerId: r.customerId,
    name: r.name,
    stage: r.stage,
    since: r.since,
    ...worded(locale, r.reason),
    loyalty: r.loyalty,
    consecutiveRenewals: r.consecutiveRenewals,
    years: r.years,
    lastAmountFen: r.lastAmountFen,
    lostOn: r.lostOn,
    lostReason: r.lostReason,
    signals: r.signals,
  };
}

async function itemsOf(ctx: ServiceContext, page: LifecyclePage) {
  const locale = await archiveLocale(ctx.db);
  return { items: page.items.map((r) => item(locale, r)), total: page.total };
}

export async function listLifecycles(ctx: ServiceContext, input: ApiParsedInput<'lifecycle:list'>) {
  return itemsOf(ctx, await lifecyclePage(ctx.db, input.stage, input.offset, input.limit, input.ownerId));
}

export async function listWarnings(ctx: ServiceContext, input: ApiParsedInput<'lifecycle:warning'>) {
  return itemsOf(ctx, await warningPage(ctx.db, input.offset, input.limit, input.ownerId));
}

export async function listWinBack(ctx: ServiceContext, input: ApiParsedInput<'lifecycle:winBack'>) {
  const from = winBackFrom(localDateOf(ctx.now()), await readLifecycleRules(ctx.db));
  return { ...(await itemsOf(ctx, await winBackPage(ctx.db, from, input.offset, input.limit, input.ownerId))), from };
}

export async function customerLifecycle(ctx: ServiceContext, customerId: string): Promise<ApiOutput<'lifecycle:customer'>> {
  const locale = await archiveLocale(ctx.db);
  const [current, history, name] = await Promise.all([lifecycleOf(ctx.db, customerId), lifecycleHistoryOf(ctx.db, customerId), liveCustomerName(ctx.db, customerId)]);
  return {
    current: current && name !== null ? item(locale, { ...current, name }) : null,
    history: history.map((h: LifecycleChange) => ({ stage: h.stage, previousStage: h.previousStage, on: h.on, ...worded(locale, h.reason) })),
  };
}

export async function setLifecycleRules(ctx: ServiceContext, rules: LifecycleRules): Promise<LifecycleRules> {
  await saveLifecycleRules(ctx, rules);
  await recomputeLifecycle(ctx, undefined, rules);
  return rules;
}
