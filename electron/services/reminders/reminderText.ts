import { differenceInCalendarDays, format } from 'date-fns';
import { parseIsoDate } from '../../../shared/domain/dates.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { isMessageKey, msg, renderIn, translatorFor, type Message, type MessageParam, type MessageParams } from '../../../shared/i18n/message.ts';
import { expiryTitleKey, type TierMap } from '../../../shared/reminders/reminderLadder.ts';
import { mergeValuesOf, renderReminder } from '../../../shared/reminders/reminderTemplate.ts';
import type { NotificationRequest } from '../notifier/notifier.ts';
import type { CareFacts, ExpiryFacts, PaymentFacts } from '../../../db/repositories/reminderClaimRepo.ts';
import type { ComplaintFacts } from '../../../db/repositories/complaintsRepo.ts';
import type { SurveyTaskFacts } from '../../../db/repositories/surveyCampaignsRepo.ts';

// The words of a notification, kept as catalogue keys and the facts they are worded from, so the centre words
// them in the archive's language when it shows them. The body of an expiry reminder is the tier's template;
// the title says how far off the end date is on the day it actually fired, which after a week off is not the
// day it was due.

export interface NotificationMessage {
  titleKey: MessageKey;
  /** null: the body is the tier's template (params.tier), filled from the same facts. */
  bodyKey: MessageKey | null;
  params: MessageParams;
  subjectUrl: string | null;
}

export interface NotificationText {
  title: string;
  body: string;
}

