import type { Dayjs } from 'dayjs';
import type { FollowUpCreateInput } from '../../../shared/api/followUps.contract.ts';
import type { FollowUpChannel, FollowUpKind } from '../../../shared/domain/enums.ts';
import { fromDayjs } from '../../format/dates.ts';

export interface FollowUpValues {
  channel: FollowUpChannel;
  kind: FollowUpKind;
  summary: string;
  nextFollowUpOn: Dayjs | null;
  contractId?: string | null;
}

export const FOLLOW_UP_DEFAULTS: Partial<FollowUpValues> = { channel: 'phone', kind: 'revisit', nextFollowUpOn: null };

export const FOLLOW_UP_FIELD_MAP = { channel: 'channel', kind: 'kind', summary: 'summary', nextFollowUpOn: 'nextFollowUpOn', contractId: 'contractId' };

export function toFollowUpInput(customerId: string, v: FollowUpValues): FollowUpCreateInput {
  return {
    customer: customerId,
    channel: v.channel,
    kind: v.kind,
    summary: v.summary,
    nextFollowUpOn: fromDayjs(v.nextFollowUpOn),
    contractId: v.contractId ?? null,
  };
}
