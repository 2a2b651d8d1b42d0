import { mulberry32 } from '../../shared/domain/seededRandom.ts';
import { newId } from '../../db/newId.ts';
import type { BenchContact, BenchContract, BenchCustomer, BenchFollowUp, ListBenchSink } from './seedListBench.ts';
import { DEMO_FOLLOW_UP_SUMMARIES } from '../../electron/services/system/demoData.ts';

// A deterministic generator of a realistic customer archive for the list benchmark and its tests. Pure data:
// it streams rows into a sink and holds no SQL. Bump the version whenever the output would change.
export const LIST_BENCH_GENERATOR_VERSION = 1;

export interface ListBenchSizes {
  customers: number;
  contacts: number;
  contracts: number;
  followUps: number;
  owners: number;
}
export const LIST_BENCH_SIZES: ListBenchSizes = {
  customers: 100_000,
  contacts: 300_000,
  contracts: 150_000,
  followUps: 1_000_000,
  owners: 20,
};
/** Generated dates are relative to this fixed day, so a cached database stays the same. */
export const LIST_BENCH_TODAY = '2025-06-01';

export interface ListBenchSummary {
  ownerIds: string[];
  tagIds: string[];
  customers: number;
}

const CITIES = [
  '杭州', '上海', '北京', '深圳', '南京', '苏州', '成都', '武汉', '广州', '宁波', '青岛', '厦门', '西安', '长沙', '合肥',
  '重庆', '天津', '郑州', '济南', '福州', '无锡', '温州', '绍兴', '嘉兴', '佛山', '东莞', '珠海', '南昌', '昆明', '贵阳',
  '南宁', '太原', '石家庄', '沈阳', '大连', '长春', '哈尔滨', '兰州', '常州', '金华',
];
// Shop names (字号) are two characters drawn from this pool, so each one is shared by a few dozen companies.
const BRAND_CHARS = Array.from(
  '云启恒达鼎盛华信博远嘉禾瑞丰天成星河明德汇通锦程安泰新源中卓越宏图金桥海纳立诚智联创优佳美正道同和永兴荣昌光耀伟业聚力腾飞九州东方君合凯宇航润泽鑫隆百川银',
);
// [trade, weight]: about three in ten names contain 科技, as in a real list of small-business clients.
const TRADES: [string, number][] = [
  ['科技', 14], ['信息技术', 5], ['网络科技', 6], ['智能科技', 4], ['环保科技', 3], ['生物科技', 2], ['贸易', 8],
  ['电子商务', 5], ['餐饮管理', 5], ['医疗器械', 4], ['教育咨询', 4], ['物业服务', 3], ['广告', 3], ['物流', 4],
  ['建筑设计', 3], ['文化传媒', 4], ['企业管理咨询', 3], ['建材', 2], ['机械设备', 3], ['食品', 3], ['汽车服务', 2],
  ['人力资源', 2], ['装饰工程', 3], ['酒店管理', 2], ['软件', 3], ['家居', 2], ['印务', 1], ['服饰', 2],
];
const SUFFIXES: [string, number][] = [
  ['有限公司', 60], ['股份有限公司', 8], ['有限责任公司', 10], ['集团有限公司', 4], ['工作室', 6], ['商行', 5], ['经营部', 4], ['分公司', 3],
];
const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段');
const GIVEN = Array.from('伟芳娜敏静磊洋勇艳杰娟涛明超秀英华建东丽志强海燕军平刚桂兰玲霞鹏辉宇浩然子涵欣怡梓轩雨晨佳琪博文思远晓峰红梅春');
const TITLES = ['总经理', '采购经理', '行政主管', '财务经理', 'IT 负责人', '运营总监', '店长', '副总经理', '法务', '项目经理'];
const SERVICES = ['企业邮箱', '云服务器租用', '办公设备租赁', '监控运维服务', '财税代账', '小程序运营托管', '网络安全巡检', '软件年费', '设备维保', '会员服务'];
const SOURCES = ['转介绍', '官网咨询', '展会', '电话营销', '老客户', '合作伙伴'];
const OWNER_NAMES = [
  '张伟', '李娜', '王芳', '刘洋', '吴昊', '陈静', '杨磊', '赵敏', '黄杰', '周婷',
  '徐涛', '孙丽', '马超', '朱琳', '胡斌', '郭蕾', '何平', '林峰', '罗敏', '高翔',
];
const TAG_NAMES = ['老客户', '高意向', '价格敏感', '需回访', '大客户', '续约风险'];
const CHANNELS = ['phone', 'wechat', 'visit', 'email', 'other'];
const KINDS = ['revisit', 'renewal', 'complaint', 'other'];
// [cycle, weight, days]
const CYCLES: [string, number, number][] = [
  ['year', 60, 365], ['half_year', 15, 182], ['quarter', 10, 91], ['month', 10, 30], ['once', 5, 0],
];

