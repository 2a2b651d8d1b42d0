import type { AuditMeta } from '../../db/repositories/auditedWrites.ts';
import type { ServiceContext } from './serviceContext.ts';

export function auditMeta(ctx: ServiceContext, action: string, batchId: string | null = null): AuditMeta {
  return { actor: ctx.actor, at: ctx.now().toISOString(), action, batchId };
}
