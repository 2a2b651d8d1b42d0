// Reads for tests that look at the archive directly, on either engine: the SQL is written once with `?`
// placeholders and runs through the archive's Kysely (so the same test file runs on SQLite and PostgreSQL).
import { sql } from 'kysely';
import { q, type Executor } from '../db/handle.ts';

export type SqlRow = Record<string, unknown>;

/** Every row of `text` with `params` bound to its `?` placeholders, in order. */
export async function sqlRows<R = SqlRow>(x: Executor, text: string, ...params: unknown[]): Promise<R[]> {
  const parts = text.split('?');
  if (parts.length !== params.length + 1) throw new Error(`sqlRows: ${parts.length - 1} placeholders, ${params.length} values`);
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  return (await sql<R>(strings, ...params).execute(q(x))).rows;
}

/** The first row of `text`, or undefined. */
export async function sqlRow<R = SqlRow>(x: Executor, text: string, ...params: unknown[]): Promise<R | undefined> {
  return (await sqlRows<R>(x, text, ...params))[0];
}
