import type { LadderPreview } from '../../../shared/api/reminders.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import type { Executor } from '../../../db/handle.ts';
import { findLiveContractIdByNumber, getContract } from '../../../db/repositories/contractsRepo.ts';
import { contractReminderSources } from '../../../db/repositories/reminderSourcesRepo.ts';
import { remindersOfSubjects } from '../../../db/repositories/remindersRepo.ts';
import { contractInactiveReason, contractLadder } from './recomputeReminders.ts';
import { loadReminderConfig } from './reminderConfig.ts';
import { renderIn } from '../../../shared/i18n/message.ts';

export async function resolveContractRef(x: Executor, ref: { contractId?: string | undefined; contractNo?: string | undefined }): Promise<string> {
  if (ref.contractId) return ref.contractId;
  if (ref.contractNo) {
    const id = await findLiveContractIdByNumber(x, ref.contractNo);
    if (id) return id;
    throw new AppError('NOT_FOUND', msg('errors.contractNotFound', { number: ref.contractNo }), 'contractNo');
  }
  throw new AppError('VALIDATION', msg('errors.contractNumberNeeded'), 'contractNo');
}

/** "This contract will remind you on …": every step of its ladder, with what has happened to each. */
export async function previewContractLadder(x: Executor, contractId: string): Promise<LadderPreview> {
  const contract = await getContract(x, contractId);
  const [source] = await contractReminderSources(x, [contractId]);
  if (!contract || !source) throw new AppError('NOT_FOUND', msg('errors.contractMissing'), 'contractNo');
  const config = await loadReminderConfig(x);
  const inactive = contractInactiveReason(source);
  const stored = (await remindersOfSubjects(x, 'expiry', [contractId])).filter((r) => r.occurrenceDate === contract.endsOn);
  const byStep = new Map(stored.map((r) => [r.step, r]));
  const steps = contractLadder(source, config).map((s) => {
    const row = byStep.get(s.step);
    const status: LadderPreview['steps'][number]['status'] = !row
      ? 'pending'
      : row.doneAt !== null
        ? 'done'
        : row.outcome === 'superseded'
          ? 'superseded'
          : row.firedAt !== null
            ? 'fired'
            : row.snoozedUntil !== null
              ? 'snoozed'
              : 'pending';
    return { step: s.step, localDate: s.localDate, dueAt: row?.dueAt ?? s.dueAt.toISOString(), status, firedAt: row?.firedAt ?? null };
  });
  return {
    contractId,
    contractNo: contract.number,
    customerName: contract.customerName,
    tier: source.tier as Tier,
    endsOn: contract.endsOn,
    inactiveReason: inactive && renderIn(config.locale, inactive),
    steps,
    overrideSteps: source.overrideSteps ? (JSON.parse(source.overrideSteps) as number[]) : null,
  };
}
