import { sql } from 'kysely';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { chunks } from './remindersRepo.ts';

// The reminder e-mail outbox (migration 0035): queued in the tick's transaction beside the notification it
// copies, sent after the commit, retried with backoff. Whose mail a notification is: the contract's owner (else
// its customer's) for a contract's reminders, the handler for a complaint, the customer's owner otherwise.

export type MailStatus = 'pending' | 'sent' | 'failed';

/** The owner a notification is for, by its kind and subject; NULL when it has none. */
const OWNER_OF = sql<string | null>`CASE n.kind
  WHEN 'expiry' THEN (SELECT coalesce(k.owner_id, c.owner_id) FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE k.id = n.subject_id)
  WHEN 'remind' THEN (SELECT coalesce(k.owner_id, c.owner_id) FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE k.id = n.subject_id)
  WHEN 'payment' THEN (SELECT coalesce(k.owner_id, c.owner_id) FROM contract_instalments i JOIN contracts k ON k.id = i.contract_id
                       JOIN customers c ON c.id = k.customer_id WHERE i.id = n.subject_id)
  WHEN 'complaint' THEN (SELECT p.handler_id FROM complaints p WHERE p.id = n.subject_id)
  ELSE (SELECT c.owner_id FROM customers c WHERE c.id = n.customer_id) END`;

/**
 * Queues one e-mail per (notification, recipient) for the notifications whose owner is live, active, has an
 * address and has not opted out. A notification already queued for that address is left alone (exactly once).
 */
export async function queueMailFor(tx: Tx, notificationIds: readonly string[], atIso: string): Promise<number> {
  let queued = 0;
  for (const part of chunks(notificationIds)) {
    const wanted = await q(tx)
      .selectFrom('notifications as n')
      .innerJoin('owners as o', (j) => j.on((eb) => eb('o.id', '=', OWNER_OF)))
      .select(['n.id as notificationId', 'o.id as ownerId', sql<string>`trim(o.email)`.as('recipient')])
      .where('n.id', 'in', part)
      .where('o.deleted_at', 'is', null)
      .where('o.active', '=', 1)
      .where(sql<boolean>`length(trim(coalesce(o.email, ''))) >= 3`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('owner_mail_opt_outs as x').select('x.owner_id').whereRef('x.owner_id', '=', 'o.id'))))
      .execute();
    if (wanted.length === 0) continue;
    const result = await q(tx)
      .insertInto('mail_outbox')
      .values(
        wanted.map((w) => ({
          id: newId(),
          notification_id: w.notificationId,
          owner_id: w.ownerId,
          recipient: w.recipient,
          status: 'pending',
          next_attempt_at: atIso,
          created_at: atIso,
          updated_at: atIso,
        })),
      )
      .onConflict((oc) => oc.columns(['notification_id', 'recipient']).doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}

export interface DueMail {
  id: string;
  recipient: string;
  attempts: number;
  /** The notification it copies, to word the same way the desktop notification is worded. */
  title: string;
  body: string;
  titleKey: string | null;
  bodyKey: string | null;
  messageParams: unknown;
}

/** Pending e-mail whose next try is due at `atIso`, oldest first. */
export async function dueMail(x: Executor, atIso: string, limit: number): Promise<DueMail[]> {
  const rows = await q(x)
    .selectFrom('mail_outbox as m')
    .innerJoin('notifications as n', 'n.id', 'm.notification_id')
    .select(['m.id', 'm.recipient', 'm.attempts', 'n.title', 'n.body', 'n.title_key as titleKey', 'n.body_key as bodyKey', 'n.message_params as messageParams'])
    .where('m.status', '=', 'pending')
    .where('m.next_attempt_at', '<=', atIso)
    .orderBy('m.next_attempt_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, messageParams: r.messageParams === null ? null : (JSON.parse(r.messageParams) as unknown) }));
}

export async function markMailSent(tx: Tx, id: string, answer: { messageId: string; response: string }, atIso: string): Promise<void> {
  await q(tx)
    .updateTable('mail_outbox')
    .set({
      status: 'sent',
      attempts: sql<number>`attempts + 1`,
      sent_at: atIso,
      message_id: answer.messageId.slice(0, 500),
      server_response: answer.response.slice(0, 500),
      last_error: null,
      updated_at: atIso,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed try: the next at `retryAt`, or none (`null`: gave up, status 'failed'). */
export async function recordMailFailure(tx: Tx, id: string, error: string, retryAt: string | null, atIso: string): Promise<void> {
  await q(tx)
    .updateTable('mail_outbox')
    .set({
      status: retryAt === null ? 'failed' : 'pending',
      attempts: sql<number>`attempts + 1`,
      ...(retryAt === null ? {} : { next_attempt_at: retryAt }),
      last_error: error.slice(0, 500),
      updated_at: atIso,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export interface MailState {
  notificationId: string;
  recipient: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
}

/** The e-mail of each of the notifications, for the notification centre. */
export async function mailStatesFor(x: Executor, notificationIds: readonly string[]): Promise<MailState[]> {
  const out: MailState[] = [];
  for (const part of chunks(notificationIds)) {
    const rows = await q(x)
      .selectFrom('mail_outbox')
      .select(['notification_id as notificationId', 'recipient', 'status', 'attempts', 'next_attempt_at as nextAttemptAt', 'last_error as lastError', 'sent_at as sentAt', 'message_id as messageId'])
      .where('notification_id', 'in', part)
      .orderBy('recipient')
      .execute();
    for (const r of rows) out.push({ ...r, status: r.status as MailStatus, nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null });
  }
  return out;
}

export async function listMailOptOuts(x: Executor): Promise<string[]> {
  return (await q(x).selectFrom('owner_mail_opt_outs').select('owner_id').orderBy('owner_id').execute()).map((r) => r.owner_id);
}

/** Opts an owner out of (or back into) reminder e-mail; true when it changed anything. */
export async function setMailOptOut(tx: Tx, ownerId: string, optedOut: boolean, atIso: string): Promise<boolean> {
  if (!optedOut) return Number((await q(tx).deleteFrom('owner_mail_opt_outs').where('owner_id', '=', ownerId).executeTakeFirst()).numDeletedRows) > 0;
  const result = await q(tx)
    .insertInto('owner_mail_opt_outs')
    .values({ owner_id: ownerId, created_at: atIso, updated_at: atIso })
    .onConflict((oc) => oc.column('owner_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
