// A seeded multi-year renewal sheet like the ones owners keep for years: several terms per customer, some
// customers with two services, consecutive, early, late and gapped renewals, lost customers who came back, and
// the renewal record in sheet words. The generator decides every transition itself, so it knows how many terms
// the chain rule must link, store as 已到期 history, and leave overdue, without running the rule.
import { addDays, addMonths, differenceInCalendarDays, format, parse } from 'date-fns';
import { seededRandom, type Random } from './seededRandom.ts';

export const MULTI_YEAR_HEADER = '客户名称,联系人,电话,合同编号,签订日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,续费状态,续费日期,续费金额,提醒日期,备注';

export interface MultiYearOptions {
  seed: number;
  customers: number;
  /** The import's local date: what counts as overdue or history. */
  today: string;
  /** Contract numbers start with it, so two sheets never share one. */
  prefix?: string;
}

export interface MultiYearExpectation {
  terms: number;
  /** Pairs the chain rule links. */
  linked: number;
  /** Undecided terms with no successor that ended more than 92 days before `today`. */
  history: number;
  /** Undecided terms with no successor that ended in the 92 days before `today`. */
  overdue: number;
  /** Terms marked 已流失. */
  lost: number;
  /** Terms marked 已续费 that no later term renews. */
  renewedAlone: number;
}

export interface MultiYearSheet {
  csv: string;
  expected: MultiYearExpectation;
  /** The contract numbers of the overdue terms, for picking rows to act on. */
  overdueNumbers: string[];
}

type Transition = 'consecutive' | 'early' | 'late' | 'gap' | 'lostThenBack' | 'stop';
const SERVICES = ['企业邮箱', '云服务器租用', '监控运维服务', '财税代账', '网络安全巡检', '会员服务'];
const CITIES = ['杭州', '成都', '南京', '苏州', '青岛', '厦门'];
const TRADES = ['科技', '贸易', '教育咨询', '医疗器械', '物流', '广告'];
const OWNERS = ['张伟', '李娜', '王芳', '刘洋'];
const TIERS = ['VIP', '重要', '普通', '普通'];

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const day = (s: string) => parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1));

/** Dates as sheets write them: mostly ISO, sometimes 2023年4月1日 or 2024/3/31. */
function written(r: Random, date: string): string {
  const d = day(date);
  const k = r.int(0, 9);
  if (k === 0) return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  if (k === 1) return `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()}`;
  return date;
}

function pickTransition(r: Random): Transition {
  const x = r.next();
  if (x < 0.5) return 'consecutive';
  if (x < 0.6) return 'early';
  if (x < 0.7) return 'late';
  if (x < 0.8) return 'gap';
  if (x < 0.85) return 'lostThenBack';
  return 'stop';
}

interface Term {
  number: string;
  start: string;
  end: string;
  amount: number;
  status: '' | '已续费' | '未续费' | '续费中' | '已流失';
  renewalDate: string;
  renewalAmount: string;
  notes: string;
}