export function expiryMessage(facts: ExpiryFacts, today: string): NotificationMessage {
  const daysLeft = facts.endsOn ? differenceInCalendarDays(parseIsoDate(facts.endsOn), parseIsoDate(today)) : 0;
  return {
    titleKey: expiryTitleKey(daysLeft),
    bodyKey: null,
    params: {
      customer: facts.customerName,
      n: Math.abs(daysLeft),
      daysLeft,
      contact: facts.contactName ?? msg('notice.contactFallback'),
      contractNo: facts.contractNo,
      endsOn: facts.endsOn ?? '—',
      amount: formatMoney(facts.amountFen, facts.currency),
      // No owner: the template's owner words are left out ("负责人：负责人。" said nothing).
      owner: facts.ownerName ?? '',
      tier: facts.tier,
    },
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

/** 提醒日期: the one-off date the sheet set on a contract, on top of its ladder. */
export function remindDateMessage(facts: ExpiryFacts, occurrence: string): NotificationMessage {
  return {
    titleKey: 'notice.remindDateTitle',
    bodyKey: 'notice.remindDateBody',
    params: { customer: facts.customerName, contractNo: facts.contractNo, date: occurrence, endsOn: facts.endsOn ?? '—' },
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

/**
 * 回款逾期: "回款逾期：<客户> <合同编号> 应收 ¥x（<due date>）", the body the outstanding amount, the days overdue on
 * the day it fired (a week later after a week off) and the owner (the contract's, else the customer's) when any.
 */
export function paymentOverdueMessage(facts: PaymentFacts, today: string): NotificationMessage {
  const days = Math.max(0, differenceInCalendarDays(parseIsoDate(today), parseIsoDate(facts.dueOn)));
  const outstanding = formatMoney(Math.max(0, facts.dueAmountFen - facts.paidAmountFen), facts.currency);
  return {
    titleKey: 'notice.paymentOverdueTitle',
    bodyKey: facts.ownerName ? 'notice.paymentOverdueBody' : 'notice.paymentOverdueBodyNoOwner',
    params: {
      customer: facts.customerName,
      contractNo: facts.contractNo,
      amount: formatMoney(facts.dueAmountFen, facts.currency),
      dueOn: facts.dueOn,
      outstanding,
      n: days,
      owner: facts.ownerName ?? '',
    },
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

/** 投诉超时: "投诉超时：<客户> <摘要>", the body the severity, the deadline and the handler to act. */
export function complaintOverdueMessage(facts: ComplaintFacts): NotificationMessage {
  return {
    titleKey: 'notice.complaintOverdueTitle',
    bodyKey: 'notice.complaintOverdueBody',
    params: {
      customer: facts.customerName,
      summary: facts.summary.length > 40 ? `${facts.summary.slice(0, 40)}…` : facts.summary,
      severity: msg(`complaints.severity.${facts.severity}`),
      step: msg(`complaints.step.${facts.step}`),
      dueAt: format(new Date(facts.dueAt), 'yyyy-MM-dd HH:mm'),
      handler: facts.handlerName,
    },
    subjectUrl: `/complaints?id=${facts.complaintId}`,
  };
}

/** 满意度调查: "满意度调查：<客户>（<活动>）", the body the campaign date and the owner when any. */
export function surveyTaskMessage(facts: SurveyTaskFacts): NotificationMessage {
  return {
    titleKey: 'notice.surveyTaskTitle',
    bodyKey: facts.ownerName ? 'notice.surveyTaskBody' : 'notice.surveyTaskBodyNoOwner',
    params: { customer: facts.customerName, campaign: facts.campaignName, date: facts.onDate, owner: facts.ownerName ?? '' },
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

export function birthdayMessage(facts: CareFacts, occurrence: string, today: string): NotificationMessage {
  return {
    titleKey: 'notice.birthdayTitle',
    bodyKey: occurrence === today ? 'notice.birthdayToday' : 'notice.birthdayOn',
    params: { customer: facts.customerName, contact: facts.label, date: occurrence },
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

/** A holiday greeting's reminder; the holiday's name in both languages, so the centre words it in either. */
export function holidayMessage(customerId: string, customerName: string, holiday: { zh: string; en: string }, occurrence: string, locale: Locale): NotificationMessage {
  return {
    titleKey: 'notice.holidayTitle',
    bodyKey: 'notice.holidayBody',
    params: { customer: customerName, holiday: locale === 'zh-CN' ? holiday.zh : holiday.en, date: occurrence },
    subjectUrl: `/customers/${customerId}`,
  };
}

export function followUpMessage(facts: CareFacts, occurrence: string): NotificationMessage {
  return {
    titleKey: 'notice.followUpTitle',
    bodyKey: 'notice.followUpBody',
    params: { customer: facts.customerName, date: occurrence, summary: facts.label },
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

/** Notifications stored before owners could be left out carry the fallback word as their owner. */
const isOwnerFallback = (p: MessageParam | undefined) => typeof p === 'object' && 'key' in p && p.key === 'notice.ownerFallback';

const isTier = (v: unknown): v is Tier => typeof v === 'string';

function paramText(locale: Locale, p: MessageParam | undefined): string {
  if (p === undefined) return '';
  if (typeof p === 'object' && 'key' in p) return renderIn(locale, p);
  return typeof p === 'object' ? '' : String(p);
}

/** The title and body in `locale`; an expiry body is the tier's template (`templates`, in that language's defaults). */
export function wordNotification(m: Pick<NotificationMessage, 'titleKey' | 'bodyKey' | 'params'>, locale: Locale, templates: TierMap<string>): NotificationText {
  const t = (key: MessageKey) => renderIn(locale, msg(key, m.params));
  if (m.bodyKey !== null) return { title: t(m.titleKey), body: t(m.bodyKey) };
  const p = m.params;
  const template = (isTier(p['tier']) ? templates[p['tier']] : undefined) ?? templates.normal;
  const daysLeft = typeof p['daysLeft'] === 'number' ? p['daysLeft'] : 0;
  const body = renderReminder(
    template,
    mergeValuesOf({
      customer: paramText(locale, p['customer']),
      contact: paramText(locale, p['contact']),
      contractNo: paramText(locale, p['contractNo']),
      endDate: paramText(locale, p['endsOn']),
      daysLeft: paramText(locale, p['daysLeft']),
      amount: paramText(locale, p['amount']),
      owner: isOwnerFallback(p['owner']) ? '' : paramText(locale, p['owner']),
    }),
    daysLeft,
  );
  return { title: t(m.titleKey), body };
}

/**
 * Stored parameters are JSON written by an earlier tick: a NaN was stored as null (a tick run at a far-future
 * instant), and a null made wording throw, so one such row broke the whole notification centre.
 */
const isParam = (v: unknown): boolean =>
  typeof v === 'string' ||
  typeof v === 'number' ||
  (typeof v === 'object' &&
    v !== null &&
    (('key' in v && isMessageKey(v.key) && 'params' in v && isParams(v.params)) || ('list' in v && Array.isArray(v.list) && v.list.every(isParam))));
const isParams = (v: unknown): v is MessageParams => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isParam);

/**
 * A stored notification in `locale`: worded again from its keys and facts, or its stored text when it has none
 * (rows from before the keys were kept, a key this version does not know, or facts it cannot word).
 */
export function storedNotificationText(
  row: { title: string; body: string; titleKey: string | null; bodyKey: string | null; messageParams: unknown },
  locale: Locale,
  templates: TierMap<string>,
): NotificationText {
  const { titleKey, bodyKey, messageParams } = row;
  if (!isMessageKey(titleKey) || !(bodyKey === null || isMessageKey(bodyKey)) || !isParams(messageParams)) {
    return { title: row.title, body: row.body };
  }
  return wordNotification({ titleKey, bodyKey, params: messageParams }, locale, templates);
}

/** One toast for a tick that fired two or more: the count and the first few customers, in `locale`. */
export function digestRequest(items: readonly { customerName: string }[], locale: Locale): NotificationRequest {
  const names = [...new Set(items.map((i) => i.customerName))];
  const shown: Message['params'][string] = { list: names.slice(0, 3) };
  const t = translatorFor(locale);
  return {
    title: t('notice.digestTitle', { n: items.length }),
    body: renderIn(locale, names.length > 3 ? msg('notice.digestBodyMore', { names: shown, n: names.length }) : msg('notice.digestBody', { names: shown })),
    subjectUrl: '/notifications',
  };
}
