import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import type { MessageKey } from '../i18n/createTranslator.ts';
import { isMessageKey, msg, type MessageParams } from '../i18n/message.ts';
import { controlCharacterIssue } from '../domain/controlCharacterIssue.ts';
import {
  isIsoDate,
  isSupportedDate,
  isSupportedInstant,
  MAX_SUPPORTED_DATE,
  MAX_SUPPORTED_YEAR,
  MIN_SUPPORTED_DATE,
  MIN_SUPPORTED_YEAR,
} from '../domain/dates.ts';
import {
  CURRENCIES,
  CYCLES,
  CONTRACT_STATUSES,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_KINDS,
  LIFECYCLE_STAGES,
} from '../domain/enums.ts';

export const idField = z.string().min(1, issue('validation.id')).max(64);
/** Every calendar date the API takes: a real date within the supported years. */
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: issue('validation.isoDate'), abort: true })
  .refine(isSupportedDate, { message: issue('inputLimits.dateRange', { min: MIN_SUPPORTED_DATE, max: MAX_SUPPORTED_DATE }) });
export const isoInstant = z
  .iso.datetime({ offset: true, message: issue('validation.isoInstant'), abort: true })
  .refine(isSupportedInstant, { message: issue('inputLimits.instantRange', { min: MIN_SUPPORTED_YEAR, max: MAX_SUPPORTED_YEAR }) });

/**
 * A check that refuses control characters (and, unless `multiLine`, line breaks) in a text, after trimming.
 * `label` names the field inside the message.
 */
export const noControlCharacters =
  (multiLine: boolean, label?: MessageKey) =>
  <T>(text: string, ctx: z.RefinementCtx<T>): void => {
    const problem = controlCharacterIssue(text, multiLine, label === undefined ? undefined : msg(label));
    if (problem) ctx.addIssue({ code: 'custom', message: issue(problem.key, problem.params) });
  };

/** A single-line name: trimmed, required. `label` names the field inside the message ('label.customerName'). */
export const trimmedName = (label: MessageKey, max = 200) =>
  z
    .string({ message: issue('validation.nameRequired', { label: msg(label) }) })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, issue('validation.nameBlank', { label: msg(label) }))
        .max(max, issue('validation.nameTooLong', { label: msg(label), max }))
        .superRefine(noControlCharacters(false, label)),
    );
/** A single-line text that may be left out or cleared (title, service, industry…). */
export const optionalText = (max = 2000) =>
  z
    .string()
    .max(max, issue('validation.max', { max }))
    .transform((s) => s.trim())
    .pipe(z.string().superRefine(noControlCharacters(false)))
    .nullable()
    .optional();
/** Notes: line breaks (folded to LF) and tabs kept, other control characters refused. */
export const multiLineText = (max = 5000) =>
  z
    .string()
    .max(max, issue('validation.max', { max }))
    .transform(foldLineBreaks)
    .pipe(z.string().superRefine(noControlCharacters(true)))
    .nullable()
    .optional();
/** Trimmed, with each CR LF pair or lone CR as LF: multi-line text as it is stored (and as the import reads it). */
export function foldLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
export const phoneField = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().superRefine(noControlCharacters(false)).regex(/^[0-9+\-() ]{3,30}$/, issue('validation.phone')))
  .nullable()
  .optional();
export const emailField = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().superRefine(noControlCharacters(false)).pipe(z.email(issue('validation.email'))))
  .nullable()
  .optional();
/** A tier code: a built-in (vip, important, normal) or a custom tier's; whether it exists is the service's check
 *  (electron/services/tiers/tierTable.service.ts assertTier), since tiers are a table (migration 0019). */
export const TIER_CODE_RE = /^[a-z][a-z0-9_]{0,23}$/;
export const tierField = z.string({ message: issue('validation.tier') }).regex(TIER_CODE_RE, issue('validation.tier'));
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
// A name is checked on the whole record: zod words a failing key schema itself and drops our message.
export const customFieldsField = z
  .record(
    z.string().max(50),
    z
      .string()
      .max(500)
      .transform((s) => s.trim())
      .pipe(z.string().superRefine(noControlCharacters(false))),
  )
  .superRefine((fields, ctx) => {
    for (const name of Object.keys(fields)) noControlCharacters(false, 'inputLimits.customFieldName')(name, ctx);
  });

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
