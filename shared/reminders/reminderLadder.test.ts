import { describe, expect, it } from 'vitest';
import { buildWorkingDayCalendar } from './workingDays.ts';
import { createTranslator } from '../i18n/createTranslator.ts';
import { msg, renderIn } from '../i18n/message.ts';
import { computeLadder, DEFAULT_LADDERS, describeStep, expiryTitleKey, normalizeSteps, stepsProblem } from './reminderLadder.ts';
import { localDueInstant } from './localDueInstant.ts';

const calendar = buildWorkingDayCalendar();
const plain = { timeOfDay: '09:00', shiftToWorkingDay: false };

describe('computeLadder', () => {
  it('counts signed whole days back from the end date: 30 before, 0 on the day, −1 the day after', () => {
    const ladder = computeLadder('2027-03-31', DEFAULT_LADDERS.vip, plain, calendar);
    expect(ladder.map((s) => [s.step, s.localDate])).toEqual([
      [90, '2026-12-31'],
      [60, '2027-01-30'],
      [30, '2027-03-01'],
      [15, '2027-03-16'],
      [7, '2027-03-24'],
      [1, '2027-03-30'],
      [0, '2027-03-31'],
      [-1, '2027-04-01'],
      [-7, '2027-04-07'],
    ]);
    expect(ladder.every((s) => s.occurrenceDate === '2027-03-31' && s.timeOfDay === '09:00')).toBe(true);
    expect(ladder[0]!.dueAt.getTime()).toBe(new Date(2026, 11, 31, 9, 0).getTime());
  });

  it('uses each tier’s default ladder as DESIGN.md lists it', () => {
    expect(DEFAULT_LADDERS).toEqual({
      vip: [90, 60, 30, 15, 7, 1, 0, -1, -7],
      important: [60, 30, 15, 7, 1, 0, -1, -7],
      normal: [30, 15, 7, 0, -1, -7],
    });
  });

  it('crosses month ends and leap days by calendar days', () => {
    expect(computeLadder('2028-03-01', [1, 30], plain, calendar).map((s) => s.localDate)).toEqual(['2028-01-31', '2028-02-29']);
    expect(computeLadder('2027-03-01', [1], plain, calendar)[0]!.localDate).toBe('2027-02-28');
  });

  it('normalizes and validates steps', () => {
    expect(normalizeSteps([0, 7, 7, -1, 30])).toEqual([30, 7, 0, -1]);
    expect(stepsProblem([])).toMatch(/不能为空/);
    expect(stepsProblem([1.5])).toMatch(/整数/);
    expect(stepsProblem([9999])).toMatch(/超出范围/);
    expect(stepsProblem([30, 0, -7])).toBeNull();
  });

  it('says what is wrong with steps, and describes them, in the language asked for', () => {
    const en = createTranslator('en-US');
    expect(stepsProblem([9999], en)).toBe('Step “9999” is out of range (-365 to 730 days)');
    expect(stepsProblem(Array.from({ length: 31 }, (_, i) => i), en)).toBe('At most 30 reminder steps');
    expect([describeStep(30), describeStep(0), describeStep(-1)]).toEqual(['到期前 30 天', '到期当天', '到期后 1 天']);
    expect([describeStep(30, en), describeStep(1, en), describeStep(0, en), describeStep(-7, en)]).toEqual(['30 days before', '1 day before', 'On the end date', '7 days after']);
  });

  it('words days left in Chinese and in English', () => {
    const title = (locale: 'zh-CN' | 'en-US', daysLeft: number) => renderIn(locale, msg(expiryTitleKey(daysLeft), { customer: '甲', n: Math.abs(daysLeft) }));
    expect([title('zh-CN', 30), title('zh-CN', 0), title('zh-CN', -7)]).toEqual(['甲：合同 30 天后到期', '甲：合同今天到期', '甲：合同已逾期 7 天']);
    expect([title('en-US', 30), title('en-US', 1), title('en-US', 0), title('en-US', -7)]).toEqual([
      '甲: contract ends in 30 days',
      '甲: contract ends in 1 day',
      '甲: contract ends today',
      '甲: contract 7 days overdue',
    ]);
  });
});

describe('working-day shift (off by default)', () => {
  const shifted = { timeOfDay: '09:00', shiftToWorkingDay: true };

  it('moves a step on a holiday to the previous working day, and leaves it alone when the shift is off', () => {
    // 2026-10-01..08 is the National Day holiday; 2026-09-30 is a working Wednesday.
    expect(computeLadder('2026-10-03', [0], shifted, calendar)[0]!.localDate).toBe('2026-09-30');
    expect(computeLadder('2026-10-03', [0], plain, calendar)[0]!.localDate).toBe('2026-10-03');
  });

  it('treats 调休 weekend days as working days and ordinary weekends as days off', () => {
    // 2026-10-10 is a Saturday worked in lieu of the holiday.
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(computeLadder('2026-10-10', [0], shifted, calendar)[0]!.localDate).toBe('2026-10-10');
    // 2026-11-22 is an ordinary Sunday: the step moves to Friday the 20th.
    expect(computeLadder('2026-11-22', [0], shifted, calendar)[0]!.localDate).toBe('2026-11-20');
  });

  it('lets imported holiday data win date by date', () => {
    const custom = buildWorkingDayCalendar({ holidays: { '2026-11-20': '公司年会' }, workdays: { '2026-11-22': '补班' } });
    expect(computeLadder('2026-11-22', [0], shifted, custom)[0]!.localDate).toBe('2026-11-22');
    expect(computeLadder('2026-11-21', [0], shifted, custom)[0]!.localDate).toBe('2026-11-19');
  });

  it('computes the due instant from the shifted date', () => {
    const [step] = computeLadder('2026-10-03', [0], shifted, calendar);
    expect(step!.dueAt.getTime()).toBe(localDueInstant('2026-09-30', '09:00').getTime());
  });
});
