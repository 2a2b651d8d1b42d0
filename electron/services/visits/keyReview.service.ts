// The key customer's annual review (重点客户年度回顾) and the two sheets: the visit plan (export visits) and the
// reviews of every key customer (export keyReview), both through writeSheetFile like every sheet export.
//
// The review reads what the archive holds: contracts started in the year, terms ending in it and their outcome
// (report_terms, as the reports count them), follow-ups, 投诉 follow-ups, the visit plan's adherence, the health
// score, the open risk warnings, and the year's complaints and satisfaction surveys (db/repositories/careYearFacts.ts).
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import type { CustomerPlan, KeyCustomerReview } from '../../../shared/api/visits.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { countVisits } from '../../../shared/domain/visitPlan.ts';
import type { ExportCell } from '../../../shared/importExport/exportCells.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import type { MessageKey } from '../../../shared/i18n/zhCN.ts';
import { tierLabelIn } from '../../../shared/tiers/tierTable.ts';
import type { Executor } from '../../../db/handle.ts';
import { careYearFacts } from '../../../db/repositories/careYearFacts.ts';
import { managerHistory, reviewFacts } from '../../../db/repositories/keyCustomersRepo.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import { writeSheetFile } from '../export/sheetFile.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { toAssignment } from './keyCustomers.service.ts';
import { buildPlans, withRate, yearInstants } from './visitPlan.service.ts';

async function reviewOf(x: Executor, plan: CustomerPlan | undefined, customerId: string, year: number): Promise<KeyCustomerReview> {
  const customer = await requireCustomer(x, customerId, 'customerId');
  const { fromAt, untilAt } = yearInstants(year);
  const facts = await reviewFacts(x, customerId, `${year}-01-01`, `${year}-12-31`, fromAt, untilAt);
  const care = await careYearFacts(x, customerId, `${year}-01-01`, `${year}-12-31`, fromAt, untilAt);
  const history = (await managerHistory(x, customerId)).map(toAssignment);
  const current = history.find((h) => h.untilOn === null);
  return {
    customerId,
    customerName: customer.name,
    tier: customer.tier,
    year,
    managerName: current?.managerName ?? null,
    backupName: current?.backupName ?? null,
    contractsStarted: facts.contractsStarted,
    contractValueFen: facts.contractValueFen,
    termsDue: facts.termsDue,
    renewed: facts.renewed,
    lost: facts.lost,
    renewedAmountFen: facts.renewedAmountFen,
    followUps: facts.followUps,
    complaintFollowUps: facts.complaintFollowUps,
    complaintsReceived: care.complaintsReceived,
    complaintsOpen: care.complaintsOpen,
    surveys: care.surveys,
    satisfactionAverage: care.satisfactionAverage,
    visits: withRate(countVisits(plan?.visits ?? [])),
    healthScore: facts.healthScore,
    healthBand: facts.healthBand,
    openWarnings: facts.openWarnings,
    history,
  };
}

export async function keyCustomerReview(ctx: ServiceContext, input: ApiParsedInput<'visits:review'>): Promise<ApiOutput<'visits:review'>> {
  const today = localDateOf(ctx.now());
  const year = input.year ?? Number(today.slice(0, 4));
  const plans = await buildPlans(ctx.db, year, today);
  const plan = plans.find((p) => p.customerId === input.customerId);
  if (!plan) throw new AppError('VALIDATION', msg('visitErrors.notKey'), 'customerId');
  return reviewOf(ctx.db, plan, input.customerId, year);
}

const localeOfHeaders = (headers: 'zh' | 'en'): Locale => (headers === 'zh' ? 'zh-CN' : 'en-US');

const PLAN_COLUMNS: readonly MessageKey[] = [
  'visits.sheet.customer', 'visits.sheet.tier', 'visits.sheet.manager', 'visits.sheet.backup', 'visits.sheet.standard',
  'visits.sheet.periodStart', 'visits.sheet.periodEnd', 'visits.sheet.index', 'visits.sheet.status', 'visits.sheet.doneOn',
];

