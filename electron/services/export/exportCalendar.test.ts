import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

// The calendar export parsed back with Mozilla's ical.js (a maintained iCalendar parser, not our writer's own
// reader): its events are the live terms' end dates and its alarms each term's reminder ladder.

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const DAY = 86_400;
const NINE_AM = 9 * 3600;
const VIP = [90, 60, 30, 15, 7, 1, 0, -1, -7];
const NORMAL = [30, 15, 7, 0, -1, -7];
const OVERRIDE = [45, 3, 0, -2];

interface ParsedEvent {
  uid: string;
  start: string;
  allDay: boolean;
  end: string;
  summary: string;
  description: string;
  stamp: string;
  alarms: { action: string; trigger: number; related: string; description: string }[];
}

function parseCalendar(contentBase64: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(contentBase64, 'base64').toString('utf8')));
  expect(calendar.name).toBe('vcalendar');
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start: start.toString(),
      allDay: start.isDate,
      end: String(v.getFirstPropertyValue('dtend')),
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
      stamp: String(v.getFirstPropertyValue('dtstamp')),
      alarms: v.getAllSubcomponents('valarm').map((a) => {
        const trigger = a.getFirstProperty('trigger')!;
        return {
          action: String(a.getFirstPropertyValue('action')),
          trigger: (trigger.getFirstValue() as ICAL.Duration).toSeconds(),
          related: String(trigger.getParameter('related') ?? 'START'),
          description: String(a.getFirstPropertyValue('description')),
        };
      }),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

/** A ladder's alarms as they must come back: each step's day before the end date, at the reminder time (09:00). */
const triggersOf = (steps: readonly number[]) => steps.map((s) => -s * DAY + NINE_AM);

async function seedArchive() {
  const csv = [
    '客户名称,合同编号,到期日期,合同金额,续费周期,客户等级,负责人',
    '甲公司,HT-1,2026-12-01,12800,年,VIP,刘洋',
    '乙公司,HT-2,2026-12-20,100,月,,王芳',
    '丙公司,HT-3,2027-06-30,1,年,,刘洋',
    '丁公司,HT-4,2027-01-10,500,年,,刘洋',
    '戊公司,HT-5,2027-02-10,500,年,,王芳',
    '己公司,HT-6,2027-03-10,500,年,,刘洋',
  ];
  await importFile(t, writeFixture(t, `${csv.join('\n')}\n`));
  const contracts: { id: string; number: string; customerId: string }[] = (await t.call('contracts:list', {})).items;
  const k = Object.fromEntries(contracts.map((c) => [c.number, c]));
  await t.call('reminders:setContractLadder', { contractId: k['HT-3']!.id, steps: OVERRIDE });
  // Renewed: the old term leaves the calendar, the new term (the same customer, a new end date) is in it.
  await t.call('renewals:renew', { contractId: k['HT-4']!.id, number: 'HT-4-R1', startsOn: '2027-01-11', endsOn: '2028-01-10' });
  await t.call('renewals:setStage', { contractId: k['HT-5']!.id, stage: 'lost', lostReason: '价格' });
  await t.call('customers:archive', { id: k['HT-6']!.customerId });
  return k;
}