const DAY_MS = 86_400_000;

/** Streams a whole dataset into `sink`, parents first, a thousand customers at a time. */
export function generateListBench(sink: ListBenchSink, sizes: ListBenchSizes = LIST_BENCH_SIZES, seed = 20250601): ListBenchSummary {
  const rand = mulberry32(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number, ...unknown[]])[]) => {
    const total = list.reduce((s, e) => s + e[1], 0);
    return () => {
      let r = rand() * total;
      for (const e of list) if ((r -= e[1]) < 0) return e;
      return list[list.length - 1]!;
    };
  };
  const pickTrade = weighted(TRADES);
  const pickSuffix = weighted(SUFFIXES);
  const pickCycle = weighted(CYCLES);

  const base = Date.parse(`${LIST_BENCH_TODAY}T00:00:00Z`);
  const dayCache = new Map<number, string>();
  const day = (offset: number) => {
    let s = dayCache.get(offset);
    if (s === undefined) dayCache.set(offset, (s = new Date(base + offset * DAY_MS).toISOString().slice(0, 10)));
    return s;
  };
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const instant = (offset: number) => `${day(offset)}T${two(int(24))}:${two(int(60))}:${two(int(60))}.000Z`;

  /** Spreads `total` children over the customers at random, each customer getting `floor` first. */
  const spread = (total: number, floor: number) => {
    const counts = new Uint16Array(sizes.customers).fill(floor);
    for (let i = floor * sizes.customers; i < total; i++) counts[int(sizes.customers)]!++;
    return counts;
  };
  const contactCounts = spread(sizes.contacts, sizes.contacts >= sizes.customers ? 1 : 0);
  const contractCounts = spread(sizes.contracts, 0);
  const followUpCounts = spread(sizes.followUps, 0);

  const createdAt = instant(-1200);
  const owners = OWNER_NAMES.slice(0, sizes.owners).map((name, i) => ({
    id: newId(),
    name,
    phone: `1390000${String(i).padStart(4, '0')}`,
    createdAt,
  }));
  // Some account managers carry more customers than others.
  const ownerWeights = owners.map((o, i) => [o, 1 + (i % 5) * 0.25] as const);
  const pickOwner = weighted(ownerWeights);
  const tags = TAG_NAMES.map((name, i) => ({ id: newId(), name, color: ['red', 'gold', 'blue', 'green', 'purple', 'cyan'][i]!, createdAt }));
  sink.owners(owners);
  sink.tags(tags);

  const names = new Set<string>();
  const companyName = () => {
    for (;;) {
      const brand = pick(BRAND_CHARS) + pick(BRAND_CHARS);
      const name = `${pick(CITIES)}${brand}${pickTrade()[0]}${pickSuffix()[0]}`;
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const personName = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(int(10));
    return s;
  };
  const phone = () => {
    const r = rand();
    if (r < 0.05) return null;
    if (r < 0.15) return `0${pick(['571', '21', '10', '755', '25', '512'])}-${digits(8)}`;
    const mobile = `1${3 + int(7)}${digits(9)}`;
    return r < 0.3 ? `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}` : mobile;
  };

  let contractSeq = 0;
  let contactSeq = 0;
  const CHUNK = 1000;
  for (let start = 0; start < sizes.customers; start += CHUNK) {
    const customers: BenchCustomer[] = [];
    const contacts: BenchContact[] = [];
    const contracts: BenchContract[] = [];
    const followUps: BenchFollowUp[] = [];
    for (let i = start; i < Math.min(start + CHUNK, sizes.customers); i++) {
      const id = newId();
      const owner = pickOwner()[0];
      const tierRoll = rand();
      const tier = tierRoll < 0.1 ? 'vip' : tierRoll < 0.4 ? 'important' : 'normal';
      const created = -1100 + int(1090);
      const deletedAt = rand() < 0.005 ? instant(-int(100)) : null;
      const trade = pickTrade()[0];
      const mine: BenchContract[] = [];
      for (let k = 0; k < contractCounts[i]!; k++) {
        const [cycle, , cycleDays] = pickCycle() as [string, number, number];
        const ends = cycle === 'once' ? null : -400 + int(900);
        const starts = ends === null ? created + int(200) : ends - cycleDays;
        const r = rand();
        const status =
          ends === null ? 'active'
          : ends < -30 ? (r < 0.6 ? 'renewed' : r < 0.85 ? 'expired' : 'active')
          : r < 0.92 ? 'active' : r < 0.97 ? 'terminated' : 'renewed';
        contractSeq++;
        mine.push({
          id: newId(),
          customerId: id,
          number: `HT${day(starts).slice(0, 4)}${String(contractSeq).padStart(7, '0')}`,
          signedOn: day(starts - int(20)),
          startsOn: day(starts),
          endsOn: ends === null ? null : day(ends),
          amountFen: (1 + int(500)) * 10_000,
          cycle,
          service: pick(SERVICES),
          status,
          ownerId: owner.id,
          createdAt: instant(Math.min(starts, 0)),
          deletedAt: deletedAt ?? (rand() < 0.01 ? instant(-int(60)) : null),
        });
      }
      // As refreshNextExpiry keeps it: the earliest end among live active contracts, overdue included.
      let next: string | null = null;
      for (const k of mine) {
        if (k.status === 'active' && k.deletedAt === null && k.endsOn !== null && (next === null || k.endsOn < next)) next = k.endsOn;
      }
      contracts.push(...mine);
      customers.push({
        id,
        name: companyName(),
        code: `C${String(i + 1).padStart(6, '0')}`,
        industry: trade,
        tier,
        ownerId: owner.id,
        lifecycleStage: rand() < 0.9 ? 'customer' : pick(['prospect', 'churned']),
        source: pick(SOURCES),
        nextExpiryOn: next,
        archivedAt: rand() < 0.03 ? instant(-int(300)) : null,
        createdAt: instant(created),
        deletedAt,
        tagIds: rand() < 0.3 ? [...new Set([pick(tags).id, pick(tags).id])] : [],
      });
      for (let k = 0; k < contactCounts[i]!; k++) {
        contactSeq++;
        contacts.push({
          id: newId(),
          customerId: id,
          name: personName(),
          title: pick(TITLES),
          phone: phone(),
          email: rand() < 0.4 ? `contact${contactSeq}@example.com` : null,
          isPrimary: k === 0,
          createdAt: instant(created + int(30)),
          deletedAt: deletedAt ?? (k > 0 && rand() < 0.02 ? instant(-int(60)) : null),
        });
      }
      for (let k = 0; k < followUpCounts[i]!; k++) {
        const at = -int(730);
        const next = rand() < 0.25 ? at + 7 + int(24) : null;
        followUps.push({
          id: newId(),
          customerId: id,
          contractId: mine.length > 0 && rand() < 0.6 ? pick(mine).id : null,
          at: instant(at),
          channel: pick(CHANNELS),
          kind: pick(KINDS),
          summary: pick(DEMO_FOLLOW_UP_SUMMARIES),
          nextFollowUpOn: next === null ? null : day(next),
          nextDoneAt: next !== null && next < 0 && rand() < 0.8 ? instant(next) : null,
          ownerId: owner.id,
          deletedAt,
        });
      }
    }
    sink.customers(customers);
    sink.contacts(contacts);
    sink.contracts(contracts);
    sink.followUps(followUps);
  }
  return { ownerIds: owners.map((o) => o.id), tagIds: tags.map((t) => t.id), customers: sizes.customers };
}
