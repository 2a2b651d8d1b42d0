// A warning closes with its term's outcome: when the term is renewed (a renewal record 已续费, or a successor term
// linked, by hand, by the 续约 dialog or by the import's chain linking) it becomes 已解除; when lost, 已流失. Rather than
// hook every place an outcome is written, the outcome is read from report_terms (kept by triggers on every write,
// the import and undo included) in one place, called by the dispatcher after each write. Triggers on report_terms
// mark the terms that have a warning when their row changes (risk_outcome_dirty), so a write that touched none costs
// one read of an empty table (measured: 0.0 ms beside 10k warnings on the 100k bench archive). The same pass reopens a
// warning it closed when that outcome goes away again (an undo, an unlink): back to 处理中 if it has actions, else
// 新建. Warnings closed by hand are left alone.
import type { WarningStatus } from '../../../shared/domain/riskWarnings.ts';
import { statusForOutcome } from '../../../shared/domain/riskWarnings.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { newId } from '../../../db/newId.ts';
import { anyOutcomeMarked, clearOutcomeMarks, warningsOutOfStep } from '../../../db/repositories/riskTermsQuery.ts';
import { updateWarningStatus } from '../../../db/repositories/riskWarningsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { marksSeenBeforeScan } from '../../../db/repositories/dirtyMarkSnapshot.ts';

/** Brings warnings in step with their terms' outcomes; returns how many changed. */
export async function syncWarningOutcomes(ctx: ServiceContext): Promise<number> {
  if (!(await anyOutcomeMarked(ctx.db))) return 0;
  return withTransaction(ctx.db, async (tx) => {
    // Team mode: a term marked again after this read keeps its mark for the next sync (dirtyMarkSnapshot.ts).
    const seen = await marksSeenBeforeScan(tx);
    const pending = await warningsOutOfStep(tx);
    const batchId = newId();
    const today = localDateOf(ctx.now());
    for (const w of pending) {
      if (w.outcome === 'renewed' || w.outcome === 'lost') {
        const status = statusForOutcome(w.outcome);
        await updateWarningStatus(tx, w.id, { status, closedOn: today, closeReason: 'auto' }, auditMeta(ctx, 'autoClose', batchId));
      } else {
        const status: WarningStatus = w.hasActions ? 'inProgress' : 'new';
        await updateWarningStatus(tx, w.id, { status, closedOn: null, closeReason: null }, auditMeta(ctx, 'reopen', batchId));
      }
    }
    await clearOutcomeMarks(tx, seen);
    return pending.length;
  });
}
