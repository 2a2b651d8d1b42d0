// Complaint handling (issue 14): the flow 受理 → 调查 → 处理 → 反馈 → 关闭 as a pure state machine, the severities and
// their SLA, and the deadline arithmetic (calendar hours, or working hours on the working-day calendar with 调休).
// The labels are the catalogue's (shared/i18n/*/complaints.ts); these are the stored codes.
import { addDaysIso, localDateOf, parseIsoDate } from './dates.ts';
import { msg, type Message } from '../i18n/message.ts';
import type { WorkingDayCalendar } from '../reminders/workingDays.ts';

/** 受理, 调查, 处理, 反馈, 关闭, in order. A complaint's status is the last step recorded. */
export const COMPLAINT_STEPS = ['accepted', 'investigating', 'handling', 'feedback', 'closed'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const OPEN_COMPLAINT_STEPS: readonly ComplaintStep[] = ['accepted', 'investigating', 'handling', 'feedback'];

/** 一般, 严重, 紧急. */
export const COMPLAINT_SEVERITIES = ['normal', 'serious', 'urgent'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const SLA_MODES = ['calendar', 'working'] as const;
export type SlaMode = (typeof SLA_MODES)[number];

/** The steps at which the customer's satisfaction with the resolution (1–5) may be recorded. */
export const SATISFACTION_STEPS: readonly ComplaintStep[] = ['feedback', 'closed'];

/** The step after `current`; null once closed. */
export function nextComplaintStep(current: ComplaintStep): ComplaintStep | null {
  const i = COMPLAINT_STEPS.indexOf(current);
  return COMPLAINT_STEPS[i + 1] ?? null;
}

const stepLabel = (s: ComplaintStep): Message => msg(`complaints.step.${s}`);

/**
 * Whether a complaint at `current` may move to `target`: only to the very next step. The refusal says why, in the
 * reader's language: already closed, going back (or repeating), or skipping (naming the step that must come first).
 */
export function checkComplaintTransition(current: ComplaintStep, target: ComplaintStep): Message | null {
  const next = nextComplaintStep(current);
  if (next === null) return msg('complaintErrors.alreadyClosed');
  if (target === next) return null;
  const from = COMPLAINT_STEPS.indexOf(current);
  const to = COMPLAINT_STEPS.indexOf(target);
  if (to <= from) return msg('complaintErrors.backwards', { current: stepLabel(current), target: stepLabel(target) });
  return msg('complaintErrors.skipped', { target: stepLabel(target), required: stepLabel(next) });
}

export interface ComplaintSlaSettings {
  mode: SlaMode;
  /** Hours to close, per severity. */
  hours: Record<ComplaintSeverity, number>;
  /** The working day's hours, 'HH:MM' local time, used in the working-hours mode. */
  dayStart: string;
  dayEnd: string;
}

export const DEFAULT_COMPLAINT_SLA: ComplaintSlaSettings = {
  mode: 'calendar',
  hours: { normal: 72, serious: 24, urgent: 4 },
  dayStart: '09:00',
  dayEnd: '18:00',
};

const HOUR_MS = 3_600_000;

function atLocalTime(date: string, hhmm: string): Date {
  const d = parseIsoDate(date);
  const [h, m] = hhmm.split(':').map(Number);
  d.setHours(h ?? 0, m ?? 0, 0, 0);
  return d;
}

// A deadline years away would mean bad settings; this only stops a calendar without working days from looping.
const MAX_DAYS = 3660;

/**
 * When a complaint received at `receivedAt` is due, `hours` later: in calendar hours, or in working hours (the
 * working day's window on each working day of `calendar`, holidays off and 调休 Saturdays on). A complaint received
 * outside the window starts counting at the next window's opening.
 */
export function complaintDeadline(receivedAt: Date, hours: number, sla: Pick<ComplaintSlaSettings, 'mode' | 'dayStart' | 'dayEnd'>, calendar: WorkingDayCalendar): Date {
  if (sla.mode === 'calendar') return new Date(receivedAt.getTime() + hours * HOUR_MS);
  let remaining = hours * HOUR_MS;
  let day = localDateOf(receivedAt);
  for (let i = 0; i < MAX_DAYS; i++, day = addDaysIso(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const open = atLocalTime(day, sla.dayStart).getTime();
    const close = atLocalTime(day, sla.dayEnd).getTime();
    const from = Math.max(open, receivedAt.getTime());
    if (from >= close) continue;
    if (from + remaining <= close) return new Date(from + remaining);
    remaining -= close - from;
  }
  return new Date(receivedAt.getTime() + hours * HOUR_MS);
}

/** Open past its deadline as of `now`. */
export function isComplaintOverdue(c: { step: ComplaintStep; dueAt: string }, now: Date): boolean {
  return c.step !== 'closed' && now.getTime() > Date.parse(c.dueAt);
}

export interface ResolveFigures {
  count: number;
  closed: number;
  open: number;
  overdue: number;
  /** Hours from 受理 to 关闭 of the closed ones; null when none closed. */
  averageHours: number | null;
  medianHours: number | null;
}

/** The report's figures over complaints (received time, closed time or null, overdue flag). */
export function resolveFigures(rows: readonly { receivedAt: string; closedAt: string | null; overdue: boolean }[]): ResolveFigures {
  const hours = rows
    .filter((r) => r.closedAt !== null)
    .map((r) => (Date.parse(r.closedAt ?? '') - Date.parse(r.receivedAt)) / HOUR_MS)
    .sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median = hours.length === 0 ? null : hours.length % 2 === 1 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return {
    count: rows.length,
    closed: hours.length,
    open: rows.length - hours.length,
    overdue: rows.filter((r) => r.overdue).length,
    averageHours: hours.length === 0 ? null : hours.reduce((a, b) => a + b, 0) / hours.length,
    medianHours: median,
  };
}
