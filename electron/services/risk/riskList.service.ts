// The 风险预警 list and its 首页 card, the list's window (a setting), the published warnings (the CLI's
// `risk --json`) and the effectiveness review.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { Warning } from '../../../shared/api/risk.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import type { HealthFactorContribution } from '../../../shared/domain/healthBands.ts';
import { DEFAULT_RISK_WINDOW_DAYS, reviewFigures } from '../../../shared/domain/riskWarnings.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Executor } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { listRiskCandidates, reviewedTerms, riskCandidateTotals } from '../../../db/repositories/riskTermsQuery.ts';
import { listWarnings } from '../../../db/repositories/riskWarningsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { predictContracts } from '../prediction/prediction.service.ts';
import { toWarningOutput } from './riskWarnings.service.ts';

export async function riskWindowDays(x: Executor): Promise<number> {
  const stored = await readStoredSetting(x, 'riskWindow');
  return typeof stored === 'number' && Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_RISK_WINDOW_DAYS;
}

/** The factors that took points off, most first: what the list explains a score with. */
export function topFactors(factors: readonly HealthFactorContribution[], n = 3): HealthFactorContribution[] {
  return factors
    .filter((f) => f.points < 0)
    .sort((a, b) => a.points - b.points)
    .slice(0, n);
}

async function windowOf(ctx: ServiceContext, today: string | undefined) {
  const day = today ?? localDateOf(ctx.now());
  const windowDays = await riskWindowDays(ctx.db);
  // "Within N days" counts today as the first of them, as the dashboard's upcoming buckets do.
  return { today: day, windowDays, until: addDaysIso(day, windowDays - 1) };
}

export async function listRisk(ctx: ServiceContext, input: ApiParsedInput<'risk:list'>): Promise<ApiOutput<'risk:list'>> {
  const w = await windowOf(ctx, input.today);
  const rows = await listRiskCandidates(ctx.db, w.today, w.until);
  const items = rows.map(({ factors, ...r }) => ({ ...r, topFactors: topFactors(factors) }));
  return {
    ...w,
    items,
    total: items.length,
    amountFen: rows.reduce((s, r) => s + (r.amountFen ?? 0), 0),
  };
}

export async function riskSummary(ctx: ServiceContext, input: ApiParsedInput<'risk:summary'>): Promise<ApiOutput<'risk:summary'>> {
  const w = await windowOf(ctx, input.today);
  const totals = await riskCandidateTotals(ctx.db, w.today, w.until);
  return { today: w.today, windowDays: w.windowDays, ...totals };
}

export async function setRiskWindow(ctx: ServiceContext, input: ApiParsedInput<'risk:setWindow'>): Promise<ApiOutput<'risk:setWindow'>> {
  return withTransaction(ctx.db, async (tx) => {
    const batchId = newId();
    await saveSetting(tx, 'riskWindow', input.days, auditMeta(ctx, 'update', batchId));
    return { windowDays: input.days, undoToken: batchId };
  });
}

export async function listPublishedWarnings(ctx: ServiceContext, input: ApiParsedInput<'risk:warnings'>): Promise<ApiOutput<'risk:warnings'>> {
  const items = await withRenewalOdds(ctx, (await listWarnings(ctx.db, { open: input.open })).map((r) => toWarningOutput(r, localDateOf(ctx.now()))));
  return { items, total: items.length };
}

/** An open warning's renewal probability (the model's, or its rule-based fallback); a closed one's term is decided. */
async function withRenewalOdds(ctx: ServiceContext, warnings: Warning[]): Promise<Warning[]> {
  const open = warnings.filter((w) => w.closedOn === null).map((w) => w.contractId);
  if (open.length === 0) return warnings;
  const odds = new Map((await predictContracts(ctx, open)).map((p) => [p.contractId, p.probability]));
  return warnings.map((w) => (w.closedOn === null ? { ...w, probability: odds.get(w.contractId) ?? null } : w));
}

export async function reviewWarnings(ctx: ServiceContext, input: ApiParsedInput<'risk:review'>): Promise<ApiOutput<'risk:review'>> {
  if (input.from > input.to) throw new AppError('VALIDATION', msg('riskErrors.periodReversed'), 'to');
  const terms = await reviewedTerms(ctx.db, input.from, input.to, input.ownerId);
  const items = terms.map((t) => ({ ...t, warned: t.warningStatus !== null }));
  return { from: input.from, to: input.to, ...reviewFigures(items), items };
}
