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
  message: string;
}

/** Business rules on a contract's dates; shared so the form can say the same thing before saving. */
export function contractDateViolation(c: ContractDates): RuleViolation | null {
  if (c.endsOn === null && c.cycle !== 'once') {
    return { field: 'endsOn', message: '请填写到期日期（只有一次性合同可以不填）' };
  }
  if (c.endsOn !== null && c.startsOn !== null && c.endsOn < c.startsOn) {
    return { field: 'endsOn', message: '到期日期不能早于开始日期' };
  }
  if (c.endsOn !== null && c.startsOn === null && c.signedOn !== null && c.endsOn < c.signedOn) {
    return { field: 'endsOn', message: '到期日期不能早于签订日期' };
  }
  return null;
}
