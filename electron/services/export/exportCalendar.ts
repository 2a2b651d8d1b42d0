// export calendar: 续约日历 (.ics). One all-day event on each end date that still reminds, its alarms the steps the
// reminder engine would fire for that term, so a calendar app on a phone reminds when the desk would.
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod, ICalEvent, type ICalCalendar } from 'ical-generator';
import ICAL from 'ical.js';
import { differenceInCalendarDays } from 'date-fns';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { addDaysIso, localDateOf, parseIsoDate } from '../../../shared/domain/dates.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { createTranslator, type Translate } from '../../../shared/i18n/createTranslator.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { describeStep, type LadderStep } from '../../../shared/reminders/reminderLadder.ts';
import { listCalendarTerms, type CalendarTerm } from '../../../db/repositories/calendarTermsRepo.ts';
import { findLiveOwner } from '../../../db/repositories/ownersRepo.ts';
import type { Executor } from '../../../db/handle.ts';
import { contractInactiveReason, contractLadder, remindDateStep } from '../reminders/recomputeReminders.ts';
import { loadReminderConfig, type ReminderConfig } from '../reminders/reminderConfig.ts';
import type { ServiceContext } from '../serviceContext.ts';

const DAY_SECONDS = 86_400;

/** The UID of a term's event: the contract's id, so importing a newer export updates the event it made before. */
export const calendarUid = (contractId: string) => `${contractId}@renewal-desk`;

/** An ISO date as ical-generator's all-day value: it writes a Date's UTC fields, so UTC midnight is that very day. */
const allDayValue = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

/**
 * Seconds from the start of the end date (the all-day event's start) to a step's reminder: its date (after any
 * working-day shift) at the reminder time of day. 30 days before at 09:00 is −29 days −15 hours.
 */
export function secondsFromEndDate(endsOn: string, step: Pick<LadderStep, 'localDate' | 'timeOfDay'>): number {
  const days = differenceInCalendarDays(parseIsoDate(step.localDate), parseIsoDate(endsOn));
  const [hours = 0, minutes = 0] = step.timeOfDay.split(':').map(Number);
  return days * DAY_SECONDS + hours * 3600 + minutes * 60;
}

/** The owner a calendar is for: none (all terms), or a live owner by id or exact (trimmed) name. */
async function ownerOf(x: Executor, input: ApiParsedInput<'export:calendar'>): Promise<{ id: string; name: string } | null> {
  if (input.ownerId !== undefined) {
    const owner = await findLiveOwner(x, { id: input.ownerId });
    if (!owner) throw new AppError('NOT_FOUND', msg('errors.ownerMissing'), 'ownerId');
    return owner;
  }
  if (input.owner === undefined) return null;
  const owner = await findLiveOwner(x, { name: input.owner });
  if (!owner) throw new AppError('NOT_FOUND', msg('calendar.ownerUnknown', { name: input.owner }), 'owner');
  return owner;
}

/**
 * Text folded at 75 octets a line (RFC 5545 §3.1) by ical.js's folding. ical-generator folds the whole calendar
 * itself, but encodes every character apart to count its bytes: minutes for 100k terms, where this is seconds.
 */
function folded(text: string): string {
  return text
    .split('\r\n')
    .map((line) => ICAL.helpers.foldline(line))
    .join('\r\n');
}

interface AlarmStep {
  step: number;
  /** Seconds from the start of the end date. */
  offset: number;
}
/** Ladders by `steps|end date` (as the reminder recompute caches them): many terms share both, and dates cost. */
type LadderCache = Map<string, AlarmStep[]>;

function alarmSteps(term: CalendarTerm & { endsOn: string }, config: ReminderConfig, cache: LadderCache): AlarmStep[] {
  const key = `${term.overrideSteps ?? term.tier}|${term.endsOn}`;
  let steps = cache.get(key);
  if (!steps) {
    steps = contractLadder(term, config).map((s) => ({ step: s.step, offset: secondsFromEndDate(term.endsOn, s) }));
    cache.set(key, steps);
  }
  return steps;
}

/** A term's VEVENT as folded text, or null when it has no ladder (the engine would not remind it either). */
function termEvent(calendar: ICalCalendar, term: CalendarTerm, config: ReminderConfig, t: Translate, stamp: Date, cache: LadderCache): string | null {
  if (term.endsOn === null || contractInactiveReason(term) !== null) return null;
  const ladder = alarmSteps({ ...term, endsOn: term.endsOn }, config, cache);
  const names = { customer: term.customerName, number: term.number };
  const owner = term.ownerName ?? t('calendar.noOwner');
  // Made apart from the calendar (it only lends its settings) and written at once, so 100k events are never all held.
  const event = new ICalEvent(
    {
      id: calendarUid(term.id),
      allDay: true,
      start: allDayValue(term.endsOn),
      // DTEND is exclusive: the next day, written out for clients (older Outlook) that do not assume one day.
      end: allDayValue(addDaysIso(term.endsOn, 1)),
      stamp,
      summary: t('calendar.summary', names),
      description: t('calendar.description', { ...names, owner, amount: formatMoney(term.amountFen, term.currency) }),
    },
    calendar,
  );
  const alarm = (offset: number, description: string) =>
    // trigger(n) is n seconds before; RELATED=START is written out, since the library would relate a later one to the END.
    event.createAlarm({ type: ICalAlarmType.display, trigger: -offset, description }).relatesTo(ICalAlarmRelatesTo.start);
  for (const { step, offset } of ladder) alarm(offset, t('calendar.alarm', { ...names, step: describeStep(step, t) }));
  for (const step of remindDateStep(term, config)) alarm(secondsFromEndDate(term.endsOn, step), t('calendar.remindOnAlarm', names));
  return folded(event.toString());
}

const CALENDAR_END = 'END:VCALENDAR';

/** The calendar's own lines (written and folded by ical-generator, with no events) around the events' text. */
function calendarText(calendar: ICalCalendar, events: readonly string[]): string {
  const frame = calendar.toString();
  if (!frame.endsWith(CALENDAR_END)) throw new Error('ical-generator no longer ends a calendar with END:VCALENDAR');
  return frame.slice(0, -CALENDAR_END.length) + events.join('') + CALENDAR_END;
}

export async function exportCalendar(ctx: ServiceContext, input: ApiParsedInput<'export:calendar'>): Promise<ExportResult> {
  const owner = await ownerOf(ctx.db, input);
  // One read of the settings and one of the terms; every ladder is computed here, in memory.
  const config = await loadReminderConfig(ctx.db);
  const terms = await listCalendarTerms(ctx.db, { ownerId: owner?.id });
  const t = createTranslator(config.locale);
  const now = ctx.now();
  const calendar = ical({
    name: owner ? t('calendar.nameOfOwner', { owner: owner.name }) : t('calendar.name'),
    prodId: { company: 'renewal-desk', product: 'renewal-desk', language: config.locale === 'en-US' ? 'EN' : 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const events: string[] = [];
  const ladders: LadderCache = new Map();
  for (const term of terms) {
    const event = termEvent(calendar, term, config, t, now, ladders);
    if (event !== null) events.push(event);
  }
  return {
    fileName: `${t('calendar.fileName')}-${localDateOf(now)}.ics`,
    format: 'ics',
    rows: events.length,
    contentBase64: Buffer.from(calendarText(calendar, events), 'utf8').toString('base64'),
  };
}
