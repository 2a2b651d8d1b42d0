import type {
  ContractStatus,
  Cycle,
  FollowUpChannel,
  FollowUpKind,
  LifecycleStage,
  RenewalStage,
  Tier,
} from '../domain/enums.ts';
import type { SheetRenewalStatus } from '../renewals/sheetRenewalStatus.ts';
import type { DisplayStatus } from '../renewals/displayStatus.ts';
import type { Locale } from './locale.ts';

export type { Locale };

type Labels<T extends string> = Record<T, Record<Locale, string>>;

export const tierLabels: Labels<Tier> = {
  vip: { 'zh-CN': 'VIP', 'en-US': 'VIP' },
  important: { 'zh-CN': '重要', 'en-US': 'Key' },
  normal: { 'zh-CN': '普通', 'en-US': 'Standard' },
};

export const cycleLabels: Labels<Cycle> = {
  month: { 'zh-CN': '月', 'en-US': 'Monthly' },
  quarter: { 'zh-CN': '季', 'en-US': 'Quarterly' },
  half_year: { 'zh-CN': '半年', 'en-US': 'Semiannual' },
  year: { 'zh-CN': '年', 'en-US': 'Annual' },
  once: { 'zh-CN': '一次性', 'en-US': 'One-time' },
};

export const contractStatusLabels: Labels<ContractStatus> = {
  active: { 'zh-CN': '生效中', 'en-US': 'Active' },
  expired: { 'zh-CN': '已到期', 'en-US': 'Expired' },
  renewed: { 'zh-CN': '已续约', 'en-US': 'Renewed' },
  terminated: { 'zh-CN': '已终止', 'en-US': 'Terminated' },
};

/** The one status a contract shows (shared/renewals/displayStatus.ts). */
export const displayStatusLabels: Labels<DisplayStatus> = {
  active: { 'zh-CN': '生效中', 'en-US': 'Active' },
  dueSoon: { 'zh-CN': '即将到期', 'en-US': 'Due soon' },
  overdue: { 'zh-CN': '已逾期', 'en-US': 'Overdue' },
  expired: { 'zh-CN': '已到期', 'en-US': 'Expired' },
  renewed: { 'zh-CN': '已续约', 'en-US': 'Renewed' },
  lost: { 'zh-CN': '已流失', 'en-US': 'Lost' },
  terminated: { 'zh-CN': '已终止', 'en-US': 'Terminated' },
};

export const renewalStageLabels: Labels<RenewalStage> = {
  pending: { 'zh-CN': '待跟进', 'en-US': 'Pending' },
  contacted: { 'zh-CN': '已联系', 'en-US': 'Contacted' },
  negotiating: { 'zh-CN': '谈判中', 'en-US': 'Negotiating' },
  renewed: { 'zh-CN': '已续费', 'en-US': 'Renewed' },
  lost: { 'zh-CN': '已流失', 'en-US': 'Lost' },
};

export const lifecycleStageLabels: Labels<LifecycleStage> = {
  prospect: { 'zh-CN': '潜在客户', 'en-US': 'Prospect' },
  customer: { 'zh-CN': '合作中', 'en-US': 'Customer' },
  churned: { 'zh-CN': '已流失', 'en-US': 'Churned' },
};

export const followUpChannelLabels: Labels<FollowUpChannel> = {
  phone: { 'zh-CN': '电话', 'en-US': 'Phone' },
  wechat: { 'zh-CN': '微信', 'en-US': 'WeChat' },
  visit: { 'zh-CN': '拜访', 'en-US': 'Visit' },
  email: { 'zh-CN': '邮件', 'en-US': 'Email' },
  sms: { 'zh-CN': '短信', 'en-US': 'SMS' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

export const followUpKindLabels: Labels<FollowUpKind> = {
  revisit: { 'zh-CN': '回访', 'en-US': 'Check-in' },
  renewal: { 'zh-CN': '续约沟通', 'en-US': 'Renewal talk' },
  complaint: { 'zh-CN': '投诉', 'en-US': 'Complaint' },
  inquiry: { 'zh-CN': '咨询', 'en-US': 'Inquiry' },
  ticket: { 'zh-CN': '工单', 'en-US': 'Ticket' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

/** The 续费状态 column's values are stored in Chinese (they are the sheet's words); shown per language. */
export const sheetRenewalStatusLabels: Labels<SheetRenewalStatus> = {
  已续费: { 'zh-CN': '已续费', 'en-US': 'Renewed' },
  续费中: { 'zh-CN': '续费中', 'en-US': 'In progress' },
  未续费: { 'zh-CN': '未续费', 'en-US': 'Not renewed' },
};

export function labelOf<T extends string>(labels: Labels<T>, code: T, locale: Locale = 'zh-CN'): string {
  return labels[code]?.[locale] ?? code;
}