const REVIEW_COLUMNS: readonly MessageKey[] = [
  'visits.sheet.customer', 'visits.sheet.tier', 'visits.sheet.manager', 'visits.sheet.backup', 'visits.sheet.contractsStarted',
  'visits.sheet.contractValue', 'visits.sheet.termsDue', 'visits.sheet.renewed', 'visits.sheet.lost', 'visits.sheet.renewedAmount',
  'visits.sheet.followUps', 'visits.sheet.complaints', 'visits.sheet.visitsPlanned', 'visits.sheet.visitsDone', 'visits.sheet.visitsMissed',
  'visits.sheet.healthScore', 'visits.sheet.openWarnings', 'visits.sheet.complaintsReceived', 'visits.sheet.complaintsOpen',
  'visits.sheet.surveys', 'visits.sheet.satisfaction',
];

function standardText(locale: Locale, plan: CustomerPlan): string {
  if (!plan.standard) return renderIn(locale, msg('visits.noStandard'));
  return renderIn(locale, msg('visits.standardText', { period: renderIn(locale, msg(`visits.period.${plan.standard.period}`)), n: plan.standard.visits }));
}

/** `export visits`: one row per planned visit of every key customer for the year (default: this year). */
export async function exportVisits(ctx: ServiceContext, input: ApiParsedInput<'export:visits'>): Promise<ExportResult> {
  const locale = localeOfHeaders(input.headers);
  const today = localDateOf(ctx.now());
  const year = input.year ?? Number(today.slice(0, 4));
  const sheetName = renderIn(locale, msg('visits.sheet.planName'));
  return writeSheetFile(ctx, {
    fileName: `${sheetName}-${year}-${today}.${input.format}`,
    sheetName,
    format: input.format,
    write: async (sink) => {
      sink.header(PLAN_COLUMNS.map((k) => renderIn(locale, msg(k))));
      const tiers = await listTiers(ctx.db);
      let rows = 0;
      for (const p of await buildPlans(ctx.db, year, today)) {
        // As visits:plan: a plan is its visit manager's, else its owner's.
        if (input.ownerId !== undefined && p.planOwnerId !== input.ownerId) continue;
        for (const v of p.visits) {
          const cells: ExportCell[] = [
            p.customerName, tierLabelIn(tiers, p.tier, locale), p.planOwnerName, p.backupName, standardText(locale, p),
            { date: v.periodStart }, { date: v.periodEnd }, String(v.index), renderIn(locale, msg(`visits.status.${v.status}`)),
            v.doneOn === null ? null : { date: v.doneOn },
          ];
          sink.row(cells);
          rows += 1;
        }
      }
      return rows;
    },
  });
}

/** `export keyReview`: the annual review of every key customer, one row each. */
export async function exportKeyReview(ctx: ServiceContext, input: ApiParsedInput<'export:keyReview'>): Promise<ExportResult> {
  const locale = localeOfHeaders(input.headers);
  const today = localDateOf(ctx.now());
  const year = input.year ?? Number(today.slice(0, 4));
  const sheetName = renderIn(locale, msg('visits.sheet.reviewName'));
  return writeSheetFile(ctx, {
    fileName: `${sheetName}-${year}-${today}.${input.format}`,
    sheetName,
    format: input.format,
    write: async (sink) => {
      sink.header(REVIEW_COLUMNS.map((k) => renderIn(locale, msg(k))));
      const tiers = await listTiers(ctx.db);
      // As visits:plan: a plan is its visit manager's, else its owner's.
      const plans = (await buildPlans(ctx.db, year, today)).filter((p) => input.ownerId === undefined || p.planOwnerId === input.ownerId);
      for (const p of plans) {
        const r = await reviewOf(ctx.db, p, p.customerId, year);
        sink.row([
          r.customerName, tierLabelIn(tiers, r.tier, locale), r.managerName, r.backupName, String(r.contractsStarted),
          { amountFen: r.contractValueFen }, String(r.termsDue), String(r.renewed), String(r.lost), { amountFen: r.renewedAmountFen },
          String(r.followUps), String(r.complaintFollowUps), String(r.visits.planned), String(r.visits.done), String(r.visits.missed),
          r.healthScore === null ? null : String(r.healthScore), String(r.openWarnings), String(r.complaintsReceived), String(r.complaintsOpen),
          String(r.surveys), r.satisfactionAverage === null ? null : r.satisfactionAverage.toFixed(2),
        ]);
      }
      return plans.length;
    },
  });
}
