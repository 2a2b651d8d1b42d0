import type { AuditMeta } from '../../db/repositories/auditedWrites.ts';
import type { ServiceContext } from './serviceContext.ts';

/** Without an explicit batch, a write joins the batch its context runs in (inAuditBatch), if any. */
export function auditMeta(ctx: ServiceContext, action: string, batchId: string | null = ctx.auditBatchId ?? null): AuditMeta {
  return { actor: ctx.actor, at: ctx.now().toISOString(), action, batchId };
}

/**
 * The same context, its audited writes stamped with `batchId`: a bulk action's many writes, done through the
 * ordinary services, become one batch that undoBatch reverses. A proxy, so `db` stays a live getter.
 */
export function inAuditBatch(ctx: ServiceContext, batchId: string): ServiceContext {
  return new Proxy(ctx, {
    get: (target, key, receiver): unknown => (key === 'auditBatchId' ? batchId : Reflect.get(target, key, receiver)),
  });
}
