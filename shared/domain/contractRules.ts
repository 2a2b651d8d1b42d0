import { createTranslator, type MessageKey, type Translate } from '../i18n/createTranslator.ts';
import type { Cycle } from './enums.ts';

export interface ContractDates {
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** null: unknown. Such a contract still needs an end date; only 一次性 may go without. */
  cycle: Cycle | null;
}

export interface RuleViolation {
  field: keyof ContractDates;
  key: MessageKey;
  message: string;
}

const zh = createTranslator('zh-CN');

/**
 * Business rules on a contract's dates; shared so the form can say the same thing before saving, in the
 * UI's language (zh-CN unless a translator is given).
 */
export function contractDateViolation(c: ContractDates, t: Translate = zh): RuleViolation | null {
  const violation = (key: MessageKey): RuleViolation => ({ field: 'endsOn', key, message: t(key) });
  if (c.endsOn === null && c.cycle !== 'once') return violation('contract.endsOnRequired');
  if (c.endsOn !== null && c.startsOn !== null && c.endsOn < c.startsOn) return violation('contract.endsBeforeStart');
  if (c.endsOn !== null && c.startsOn === null && c.signedOn !== null && c.endsOn < c.signedOn) return violation('contract.endsBeforeSigned');
  return null;
}
