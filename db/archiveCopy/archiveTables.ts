import { sql } from 'kysely';
import { engineOf, q, type Executor } from '../handle.ts';

/** One table as the archive copy sees it: the same on both engines once their schemas agree. */
export interface CopyTable {
  name: string;
  /** In the table's own column order. */
  columns: string[];
  /** The rows are read and hashed in this key's order. */
  primaryKey: string[];
  /** Columns compared as text: ordered byte-wise on both engines (COLLATE "C" on PostgreSQL). */
  textColumns: ReadonlySet<string>;
  /** Tables its foreign keys point at (itself excluded). */
  references: string[];
}

/**
 * Each engine's own record of which migrations ran: not archive content, and the target writes its own when it
 * is created. (SQLite keeps the version in PRAGMA user_version and the history in schema_migrations.)
 */
export const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['schema_migrations', 'schema_version', 'schema_versions']);

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function sqliteTables(x: Executor): Promise<CopyTable[]> {
  const db = q(x);
  const names = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
      AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`.execute(db);
  const tables: CopyTable[] = [];
  for (const { name } of names.rows) {
    if (BOOKKEEPING_TABLES.has(name)) continue;
    const cols = await sql<{ name: string; type: string; pk: number }>`SELECT name, type, pk FROM pragma_table_info(${name}) ORDER BY cid`.execute(db);
    const fks = await sql<{ table: string }>`SELECT DISTINCT "table" FROM pragma_foreign_key_list(${name})`.execute(db);
    tables.push({
      name,
      columns: cols.rows.map((c) => c.name),
      primaryKey: cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      // SQLite's text affinity rule: a declared type containing CHAR, CLOB or TEXT.
      textColumns: new Set(cols.rows.filter((c) => /CHAR|CLOB|TEXT/i.test(c.type)).map((c) => c.name)),
      references: fks.rows.map((f) => f.table).filter((t) => t !== name),
    });
  }
  return tables;
}

async function postgresTables(x: Executor): Promise<CopyTable[]> {
  const db = q(x);
  const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
    SELECT c.table_name, c.column_name, c.data_type
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT cl.relname AS table_name, a.attname AS column_name
    FROM pg_index i
    JOIN pg_class cl ON cl.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
    JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = k.attnum
    WHERE i.indisprimary AND n.nspname = current_schema()
    ORDER BY cl.relname, k.position`.execute(db);
  const refs = await sql<{ table_name: string; referenced: string }>`
    SELECT DISTINCT cl.relname AS table_name, rf.relname AS referenced
    FROM pg_constraint co
    JOIN pg_class cl ON cl.oid = co.conrelid
    JOIN pg_class rf ON rf.oid = co.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE co.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const tables = new Map<string, CopyTable & { textColumns: Set<string> }>();
  for (const c of cols.rows) {
    if (BOOKKEEPING_TABLES.has(c.table_name)) continue;
    let t = tables.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], primaryKey: [], textColumns: new Set(), references: [] };
      tables.set(c.table_name, t);
    }
    t.columns.push(c.column_name);
    if (c.data_type === 'text' || c.data_type === 'character varying' || c.data_type === 'character') t.textColumns.add(c.column_name);
  }
  for (const k of keys.rows) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  for (const r of refs.rows) if (r.referenced !== r.table_name) tables.get(r.table_name)?.references.push(r.referenced);
  return [...tables.values()].sort(byName);
}

/** The archive's tables (bookkeeping and SQLite's virtual tables left out), by name. */
export function archiveTables(x: Executor): Promise<CopyTable[]> {
  return engineOf(x) === 'postgres' ? postgresTables(x) : sqliteTables(x);
}

/** Referenced tables before the tables that point at them; ties by name, so both engines copy in one order. */
export function inForeignKeyOrder(tables: readonly CopyTable[]): CopyTable[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const ordered: CopyTable[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) => t.references.every((r) => !pending.has(r))).sort(byName);
    // A cycle between tables (none today): the rest goes by name; the copy defers foreign-key checks anyway.
    const next = ready.length > 0 ? ready : [...pending.values()].sort(byName);
    for (const t of next) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}
