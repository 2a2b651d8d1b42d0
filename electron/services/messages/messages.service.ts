// Messages to the customer (issue 14): a tier's wording of a kind, filled for one customer (and the contract,
// contact or holiday it is about), copied by the owner into WeChat or an SMS, then marked 已发送, which logs a
// follow-up and closes the reminder it came from.
import { differenceInCalendarDays } from 'date-fns';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { MessageTemplate } from '../../../shared/api/messages.contract.ts';
import { localDateOf, parseIsoDate } from '../../../shared/domain/dates.ts';
import { followUpChannelLabels, labelOf, type Locale } from '../../../shared/i18n/enumLabels.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { msg, renderIn, translatorFor } from '../../../shared/i18n/message.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { defaultMessageTemplate, MESSAGE_KINDS, withoutBlankParts, type MessageKind } from '../../../shared/messages/customerMessages.ts';
import { holidayName, holidayRunOn, nextHolidayRun } from '../../../shared/messages/holidayGreetings.ts';
import { careValuesOf, mergeValuesOf, renderCareMessage, type CareFieldEn } from '../../../shared/reminders/reminderTemplate.ts';
import type { Executor } from '../../../db/handle.ts';
import {
  contactMessageFacts,
  contractMessageFacts,
  customerMessageFacts,
  findMessageTemplate,
  findOffer,
  listMessageTemplates,
  nearestContractId,
  saveMessageTemplate,
} from '../../../db/repositories/careMessagesRepo.ts';
import { insertFollowUp } from '../../../db/repositories/followUpsRepo.ts';
import { listContractInstalments } from '../../../db/repositories/instalmentsRepo.ts';
import { markReadForReminder } from '../../../db/repositories/notificationsRepo.ts';
import { closeReminder, getReminder } from '../../../db/repositories/remindersRepo.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { loadReminderConfig, type ReminderConfig } from '../reminders/reminderConfig.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function listTemplates(ctx: ServiceContext): Promise<ApiOutput<'messages:templates'>> {
  const { locale } = await loadReminderConfig(ctx.db);
  const stored = new Map((await listMessageTemplates(ctx.db)).map((t) => [`${t.tier}|${t.kind}`, t.body]));
  const items: MessageTemplate[] = [];
  for (const tier of await listTiers(ctx.db)) {
    for (const kind of MESSAGE_KINDS) {
      const own = stored.get(`${tier.code}|${kind}`);
      items.push({ tier: tier.code, kind, body: own ?? defaultMessageTemplate(tier.code, kind, locale), isDefault: own === undefined });
    }
  }
  return { items, total: items.length };
}

export async function setTemplate(ctx: ServiceContext, input: ApiParsedInput<'messages:setTemplate'>): Promise<MessageTemplate> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await listTiers(tx)).some((t) => t.code === input.tier)) throw new AppError('NOT_FOUND', msg('messages.errors.tierMissing'), 'tier');
    await saveMessageTemplate(tx, input.tier, input.kind, input.template, auditMeta(ctx, input.template === null ? 'reset' : 'update'));
    const { locale } = await loadReminderConfig(tx);
    return { tier: input.tier, kind: input.kind, body: input.template ?? defaultMessageTemplate(input.tier, input.kind, locale), isDefault: input.template === null };
  });
}

/** What a message is about, once a reminder (if any) has been resolved. */
interface Target {
  kind: MessageKind;
  customerId: string;
  contractId: string | null;
  contactId: string | null;
  /** A holiday greeting's holiday (its first day); else the next holiday from today. */
  holidayOn: string | null;
}

async function targetOf(x: Executor, input: ApiParsedInput<'messages:render'>): Promise<Target> {
  if (input.reminderId) {
    const r = await getReminder(x, input.reminderId);
    if (!r) throw new AppError('NOT_FOUND', msg('errors.reminderMissing'), 'reminderId');
    const base = { customerId: r.customerId, contractId: null, contactId: null, holidayOn: null };
    if (r.kind === 'birthday') return { ...base, kind: input.kind ?? 'birthday', contactId: r.subjectId };
    if (r.kind === 'holiday') return { ...base, kind: input.kind ?? 'holiday', holidayOn: r.occurrenceDate };
    if (r.kind === 'expiry' || r.kind === 'remind') return { ...base, kind: input.kind ?? 'expiry', contractId: r.subjectId };
    // A follow-up's next date: ask how it went (a satisfaction survey invitation) unless another kind is asked for.
    if (r.kind === 'followup') return { ...base, kind: input.kind ?? 'survey' };
    if (input.kind) return { ...base, kind: input.kind };
    throw new AppError('VALIDATION', msg('messages.errors.nothingToSay'), 'reminderId');
  }
  if (!input.customerId || !input.kind) throw new AppError('VALIDATION', msg('messages.errors.nothingToSay'), 'customerId');
  return { kind: input.kind, customerId: input.customerId, contractId: input.contractId ?? null, contactId: input.contactId ?? null, holidayOn: null };
}

function instalmentText(locale: Locale, items: readonly { dueOn: string; dueAmountFen: number }[], currency: string): string {
  if (items.length === 0) return '';
  const t = translatorFor(locale);
  const list = joinWith(
    t,
    'common.clauses',
    items.map((i) => t('messages.instalmentItem', { dueOn: i.dueOn, amount: formatMoney(i.dueAmountFen, currency) })),
  );
  return t('messages.instalmentText', { n: items.length, list });
}

