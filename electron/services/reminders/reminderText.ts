import { differenceInCalendarDays } from 'date-fns';
import { parseIsoDate } from '../../../shared/domain/dates.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { describeDaysLeft } from '../../../shared/reminders/reminderLadder.ts';
import { renderTemplate } from '../../../shared/reminders/reminderTemplate.ts';
import type { NotificationRequest } from '../notifier/notifier.ts';
import type { CareFacts, ExpiryFacts } from '../../../db/repositories/reminderClaimRepo.ts';

// The words of a notification. The body of an expiry reminder is the tier's template; the title says how far
// off the end date is on the day it actually fires, which after a week off is not the day it was due.

export interface NotificationText {
  title: string;
  body: string;
  subjectUrl: string | null;
}

export function expiryText(facts: ExpiryFacts, today: string, templates: Record<Tier, string>): NotificationText {
  const daysLeft = facts.endsOn ? differenceInCalendarDays(parseIsoDate(facts.endsOn), parseIsoDate(today)) : 0;
  const template = templates[facts.tier as Tier] ?? templates.normal;
  return {
    title: `${facts.customerName}：合同${describeDaysLeft(daysLeft)}`,
    body: renderTemplate(template, {
      客户名称: facts.customerName,
      联系人: facts.contactName ?? '联系人',
      合同编号: facts.contractNo,
      到期日期: facts.endsOn ?? '—',
      剩余天数: String(daysLeft),
      合同金额: formatMoney(facts.amountFen, facts.currency),
      负责人: facts.ownerName ?? '负责人',
    }),
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

export function birthdayText(facts: CareFacts, occurrence: string, today: string): NotificationText {
  const when = occurrence === today ? '今天' : occurrence;
  return {
    title: `${facts.customerName}：${facts.label} 生日`,
    body: `${when}是 ${facts.customerName} 的 ${facts.label} 的生日，别忘了送上祝福。`,
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

export function followUpText(facts: CareFacts, occurrence: string): NotificationText {
  return {
    title: `${facts.customerName}：该跟进了`,
    body: `计划于 ${occurrence} 跟进：${facts.label}`,
    subjectUrl: `/customers/${facts.customerId}`,
  };
}

/** One toast for a tick that fired two or more: the count and the first few customers. */
export function digestRequest(items: readonly { title: string; customerName: string }[]): NotificationRequest {
  const names = [...new Set(items.map((i) => i.customerName))];
  const shown = names.slice(0, 3).join('、');
  return {
    title: `续约管家：你有 ${items.length} 条到期提醒`,
    body: names.length > 3 ? `${shown} 等 ${names.length} 位客户，请在通知中心查看。` : `${shown}，请在通知中心查看。`,
    subjectUrl: '/notifications',
  };
}
