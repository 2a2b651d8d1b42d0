// What a contract row's 续费状态/续费日期/续费金额/流失原因 do to its term's one renewal record. A blank cell never
// erases; 待跟进 and 未续费 (pending) never create a record and never move an existing one, so a re-imported
// export (which writes 待跟进 for a term with no record) changes nothing. 流失原因 belongs to a lost record only.
import type { RenewalFields } from '../../../../db/import/index.ts';
import type { ImportChange } from '../../../../shared/api/import.contract.ts';
import type { RenewalStage } from '../../../../shared/domain/enums.ts';
import { fenToYuanString } from '../../../../shared/domain/money.ts';
import { labelOf, renewalStageLabels } from '../../../../shared/i18n/enumLabels.ts';
import { FIELD_HEADERS, type RenewalValues } from '../../../../shared/importExport/importFields.ts';
import { joinLostReason } from '../../../../shared/importExport/normalizeEnums.ts';
import { sameValue } from './sameValue.ts';

/** A term's record as the chunk works on it: stored (then `patch` names what changed) or created here. */
export interface WorkingRenewal extends RenewalFields {
  id: string;
  stored: boolean;
  patch: Set<keyof RenewalFields>;
}

const RENEWAL_FIELDS = ['stage', 'outcomeOn', 'outcomeAmountFen', 'lostReason', 'lostNote'] as const;

/** The record the row asks for, or null when it asks for none (no record, and no stage past pending). */
function wanted(current: RenewalFields | null, sheet: RenewalValues): RenewalFields | null {
  const decisive = sheet.stage !== null && sheet.stage !== 'pending';
  if (!current && !decisive) return null;
  const stage: RenewalStage = decisive ? sheet.stage! : current!.stage;
  const lostCell = sheet.lostReason !== null || sheet.lostNote !== null;
  return {
    stage,
    outcomeOn: sheet.outcomeOn ?? current?.outcomeOn ?? null,
    outcomeAmountFen: sheet.amountFen ?? current?.outcomeAmountFen ?? null,
    lostReason: stage !== 'lost' ? null : lostCell ? sheet.lostReason : (current?.lostReason ?? null),
    lostNote: stage !== 'lost' ? null : lostCell ? sheet.lostNote : (current?.lostNote ?? null),
  };
}

function copyField<K extends keyof RenewalFields>(target: RenewalFields, source: RenewalFields, field: K): void {
  target[field] = source[field];
}

const stageLabel = (s: RenewalStage | null) => (s === null ? null : labelOf(renewalStageLabels, s));

/** The report's lines for a record that goes from `from` (null: none) to `to`, under the sheet's headers. */
function reportFields(from: RenewalFields | null, to: RenewalFields): ImportChange['fields'] {
  const fields: ImportChange['fields'] = [];
  const push = (header: string, a: string | null, b: string | null) => {
    if (a !== b) fields.push({ field: header, from: a, to: b });
  };
  push(FIELD_HEADERS.renewalStatus.zh, stageLabel(from?.stage ?? null), stageLabel(to.stage));
  push(FIELD_HEADERS.renewalDate.zh, from?.outcomeOn ?? null, to.outcomeOn);
  const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fenToYuanString(fen));
  push(FIELD_HEADERS.renewalAmount.zh, yuan(from?.outcomeAmountFen), yuan(to.outcomeAmountFen));
  push(FIELD_HEADERS.lostReason.zh, joinLostReason(from?.lostReason ?? null, from?.lostNote ?? null), joinLostReason(to.lostReason, to.lostNote));
  return fields;
}

export interface RenewalEffect {
  /** The record after the row (the same object when it existed), or null when there is none. */
  renewal: WorkingRenewal | null;
  /** The row moved the term to renewed: its contract becomes 已续约. */
  becameRenewed: boolean;
  /** The row moved a renewed term to another stage. */
  leftRenewed: boolean;
  fields: ImportChange['fields'];
}

/** Applies a row's renewal cells to the term's working record (`newId` names a record the row creates). */
export function applySheetRenewal(current: WorkingRenewal | null, sheet: RenewalValues, newId: () => string): RenewalEffect {
  const next = wanted(current, sheet);
  if (next === null) return { renewal: current, becameRenewed: false, leftRenewed: false, fields: [] };
  const fields = reportFields(current, next);
  const becameRenewed = next.stage === 'renewed' && current?.stage !== 'renewed';
  const leftRenewed = current?.stage === 'renewed' && next.stage !== 'renewed';
  if (!current) return { renewal: { ...next, id: newId(), stored: false, patch: new Set() }, becameRenewed, leftRenewed, fields };
  for (const f of RENEWAL_FIELDS) {
    if (sameValue(current[f], next[f])) continue;
    copyField(current, next, f);
    current.patch.add(f);
  }
  return { renewal: current, becameRenewed, leftRenewed, fields };
}
