import type { Cycle, FollowUpChannel, FollowUpKind, Tier } from '../../../shared/domain/enums.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { mulberry32 } from '../../../shared/domain/seededRandom.ts';

// A seeded generator: the same `today` always yields the same customers, so demo loads are reproducible.

const CITIES = ['杭州', '上海', '北京', '深圳', '南京', '苏州', '成都', '武汉', '广州', '宁波', '青岛', '厦门', '西安', '长沙', '合肥'];
const BRANDS = ['云启', '恒达', '鼎盛', '华信', '博远', '嘉禾', '瑞丰', '天成', '星河', '明德', '汇通', '锦程', '安泰', '新源', '中科', '卓越', '宏图', '金桥', '海纳', '立信'];
const TRADES = ['科技', '信息技术', '贸易', '餐饮管理', '医疗器械', '教育咨询', '物业服务', '电子商务', '广告', '物流', '建筑设计', '环保科技'];
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '工作室', '商行'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '晓东', '丽华', '志强', '海燕'];
const TITLES = ['总经理', '采购经理', '行政主管', '财务经理', 'IT 负责人', '运营总监', '店长', '副总经理'];
const SERVICES = ['企业邮箱', '云服务器租用', '办公设备租赁', '监控运维服务', '财税代账', '小程序运营托管', '网络安全巡检', '软件年费', '设备维保', '会员服务'];
/** Follow-up summaries as owners write them; the list benchmark's generator uses them too. */
export const DEMO_FOLLOW_UP_SUMMARIES = [
  '电话回访，客户对服务满意，表示会按时续费',
  '微信沟通续费方案，客户希望年付享受 9 折',
  '上门拜访，了解到明年预算有所缩减',
  '客户反馈系统偶尔卡顿，已安排技术排查',
  '发送续约报价单，等待对方财务审批',
  '客户询问增加账号数量的价格',
  '投诉上月账单金额有误，已核对并解释',
  '确认联系人变更，新对接人为采购部',
];

export const DEMO_OWNERS = ['张伟', '李娜', '王芳', '刘洋', '吴昊'];
export const DEMO_TAGS = ['老客户', '高意向', '价格敏感', '需回访'];

export interface DemoContract {
  number: string;
  signedOn: string;
  startsOn: string;
  endsOn: string | null;
  amountFen: number;
  cycle: Cycle;
  service: string;
}
export interface DemoFollowUp {
  daysAgo: number;
  channel: FollowUpChannel;
  kind: FollowUpKind;
  summary: string;
  nextInDays: number | null;
}
export interface DemoCustomer {
  name: string;
  tier: Tier;
  ownerIndex: number;
  industry: string;
  tagIndexes: number[];
  contact: { name: string; title: string; phone: string; birthday: string | null };
  contracts: DemoContract[];
  followUps: DemoFollowUp[];
}

const CYCLE_DAYS: Record<Cycle, number> = { month: 30, quarter: 91, half_year: 182, year: 365, once: 0 };

export function buildDemoCustomers(today: string, count = 200): DemoCustomer[] {
  const rand = mulberry32(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const names = new Set<string>(['杭州云启科技有限公司']);
  while (names.size < count) names.add(`${pick(CITIES)}${pick(BRANDS)}${pick(TRADES)}${pick(SUFFIXES)}`);
  let contractSeq = 1;
  return [...names].map((name, i) => {
    const r = rand();
    const tier: Tier = r < 0.15 ? 'vip' : r < 0.45 ? 'important' : 'normal';
    const cycleRoll = rand();
    const cycle: Cycle = cycleRoll < 0.65 ? 'year' : cycleRoll < 0.8 ? 'half_year' : cycleRoll < 0.9 ? 'quarter' : cycleRoll < 0.97 ? 'month' : 'once';
    // End dates spread from two months overdue to about a year ahead, so something is always coming up.
    const endOffset = Math.floor(rand() * 420) - 60;
    const endsOn = addDaysIso(today, endOffset);
    const startsOn = cycle === 'once' ? addDaysIso(today, -Math.floor(rand() * 300)) : addDaysIso(endsOn, -CYCLE_DAYS[cycle] + 1);
    const amountYuan = tier === 'vip' ? 20000 + Math.floor(rand() * 180) * 1000 : tier === 'important' ? 5000 + Math.floor(rand() * 60) * 500 : 500 + Math.floor(rand() * 90) * 100;
    const contracts: DemoContract[] = [
      {
        number: `HT-${String(contractSeq++).padStart(5, '0')}`,
        signedOn: addDaysIso(startsOn, -Math.floor(rand() * 10)),
        startsOn,
        endsOn: cycle === 'once' ? null : endsOn,
        amountFen: amountYuan * 100,
        cycle,
        service: pick(SERVICES),
      },
    ];
    const followUps: DemoFollowUp[] = [];
    const n = Math.floor(rand() * 4);
    for (let k = 0; k < n; k++) {
      const isLast = k === n - 1;
      followUps.push({
        daysAgo: (n - k) * (5 + Math.floor(rand() * 20)),
        channel: pick(['phone', 'wechat', 'visit', 'email'] as const),
        kind: endOffset < 45 && isLast ? 'renewal' : pick(['revisit', 'renewal', 'complaint', 'other'] as const),
        summary: pick(DEMO_FOLLOW_UP_SUMMARIES),
        nextInDays: isLast && rand() < 0.7 ? Math.floor(rand() * 20) - 7 : null,
      });
    }
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    return {
      name,
      tier,
      ownerIndex: i % DEMO_OWNERS.length,
      industry: pick(TRADES),
      tagIndexes: rand() < 0.5 ? [Math.floor(rand() * DEMO_TAGS.length)] : [],
      contact: {
        name: pick(SURNAMES) + pick(GIVEN),
        title: pick(TITLES),
        phone: `1${pick(['38', '39', '58', '86', '77'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        birthday: rand() < 0.4 ? `19${70 + Math.floor(rand() * 25)}-${month}-${day}` : null,
      },
      contracts,
      followUps,
    };
  });
}