export function generateMultiYearSheet(options: MultiYearOptions): MultiYearSheet {
  const r = seededRandom(options.seed);
  const prefix = options.prefix ?? 'MY';
  const today = options.today;
  const cutoff = iso(addDays(day(today), -92));
  const expected: MultiYearExpectation = { terms: 0, linked: 0, history: 0, overdue: 0, lost: 0, renewedAlone: 0 };
  const overdueNumbers: string[] = [];
  const lines = [MULTI_YEAR_HEADER];
  let serial = 0;
  for (let c = 0; c < options.customers; c++) {
    const name = `${r.pick(CITIES)}${String(c + 1).padStart(3, '0')}号${r.pick(TRADES)}有限公司`;
    const contact = `联系人${c + 1}`;
    const phone = `138${String(10_000_000 + c * 7919).slice(0, 8)}`;
    const tier = r.pick(TIERS);
    const owner = r.pick(OWNERS);
    const services = r.chance(0.3) ? [SERVICES[c % SERVICES.length]!, SERVICES[(c + 2) % SERVICES.length]!] : [SERVICES[c % SERVICES.length]!];
    for (const service of services) {
      const months = r.chance(0.8) ? 12 : 6;
      const cycle = months === 12 ? '年' : '半年';
      // Built backwards from the last term, whose end is upcoming, recently overdue or long past.
      const kind = r.next();
      const lastEnd = iso(addDays(day(today), kind < 0.55 ? r.int(0, 365) : kind < 0.8 ? -r.int(1, 90) : -r.int(100, 700)));
      const count = r.int(1, 4);
      const terms: Term[] = [];
      const transitions: Transition[] = [];
      let end = lastEnd;
      for (let i = 0; i < count; i++) {
        const start = iso(addDays(addMonths(day(end), -months), 1));
        terms.unshift({ number: '', start, end, amount: 0, status: '', renewalDate: '', renewalAmount: '', notes: '' });
        if (i === count - 1) break;
        const t = pickTransition(r);
        const back = t === 'stop' ? 'consecutive' : t;
        transitions.unshift(back);
        if (back === 'consecutive' || back === 'lostThenBack') end = iso(addDays(day(start), -1));
        else if (back === 'early') end = iso(addDays(day(start), r.int(5, 30)));
        else if (back === 'late') end = iso(addDays(day(start), -r.int(10, 85)));
        else end = iso(addDays(day(start), -r.int(120, 500)));
      }
      let amount = r.int(20, 300) * 100;
      terms.forEach((term, i) => {
        term.number = `${prefix}-${String(++serial).padStart(5, '0')}`;
        term.amount = amount;
        expected.terms++;
        const nextAmount = r.chance(0.5) ? amount : Math.max(100, amount + r.int(-20, 40) * 100);
        const next: Transition = i < terms.length - 1 ? transitions[i]! : 'stop';
        if (next === 'consecutive' || next === 'early' || next === 'late') {
          // The later term is the evidence: 已续费, a blank, or even 未续费 still links.
          expected.linked++;
          const k = r.int(0, 5);
          term.status = k < 3 ? '已续费' : k < 5 ? '' : '未续费';
          if (term.status === '已续费' && r.chance(0.5)) {
            term.renewalDate = written(r, terms[i + 1]!.start);
            term.renewalAmount = String(nextAmount / 100);
          }
        } else if (next === 'lostThenBack' || next === 'gap') {
          // Lost, then won back later: never linked (a gap over 92 days does not link either).
          term.status = next === 'lostThenBack' || r.chance(0.5) ? '已流失' : r.pick(['', '未续费'] as const);
          if (term.status === '已流失') expected.lost++;
          else settleAlone(term);
        } else {
          const k = r.int(0, 9);
          if (term.end >= today) term.status = k < 4 ? '' : k < 7 ? '续费中' : '未续费';
          else term.status = k < 1 ? '已流失' : k < 2 ? '已续费' : k < 6 ? '未续费' : k < 8 ? '续费中' : '';
          if (term.status === '已流失') expected.lost++;
          else if (term.status === '已续费') {
            expected.renewedAlone++;
            term.renewalDate = written(r, iso(addDays(day(term.end), 1)));
          } else settleAlone(term);
        }
        amount = nextAmount;
      });
      for (const t of terms) {
        const remind = t.end >= today && r.chance(0.3) ? iso(addDays(day(t.end), -r.int(10, 40))) : '';
        lines.push(
          [name, contact, phone, t.number, written(r, t.start), written(r, t.end), String(t.amount / 100), service, cycle, tier, owner, t.status, t.renewalDate, t.renewalAmount, remind, t.notes].join(','),
        );
      }
    }
  }
  return { csv: `${lines.join('\r\n')}\r\n`, expected, overdueNumbers };

  /** An undecided term with no successor: history, overdue or still to come. */
  function settleAlone(t: Term) {
    if (t.end < cutoff) expected.history++;
    else if (t.end < today) {
      expected.overdue++;
      overdueNumbers.push(t.number);
    }
  }
}

/** Days from `a` to `b`, for tests that state a gap. */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(day(b), day(a));
}
