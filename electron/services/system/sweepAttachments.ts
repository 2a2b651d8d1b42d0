import { sweepAttachmentLeftovers } from '../../../db/attachmentStore.ts';
import type { ServiceContext } from '../serviceContext.ts';

/**
 * The attachments folder's start-up sweep (db/attachmentStore.ts sweepAttachmentLeftovers). It runs in the writer's
 * queue, so no add or backup runs beside it; a failure is logged and changes nothing else.
 */
export function sweepAttachmentsAtStartup(ctx: ServiceContext): void {
  try {
    const started = performance.now();
    const swept = sweepAttachmentLeftovers(ctx.db, ctx.backupsDir);
    if (swept.partialsRemoved + swept.unreferencedRemoved > 0) {
      ctx.logger.info(`attachment sweep: ${swept.partialsRemoved} stale .partial, ${swept.unreferencedRemoved} unreferenced files removed in ${Math.round(performance.now() - started)} ms`);
    }
  } catch (e) {
    ctx.logger.warn('attachment sweep failed', e);
  }
}
