import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import type { MessageKey } from '../i18n/createTranslator.ts';
import { isMessageKey, msg, type MessageParams } from '../i18n/message.ts';
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

export const idField = z.string().min(1, issue('validation.id')).max(64);
export const isoDate = z.string().refine(isIsoDate, { message: issue('validation.isoDate') });
export const isoInstant = z.iso.datetime({ offset: true, message: issue('validation.isoInstant') });
/** `label` names the field inside the message ('label.customerName'). */
export const trimmedName = (label: MessageKey, max = 200) =>
  z
    .string({ message: issue('validation.nameRequired', { label: msg(label) }) })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, issue('validation.nameBlank', { label: msg(label) }))
        .max(max, issue('validation.nameTooLong', { label: msg(label), max })),
    );
export const optionalText = (max = 2000) =>
  z
    .string()
    .max(max, issue('validation.max', { max }))
    .transform((s) => s.trim())
    .nullable()
    .optional();
export const phoneField = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[0-9+\-() ]{3,30}$/, issue('validation.phone')))
  .nullable()
  .optional();
export const emailField = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.email(issue('validation.email')))
  .nullable()
  .optional();
export const tierField = z.enum(TIERS, { message: issue('validation.tier') });
export const cycleField = z.enum(CYCLES, { message: issue('validation.cycle') });
export const contractStatusField = z.enum(CONTRACT_STATUSES, { message: issue('validation.contractStatus') });
export const lifecycleField = z.enum(LIFECYCLE_STAGES, { message: issue('validation.lifecycle') });
export const channelField = z.enum(FOLLOW_UP_CHANNELS, { message: issue('validation.channel') });
export const followUpKindField = z.enum(FOLLOW_UP_KINDS, { message: issue('validation.followUpKind') });
export const currencyField = z.enum(CURRENCIES, { message: issue('validation.currency') });
export const amountFenField = z
  .number({ message: issue('validation.amountNumber') })
  .int(issue('validation.amountInteger'))
  .min(0, issue('validation.amountNegative'))
  .max(1e13, issue('validation.amountTooLarge'));
export const versionField = z.number().int().min(1).optional();
export const customFieldsField = z.record(z.string().max(50), z.string().max(500));

/** A catalogue message in an output (an import report's reason), for a reader to word in its language. */
export const messageKeyField = z.custom<MessageKey>(isMessageKey);
export const messageParamsField = z.custom<MessageParams>((v) => typeof v === 'object' && v !== null);

export const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
