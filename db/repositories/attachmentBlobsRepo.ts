// The attachments' bytes kept in the archive (migration 0042, db/schemaAttachments.ts): where a team archive keeps
// them. Content-addressed: a row is written once per SHA-256 and never changed; an add that rolls back takes its
// row with it, since the bytes go in within the add's own transaction.
import { q, type Executor } from '../handle.ts';

/** Stores `bytes` under `sha256` unless they are there already; true when this call wrote them. */
export async function putAttachmentBlob(x: Executor, sha256: string, bytes: Buffer, at: string): Promise<boolean> {
  const result = await q(x)
    .insertInto('attachment_blobs')
    .values({ sha256, size_bytes: bytes.length, bytes, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The bytes stored under `sha256`, or null when the archive does not hold them. */
export async function readAttachmentBlob(x: Executor, sha256: string): Promise<Buffer | null> {
  const row = await q(x).selectFrom('attachment_blobs').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
  return row ? Buffer.from(row.bytes) : null;
}

/** One content that attachment rows reference, with the first time it was attached. */
export interface ReferencedContent {
  sha256: string;
  firstAttachedAt: string;
}

/**
 * Every content any attachment row references, live or removed (an undo can bring a removed row back, so its
 * bytes travel too), once per SHA-256, in SHA-256 order.
 */
export async function referencedAttachmentContents(x: Executor): Promise<ReferencedContent[]> {
  const rows = await q(x)
    .selectFrom('contract_attachments')
    .select((eb) => ['sha256', eb.fn.min('created_at').as('first_at')])
    .groupBy('sha256')
    .orderBy('sha256')
    .execute();
  return rows.map((r) => ({ sha256: r.sha256, firstAttachedAt: String(r.first_at) }));
}
