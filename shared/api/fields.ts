import { z } from './zodSetup.ts';
import { isIsoDate } from '../domain/dates.ts';
import {
  CURRENCIES,
  CYCLES,
  CONTRACT_STATUSES,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_KINDS,
  LIFECYCLE_STAGES,
  TIERS,
} from '../domain/enums.ts';

export const idField = z.string().min(1, '缺少 ID').max(64);
export const isoDate = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD，且必须是真实存在的日期' });
export const isoInstant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO-8601' });
export const trimmedName = (label: string, max = 200) =>
  z
    .string({ message: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${label}不能为空`).max(max, `${label}不能超过 ${max} 个字`));
export const optionalText = (max = 2000) =>
  z
    .string()
    .max(max, `不能超过 ${max} 个字`)
    .transform((s) => s.trim())
    .nullable()
    .optional();
export const phoneField = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[0-9+\-() ]{3,30}$/, '电话只能包含数字、空格、+、- 和括号'))
  .nullable()
  .optional();
export const emailField = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.email('邮箱格式不正确'))
  .nullable()
  .optional();
export const tierField = z.enum(TIERS, { message: '客户等级只能是 VIP、重要或普通' });
export const cycleField = z.enum(CYCLES, { message: '续费周期只能是 月、季、半年、年 或 一次性' });
export const contractStatusField = z.enum(CONTRACT_STATUSES, { message: '合同状态不正确' });
export const lifecycleField = z.enum(LIFECYCLE_STAGES, { message: '客户阶段不正确' });
export const channelField = z.enum(FOLLOW_UP_CHANNELS, { message: '跟进方式只能是 电话、微信、拜访、邮件 或 其他' });
export const followUpKindField = z.enum(FOLLOW_UP_KINDS, { message: '跟进类型只能是 回访、续约沟通、投诉 或 其他' });
export const currencyField = z.enum(CURRENCIES, { message: '币种不支持' });
export const amountFenField = z
  .number({ message: '金额必须是数字' })
  .int('金额以分为单位，必须是整数')
  .min(0, '金额不能为负数')
  .max(1e13, '金额过大');
export const versionField = z.number().int().min(1).optional();
export const customFieldsField = z.record(z.string().max(50), z.string().max(500));

export const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
