import { sql } from 'kysely';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { customerOfOwnerOrNone } from './ownerScopeRepo.ts';
import { chunks } from './remindersRepo.ts';

// The outbox and the in-app notification centre are the same rows: written in the tick's transaction,
// delivered to the OS after it commits, and kept as history for the centre.

export interface NewNotification {
  tickId: string;
  reminderId: string | null;
  kind: string;
  subjectId: string | null;
  customerId: string | null;
  customerName: string;
  step: number | null;
  dueAt: string;
  firedAt: string;
  /** The text as worded when it fired, in the archive's language then; shown as is where there are no keys. */
  title: string;
  body: string;
  subjectUrl: string | null;
  /** The catalogue keys and the facts to word the text again (null for rows from before migration 0010). */
  titleKey: string | null;
  bodyKey: string | null;
  messageParams: unknown;
}

export interface StoredNotification extends NewNotification {
  id: string;
  deliveredAt: string | null;
  deliveryAttempts: number;
  readAt: string | null;
}

const COLUMNS = [
  'id',
  'tick_id as tickId',
  'reminder_id as reminderId',
  'kind',
  'subject_id as subjectId',
  'customer_id as customerId',
  'customer_name as customerName',
  'step',
  'due_at as dueAt',
  'fired_at as firedAt',
  'title',
  'body',
  'subject_url as subjectUrl',
  'title_key as titleKey',
  'body_key as bodyKey',
  'message_params as messageParams',
  'delivered_at as deliveredAt',
  'delivery_attempts as deliveryAttempts',
  'read_at as readAt',
] as const;

/** The stored JSON of the facts, parsed; the caller checks their shape. */
function withParams<R extends { messageParams: string | null }>(row: R): Omit<R, 'messageParams'> & { messageParams: unknown } {
  return { ...row, messageParams: row.messageParams === null ? null : (JSON.parse(row.messageParams) as unknown) };
}

/**
 * Records fired steps. A step snoozed to an instant it already fired at (a tick ran ahead of the clock: `remind
 * --now`, a clock set back) is the same arming: its record is brought back (unread, to deliver, with the new
 * text) instead of a second one, which the unique claim index would refuse and so fail every later tick.
 */