/** The contract's live instalments as the offer's instalment part, in words. */
export async function offerInstalments(x: Executor, contractId: string, currency: string, locale: Locale) {
  const instalments = (await listContractInstalments(x, contractId)).map((i) => ({ dueOn: i.dueOn, dueAmountFen: i.dueAmountFen }));
  return { instalments, instalmentText: instalmentText(locale, instalments, currency) };
}

async function render(ctx: ServiceContext, x: Executor, target: Target, config: ReminderConfig): Promise<ApiOutput<'messages:render'>> {
  const { locale } = config;
  const customer = await customerMessageFacts(x, target.customerId);
  if (!customer) throw new AppError('NOT_FOUND', msg('errors.customerMissing'), 'customerId');
  const today = localDateOf(ctx.now());
  const wantsContract = target.kind === 'expiry' || target.kind === 'offer';
  const contractId = target.contractId ?? (wantsContract ? await nearestContractId(x, customer.customerId, today) : null);
  const contract = contractId ? await contractMessageFacts(x, contractId) : undefined;
  if (contract && contract.customerId !== customer.customerId) throw new AppError('VALIDATION', msg('messages.errors.contractOfOtherCustomer'), 'contractId');
  const contact = target.contactId ? await contactMessageFacts(x, target.contactId) : undefined;
  const base = mergeValuesOf({
    customer: customer.customerName,
    contact: contact?.name ?? customer.contactName ?? '',
    contractNo: contract?.contractNo ?? '',
    endDate: contract?.endsOn ?? '',
    daysLeft: contract?.endsOn ? String(differenceInCalendarDays(parseIsoDate(contract.endsOn), parseIsoDate(today))) : '',
    amount: contract?.amountFen != null ? formatMoney(contract.amountFen, contract.currency) : '',
    owner: contract?.ownerName ?? customer.ownerName ?? '',
  });
  const extra: Partial<Record<CareFieldEn, string>> = {};
  if (contact?.birthday) {
    const [, m, d] = contact.birthday.split('-');
    extra.birthday = renderIn(locale, msg('messages.birthdayDate', { m: Number(m), d: Number(d) }));
  }
  const run = target.holidayOn ? holidayRunOn(config.holidayRuns, target.holidayOn) : nextHolidayRun(config.holidayRuns, today);
  if (run) extra.holiday = holidayName(run, locale);
  if (contract) {
    const offer = await findOffer(x, contract.contractId);
    extra.offer = offer?.discount ?? '';
    extra.gift = offer?.gift ?? '';
    extra.instalments = (await offerInstalments(x, contract.contractId, contract.currency, locale)).instalmentText;
  }
  const values = careValuesOf(base, extra);
  const template = (await findMessageTemplate(x, customer.tier, target.kind))?.body ?? defaultMessageTemplate(customer.tier, target.kind, locale);
  const text = renderCareMessage(withoutBlankParts(template, values), values).trim();
  return { kind: target.kind, tier: customer.tier, customerId: customer.customerId, customerName: customer.customerName, contractId: contract?.contractId ?? null, text };
}

export async function renderMessage(ctx: ServiceContext, input: ApiParsedInput<'messages:render'>): Promise<ApiOutput<'messages:render'>> {
  const config = await loadReminderConfig(ctx.db);
  return render(ctx, ctx.db, await targetOf(ctx.db, input), config);
}

/** 已发送: a follow-up of kind other by the chosen channel, its summary the message; the reminder is done. */
export async function markSent(ctx: ServiceContext, input: ApiParsedInput<'messages:markSent'>): Promise<ApiOutput<'messages:markSent'>> {
  return withTransaction(ctx.db, async (tx) => {
    const customer = await customerMessageFacts(tx, input.customerId);
    if (!customer) throw new AppError('NOT_FOUND', msg('errors.customerMissing'), 'customerId');
    const contractId = input.contractId ?? null;
    if (contractId) {
      const contract = await contractMessageFacts(tx, contractId);
      if (!contract || contract.customerId !== customer.customerId) throw new AppError('VALIDATION', msg('messages.errors.contractOfOtherCustomer'), 'contractId');
    }
    const { locale } = await loadReminderConfig(tx);
    const meta = auditMeta(ctx, 'create');
    const summary = renderIn(
      locale,
      msg('messages.sentSummary', { kind: msg(`messages.kind.${input.kind}`), channel: labelOf(followUpChannelLabels, input.channel, locale), text: input.messageText }),
    ).slice(0, 5000);
    const followUpId = await insertFollowUp(
      tx,
      { customerId: customer.customerId, contractId, at: meta.at, channel: input.channel, kind: 'other', summary, nextFollowUpOn: null, ownerId: null },
      meta,
    );
    let reminderClosed = false;
    if (input.reminderId) {
      const step = await getReminder(tx, input.reminderId);
      if (step && step.customerId === customer.customerId && step.doneAt === null) {
        await closeReminder(tx, step.id, meta.at);
        await markReadForReminder(tx, step.id, meta.at);
        reminderClosed = true;
      }
    }
    return { followUpId, reminderClosed };
  });
}