describe('export calendar', () => {
  it('writes one all-day event per term that still reminds, its alarms the term’s ladder, parsed back by ical.js', async () => {
    const k = await seedArchive();
    const out = await t.call('export:calendar', {});
    expect(out).toMatchObject({ format: 'ics', rows: 4, fileName: '续约日历-2026-11-23.ics' });
    const { name, events } = parseCalendar(out.contentBase64);
    expect(name).toBe('续约管家 · 合同到期');
    expect(events.map((e) => [e.summary, e.start, e.allDay, e.end])).toEqual([
      ['合同到期：甲公司 · HT-1', '2026-12-01', true, '2026-12-02'],
      ['合同到期：乙公司 · HT-2', '2026-12-20', true, '2026-12-21'],
      ['合同到期：丙公司 · HT-3', '2027-06-30', true, '2027-07-01'],
      ['合同到期：丁公司 · HT-4-R1', '2028-01-10', true, '2028-01-11'],
    ]);
    const [vip, normal, overridden] = events;
    expect(vip!.uid).toBe(`${k['HT-1']!.id}@renewal-desk`);
    expect(vip!.description).toBe('客户：甲公司\n合同编号：HT-1\n负责人：刘洋\n合同金额：¥12,800.00');
    expect(vip!.alarms.map((a) => a.trigger)).toEqual(triggersOf(VIP));
    expect(normal!.alarms.map((a) => a.trigger)).toEqual(triggersOf(NORMAL));
    // The per-contract override wins over its tier's ladder (普通).
    expect(overridden!.alarms.map((a) => a.trigger)).toEqual(triggersOf(OVERRIDE));
    expect(vip!.alarms.every((a) => a.action === 'DISPLAY' && a.related === 'START')).toBe(true);
    expect(vip!.alarms.map((a) => a.description).slice(5, 8)).toEqual(['到期前 1 天：甲公司 · HT-1 合同到期', '到期当天：甲公司 · HT-1 合同到期', '到期后 1 天：甲公司 · HT-1 合同到期']);
    expect(vip!.stamp).toBe('2026-11-23T02:00:00Z');
    // Lines end CRLF and are folded at 75 octets (RFC 5545 §3.1); the long Chinese ones came back whole above.
    const lines = Buffer.from(out.contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(lines.filter((l) => Buffer.byteLength(l) > 75)).toEqual([]);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThanOrEqual(4);
    expect(lines.filter((l) => l.includes('\n'))).toEqual([]);
  });

  it('has the alarms the reminder engine would fire for each term (its ladder preview)', async () => {
    const k = await seedArchive();
    const { events } = parseCalendar((await t.call('export:calendar', {})).contentBase64);
    for (const number of ['HT-1', 'HT-2', 'HT-3']) {
      const preview = await t.call('reminders:preview', { contractNo: number });
      const event = events.find((e) => e.uid === `${k[number]!.id}@renewal-desk`)!;
      expect(event.alarms.map((a) => a.trigger), number).toEqual(triggersOf(preview.steps.map((s: { step: number }) => s.step)));
    }
  });

  it('follows the reminder time of day and the working-day shift, as the engine does', async () => {
    await seedArchive();
    await t.call('reminders:setSettings', { timeOfDay: '08:30', shiftToWorkingDay: true });
    const { events } = parseCalendar((await t.call('export:calendar', {})).contentBase64);
    const normal = events.find((e) => e.summary.includes('HT-2'))!;
    // HT-2 ends Sunday 2026-12-20: 0 days before moves to Friday the 18th, 15 days before (Saturday the 5th) to the 4th.
    const preview = await t.call('reminders:preview', { contractNo: 'HT-2' });
    const expected = preview.steps.map((s: { localDate: string }) => (Date.parse(s.localDate) - Date.parse('2026-12-20')) / 1000 + 8.5 * 3600);
    expect(normal.alarms.map((a) => a.trigger)).toEqual(expected);
    expect(normal.alarms.map((a) => a.trigger)).toContain(-2 * DAY + 8.5 * 3600);
  });

  it('keeps the UIDs from one export to the next, so a calendar app updates the events instead of adding copies', async () => {
    await seedArchive();
    const first = parseCalendar((await t.call('export:calendar', {})).contentBase64).events;
    t.setNow('2026-11-30T02:00:00.000Z');
    const second = parseCalendar((await t.call('export:calendar', {})).contentBase64).events;
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(4);
    expect(second[0]!.stamp).toBe('2026-11-30T02:00:00Z');
  });

  it('keeps one owner’s terms by exact (trimmed) name or by id; an unknown name is an error', async () => {
    await seedArchive();
    const byName = await t.call('export:calendar', { owner: ' 刘洋 ' });
    const { name, events } = parseCalendar(byName.contentBase64);
    expect(name).toBe('续约管家 · 刘洋 的合同到期');
    expect(events.map((e) => e.summary)).toEqual(['合同到期：甲公司 · HT-1', '合同到期：丙公司 · HT-3', '合同到期：丁公司 · HT-4-R1']);
    const owners: { id: string; name: string }[] = (await t.call('owners:list', {})).items;
    const wang = owners.find((o) => o.name === '王芳')!;
    const byId = parseCalendar((await t.call('export:calendar', { ownerId: wang.id })).contentBase64);
    expect(byId.events.map((e) => e.summary)).toEqual(['合同到期：乙公司 · HT-2']);
    const unknown = await t.envelope('export:calendar', { owner: '刘' });
    expect(unknown.error).toMatchObject({ code: 'NOT_FOUND', field: 'owner', message: '没有名为「刘」的负责人' });
    const both = await t.envelope('export:calendar', { owner: '刘洋', ownerId: wang.id });
    expect(both.error).toMatchObject({ code: 'VALIDATION' });
  });

  it('an empty archive is a valid calendar with no events', async () => {
    const out = await t.call('export:calendar', {});
    expect(out.rows).toBe(0);
    const text = Buffer.from(out.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(parseCalendar(out.contentBase64).events).toEqual([]);
  });

  it('writes its texts in the archive’s language', async () => {
    await seedArchive();
    await t.call('settings:set', { locale: 'en-US' });
    const out = await t.call('export:calendar', { owner: '王芳' });
    expect(out.fileName).toBe('renewal-calendar-2026-11-23.ics');
    const [event] = parseCalendar(out.contentBase64).events;
    expect(event!.summary).toBe('Contract ends: 乙公司 · HT-2');
    expect(event!.description).toBe('Customer: 乙公司\nContract no.: HT-2\nOwner: 王芳\nAmount: ¥100.00');
    expect(event!.alarms[0]!.description).toBe('30 days before: 乙公司 · HT-2 ends');
  });
});
