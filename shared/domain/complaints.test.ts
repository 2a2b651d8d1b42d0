import { describe, expect, it } from 'vitest';
import { buildWorkingDayCalendar } from '../reminders/workingDays.ts';
import { renderIn } from '../i18n/message.ts';
import { checkComplaintTransition, complaintDeadline, COMPLAINT_STEPS, isComplaintOverdue, resolveFigures, type ComplaintStep } from './complaints.ts';

const calendar = buildWorkingDayCalendar();
const working = { mode: 'working' as const, dayStart: '09:00', dayEnd: '18:00' };
/** A local wall-clock time (the deadline arithmetic works in the user's own zone). */
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);

describe('the complaint flow', () => {
  it('moves only to the very next step', () => {
    for (let i = 0; i < COMPLAINT_STEPS.length - 1; i++) expect(checkComplaintTransition(COMPLAINT_STEPS[i]!, COMPLAINT_STEPS[i + 1]!)).toBeNull();
  });

  it('refuses a skip, a step back, a repeat and anything after 关闭, saying why', () => {
    const said = (from: ComplaintStep, to: ComplaintStep) => {
      const m = checkComplaintTransition(from, to);
      return m && renderIn('zh-CN', m);
    };
    expect(said('handling', 'closed')).toBe('不能跳过环节：记录“关闭”之前须先记录“反馈”');
    expect(said('accepted', 'handling')).toBe('不能跳过环节：记录“处理”之前须先记录“调查”');
    expect(said('handling', 'investigating')).toBe('投诉已到“处理”，不能回到或重复“调查”');
    expect(said('feedback', 'feedback')).toBe('投诉已到“反馈”，不能回到或重复“反馈”');
    expect(said('closed', 'accepted')).toBe('这件投诉已关闭，不能再记录环节');
    const en = checkComplaintTransition('handling', 'closed');
    expect(en && renderIn('en-US', en)).toBe('Steps cannot be skipped: record Feedback before Closed');
  });
});

describe('the SLA deadline', () => {
  it('counts calendar hours straight through the weekend', () => {
    // Friday 2026-12-04 16:00 + 24 h = Saturday 16:00.
    expect(complaintDeadline(local(2026, 12, 4, 16), 24, { ...working, mode: 'calendar' }, calendar)).toEqual(local(2026, 12, 5, 16));
  });

  it('counts working hours across a weekend: Friday 16:00 + 8 h is Monday 15:00', () => {
    expect(complaintDeadline(local(2026, 12, 4, 16), 8, working, calendar)).toEqual(local(2026, 12, 7, 15));
  });

  it('starts at the next opening when received after hours or on a weekend', () => {
    expect(complaintDeadline(local(2026, 12, 4, 20), 4, working, calendar)).toEqual(local(2026, 12, 7, 13));
    expect(complaintDeadline(local(2026, 12, 6, 10), 4, working, calendar)).toEqual(local(2026, 12, 7, 13));
    expect(complaintDeadline(local(2026, 12, 7, 7, 30), 9, working, calendar)).toEqual(local(2026, 12, 7, 18));
  });

  it('counts a 调休 working Saturday and skips the 春节 holidays', () => {
    // 2026-02-28 is a working Saturday (调休): Friday 27th 16:00 + 8 h ends on it.
    expect(complaintDeadline(local(2026, 2, 27, 16), 8, working, calendar)).toEqual(local(2026, 2, 28, 15));
    // Saturday 2026-02-14 works too; the next working day after it is Tuesday 2026-02-24 (春节 15th to 23rd off).
    expect(complaintDeadline(local(2026, 2, 14, 17), 3, working, calendar)).toEqual(local(2026, 2, 24, 11));
  });

  it('is overdue only while open and past the deadline, by the injected clock', () => {
    const dueAt = local(2026, 12, 7, 15).toISOString();
    expect(isComplaintOverdue({ step: 'handling', dueAt }, local(2026, 12, 7, 15))).toBe(false);
    expect(isComplaintOverdue({ step: 'handling', dueAt }, local(2026, 12, 7, 15, 1))).toBe(true);
    expect(isComplaintOverdue({ step: 'closed', dueAt }, local(2026, 12, 9, 0))).toBe(false);
  });
});

describe('time to resolve', () => {
  it('averages and takes the median of the closed ones in hours', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();
    const f = resolveFigures([
      { receivedAt: at(0), closedAt: at(2), overdue: false },
      { receivedAt: at(0), closedAt: at(10), overdue: false },
      { receivedAt: at(1), closedAt: at(5), overdue: false },
      { receivedAt: at(1), closedAt: at(16), overdue: false },
      { receivedAt: at(0), closedAt: null, overdue: true },
    ]);
    expect(f).toEqual({ count: 5, closed: 4, open: 1, overdue: 1, averageHours: 7.75, medianHours: 7 });
    expect(resolveFigures([])).toMatchObject({ averageHours: null, medianHours: null });
  });
});