export async function insertNotifications(tx: Tx, items: readonly NewNotification[]): Promise<string[]> {
  const ids: string[] = [];
  const rows = items.map((n) => {
    return {
      id: newId(),
      tick_id: n.tickId,
      reminder_id: n.reminderId,
      kind: n.kind,
      subject_id: n.subjectId,
      customer_id: n.customerId,
      customer_name: n.customerName,
      step: n.step,
      due_at: n.dueAt,
      fired_at: n.firedAt,
      title: n.title,
      body: n.body,
      subject_url: n.subjectUrl,
      title_key: n.titleKey,
      body_key: n.bodyKey,
      message_params: n.messageParams === null ? null : JSON.stringify(n.messageParams),
      delivered_at: null,
      last_error: null,
      read_at: null,
      created_at: n.firedAt,
      updated_at: n.firedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 50) {
    const written = await q(tx)
      .insertInto('notifications')
      .values(rows.slice(i, i + 50))
      .onConflict((oc) =>
        oc
          .columns(['reminder_id', 'due_at'])
          .where('reminder_id', 'is not', null)
          .doUpdateSet((eb) => ({
            tick_id: eb.ref('excluded.tick_id'),
            customer_name: eb.ref('excluded.customer_name'),
            fired_at: eb.ref('excluded.fired_at'),
            title: eb.ref('excluded.title'),
            body: eb.ref('excluded.body'),
            subject_url: eb.ref('excluded.subject_url'),
            title_key: eb.ref('excluded.title_key'),
            body_key: eb.ref('excluded.body_key'),
            message_params: eb.ref('excluded.message_params'),
            delivered_at: null,
            delivery_attempts: 0,
            last_error: null,
            read_at: null,
            updated_at: eb.ref('excluded.updated_at'),
            // The table named: PostgreSQL finds a bare `version` ambiguous between the row and EXCLUDED.
            version: sql<number>`notifications.version + 1`,
          })),
      )
      .returning('id')
      .execute();
    ids.push(...written.map((r) => r.id));
  }
  return ids;
}

/** Outbox rows not yet handed to the OS, oldest tick first; `tickId` narrows it to one tick's rows. */
export async function undeliveredNotifications(x: Executor, tickId?: string): Promise<StoredNotification[]> {
  let query = q(x).selectFrom('notifications').select(COLUMNS).where('delivered_at', 'is', null);
  if (tickId) query = query.where('tick_id', '=', tickId);
  return (await query.orderBy('tick_id').orderBy('id').execute()).map(withParams);
}

export async function markDelivered(tx: Tx, ids: readonly string[], atIso: string): Promise<void> {
  for (const part of chunks(ids)) {
    await q(tx)
      .updateTable('notifications')
      .set({ delivered_at: atIso, delivery_attempts: sql<number>`delivery_attempts + 1`, last_error: null, updated_at: atIso })
      .where('id', 'in', part)
      .where('delivered_at', 'is', null)
      .execute();
  }
}

export async function recordDeliveryFailure(tx: Tx, ids: readonly string[], error: string, atIso: string): Promise<void> {
  for (const part of chunks(ids)) {
    await q(tx)
      .updateTable('notifications')
      .set({ delivery_attempts: sql<number>`delivery_attempts + 1`, last_error: error.slice(0, 500), updated_at: atIso })
      .where('id', 'in', part)
      .execute();
  }
}

export interface NotificationListFilter {
  unreadOnly: boolean;
  /** Only the notices about this owner's customers, and those about no customer (team mode's owner scope). */
  ownerId?: string | undefined;
  offset: number;
  limit: number;
}

/** Whether the record a notification is about was deleted (or its customer was), so it opens no empty page. */
// One WHEN per kind, each a plain 1/0: PostgreSQL's NOT EXISTS is a boolean, which a CASE cannot mix with 0.
const SUBJECT_GONE = sql<number>`CASE
  WHEN n.kind IN ('expiry', 'remind') AND NOT EXISTS (SELECT 1 FROM contracts k JOIN customers c ON c.id = k.customer_id
                                 WHERE k.id = n.subject_id AND k.deleted_at IS NULL AND c.deleted_at IS NULL) THEN 1
  WHEN n.kind = 'birthday' AND NOT EXISTS (SELECT 1 FROM contacts p JOIN customers c ON c.id = p.customer_id
                                   WHERE p.id = n.subject_id AND p.deleted_at IS NULL AND c.deleted_at IS NULL) THEN 1
  WHEN n.kind = 'followup' AND NOT EXISTS (SELECT 1 FROM follow_ups f JOIN customers c ON c.id = f.customer_id
                                   WHERE f.id = n.subject_id AND f.deleted_at IS NULL AND c.deleted_at IS NULL) THEN 1
  WHEN n.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM contract_instalments i JOIN contracts k ON k.id = i.contract_id
                                  JOIN customers c ON c.id = k.customer_id
                                  WHERE i.id = n.subject_id AND i.deleted_at IS NULL AND k.deleted_at IS NULL AND c.deleted_at IS NULL) THEN 1
  WHEN n.kind = 'complaint' AND NOT EXISTS (SELECT 1 FROM complaints p JOIN customers c ON c.id = p.customer_id
                                    WHERE p.id = n.subject_id AND p.deleted_at IS NULL AND c.deleted_at IS NULL) THEN 1
  WHEN n.kind = 'holiday' AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = n.subject_id AND c.deleted_at IS NULL) THEN 1
  WHEN n.kind = 'survey' AND NOT EXISTS (SELECT 1 FROM survey_campaign_customers t JOIN survey_campaigns g ON g.id = t.campaign_id
                                 JOIN customers c ON c.id = t.customer_id
                                 WHERE t.id = n.subject_id AND t.deleted_at IS NULL AND g.deleted_at IS NULL AND c.deleted_at IS NULL) THEN 1
  ELSE 0 END`;

export async function listNotifications(x: Executor, f: NotificationListFilter) {
  let base = q(x).selectFrom('notifications as n').leftJoin('reminders as r', 'r.id', 'n.reminder_id');
  if (f.unreadOnly) base = base.where('n.read_at', 'is', null);
  if (f.ownerId !== undefined) base = base.where(customerOfOwnerOrNone('n.customer_id', f.ownerId));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const unread = await countUnread(x, f.ownerId);
  const rows = await base
    .select(COLUMNS.map((c) => `n.${c}` as const))
    .select(['r.fired_at as reminderFiredAt', 'r.done_at as reminderDoneAt', 'r.due_at as reminderDueAt'])
    .select(SUBJECT_GONE.as('subjectGone'))
    .orderBy('n.fired_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows: rows.map(withParams), total: Number(total?.n ?? 0), unread };
}

export async function getNotification(x: Executor, id: string): Promise<StoredNotification | undefined> {
  const row = await q(x).selectFrom('notifications').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && withParams(row);
}

/** `ownerId`: only that owner's customers' notices and those about no customer (team mode's owner scope). */
export async function markRead(tx: Tx, ids: readonly string[] | 'all', atIso: string, ownerId?: string): Promise<number> {
  let query = q(tx).updateTable('notifications').set({ read_at: atIso, updated_at: atIso }).where('read_at', 'is', null);
  if (ownerId !== undefined) query = query.where(customerOfOwnerOrNone('customer_id', ownerId));
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', [...ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countUnread(x: Executor, ownerId?: string): Promise<number> {
  let query = q(x).selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null);
  if (ownerId !== undefined) query = query.where(customerOfOwnerOrNone('customer_id', ownerId));
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Acting on a step (snooze, done) settles its notifications in the centre. */
export async function markReadForReminder(tx: Tx, reminderId: string, atIso: string): Promise<void> {
  await q(tx)
    .updateTable('notifications')
    .set({ read_at: atIso, updated_at: atIso })
    .where('reminder_id', '=', reminderId)
    .where('read_at', 'is', null)
    .execute();
}
