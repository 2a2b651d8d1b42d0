// Reads the shape of a schema (tables, columns, keys, indexes, triggers, views) from either engine in one
// engine-neutral form, so postgresSchemaParity.test.ts can compare a fresh SQLite archive with a fresh PostgreSQL
// database. Test-only: the app never reads its own catalogue.
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type TypeClass = 'text' | 'integer' | 'real' | 'other';

export interface ColumnShape {
  type: TypeClass;
  notNull: boolean;
  /** The default as written, quotes kept and PostgreSQL's casts removed; null for none. */
  default: string | null;
}

export interface SchemaShape {
  /** table → column → shape */
  columns: Record<string, Record<string, ColumnShape>>;
  /** table → primary-key columns in key order */
  primaryKeys: Record<string, string[]>;
  /** 'table(col, …)' for each UNIQUE constraint that is not a named index */
  uniqueConstraints: string[];
  /** 'table(col, …) → parent(col, …)' */
  foreignKeys: string[];
  /** table → how many CHECK constraints (column and table constraints alike) */
  checks: Record<string, number>;
  /** named index → 'table(col, …) unique? where <predicate, normalized>' */
  indexes: Record<string, string>;
  /** trigger name → 'TIMING EVENT [OF col, …] ON table' */
  triggers: Record<string, string>;
  views: string[];
}

function sqliteTypeClass(declared: string): TypeClass {
  // SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1), in their order.
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real';
  return 'other';
}

function postgresTypeClass(dataType: string): TypeClass {
  if (dataType === 'text' || dataType === 'character varying') return 'text';
  if (dataType === 'bigint' || dataType === 'integer') return 'integer';
  if (dataType === 'double precision') return 'real';
  return 'other';
}

/**
 * A partial index's predicate in a form both engines' texts reduce to: PostgreSQL deparses it with parentheses and
 * casts ("((deleted_at IS NULL) AND (kind = 'revisit'::text))"), SQLite keeps it as written.
 */
export function normalizedPredicate(predicate: string | null): string | null {
  if (predicate === null) return null;
  return predicate
    .replace(/::[a-z ]+/g, '')
    .replace(/[()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    // PostgreSQL deparses `kind IN ('a', 'b')` as `kind = ANY (ARRAY['a'::text, 'b'::text])`.
    .replace(/= any array\[([^\]]*)\]/g, 'in $1');
}

const describeIndex = (table: string, cols: string[], unique: boolean, predicate: string | null) =>
  `${table}(${cols.join(', ')})${unique ? ' unique' : ''}${predicate === null ? '' : ` where ${normalizedPredicate(predicate)}`}`;

// UPDATE OF's column list is a set: sorted.
const describeTrigger = (table: string, timing: string, event: string, columns: string[]) =>
  `${timing.toUpperCase()} ${event.toUpperCase()}${columns.length > 0 ? ` OF ${[...columns].sort().join(', ')}` : ''} ON ${table}`;

export function sqliteSchemaShape(raw: BetterSqlite3.Database): SchemaShape {
  const shape: SchemaShape = { columns: {}, primaryKeys: {}, uniqueConstraints: [], foreignKeys: [], checks: {}, indexes: {}, triggers: {}, views: [] };
  const objects = raw.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];
  for (const o of objects.filter((x) => x.type === 'table')) {
    const withoutRowid = /WITHOUT ROWID\s*$/i.test(o.sql ?? '');
    const info = raw.prepare(`SELECT * FROM pragma_table_info(?)`).all(o.name) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const pkCount = info.filter((c) => c.pk > 0).length;
    shape.columns[o.name] = {};
    for (const c of info) {
      // A primary key that is the rowid (a lone INTEGER PRIMARY KEY) or of a WITHOUT ROWID table can never be NULL.
      const rowidAlias = c.pk > 0 && pkCount === 1 && c.type.toUpperCase() === 'INTEGER' && !withoutRowid;
      const notNull = c.notnull === 1 || (c.pk > 0 && (withoutRowid || rowidAlias));
      shape.columns[o.name]![c.name] = { type: sqliteTypeClass(c.type), notNull, default: c.dflt_value };
    }
    shape.primaryKeys[o.name] = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    // SQLite keeps no catalogue of CHECKs: counted in the CREATE TABLE text, its comments removed first.
    shape.checks[o.name] = ((o.sql ?? '').replace(/--[^\n]*/g, '').match(/\bCHECK\s*\(/gi) ?? []).length;
    const indexList = raw.prepare('SELECT * FROM pragma_index_list(?)').all(o.name) as { name: string; unique: number; origin: string; partial: number }[];
    for (const ix of indexList) {
      const cols = (raw.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(ix.name) as { name: string }[]).map((r) => r.name);
      if (ix.origin === 'u') shape.uniqueConstraints.push(`${o.name}(${cols.join(', ')})`);
      const indexSql = ix.origin === 'c' ? (raw.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(ix.name) as { sql: string }).sql : '';
      const predicate = ix.partial === 1 ? indexSql.slice(indexSql.search(/\sWHERE\s/i) + 7) : null;
      if (ix.origin === 'c') shape.indexes[ix.name] = describeIndex(o.name, cols, ix.unique === 1, predicate);
    }
    const fks = raw.prepare('SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(o.name) as { id: number; table: string; from: string; to: string | null }[];
    for (const id of new Set(fks.map((f) => f.id))) {
      const parts = fks.filter((f) => f.id === id);
      const parentPk = () => shape.primaryKeys[parts[0]!.table] ?? [];
      const to = parts.map((p, i) => p.to ?? parentPk()[i]);
      shape.foreignKeys.push(`${o.name}(${parts.map((p) => p.from).join(', ')}) → ${parts[0]!.table}(${to.join(', ')})`);
    }
  }
  for (const o of objects.filter((x) => x.type === 'trigger')) {
    const m = /\b(AFTER|BEFORE|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)(?:\s+OF\s+([\w\s,]+?))?\s+ON\s/i.exec(o.sql ?? '');
    const columns = m?.[3] ? m[3].split(',').map((x) => x.trim()) : [];
    shape.triggers[o.name] = m ? describeTrigger(o.tbl_name, m[1]!, m[2]!, columns) : `unparsed ON ${o.tbl_name}`;
  }
  shape.views = objects.filter((x) => x.type === 'view').map((o) => o.name);
  return shape;
}

export async function postgresSchemaShape(c: pg.ClientBase): Promise<SchemaShape> {
  const shape: SchemaShape = { columns: {}, primaryKeys: {}, uniqueConstraints: [], foreignKeys: [], checks: {}, indexes: {}, triggers: {}, views: [] };
  const cols = await c.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
  );
  for (const r of cols.rows) {
    const def = r.column_default === null ? null : r.column_default.replace(/::[a-z ]+$/, '');
    (shape.columns[r.table_name] ??= {})[r.column_name] = {
      type: postgresTypeClass(r.data_type),
      notNull: r.is_nullable === 'NO',
      default: def,
    };
  }
  const constraints = await c.query<{ contype: string; tbl: string; cols: string[]; parent: string | null; parent_cols: string[] | null }>(
    `SELECT k.contype, k.conrelid::regclass::text AS tbl,
            array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS cols,
            k.confrelid::regclass::text AS parent,
            array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                  JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS parent_cols
     FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f', 'c')`,
  );
  for (const table of Object.keys(shape.columns)) shape.checks[table] = 0;
  for (const k of constraints.rows) {
    if (k.contype === 'p') shape.primaryKeys[k.tbl] = k.cols;
    if (k.contype === 'u') shape.uniqueConstraints.push(`${k.tbl}(${k.cols.join(', ')})`);
    if (k.contype === 'c') shape.checks[k.tbl] = (shape.checks[k.tbl] ?? 0) + 1;
    if (k.contype === 'f') shape.foreignKeys.push(`${k.tbl}(${k.cols.join(', ')}) → ${k.parent}(${(k.parent_cols ?? []).join(', ')})`);
  }
  const indexes = await c.query<{ name: string; tbl: string; cols: string[]; unique: boolean; predicate: string | null }>(
    `SELECT ic.relname AS name, tc.relname AS tbl, i.indisunique AS unique, pg_get_expr(i.indpred, i.indrelid) AS predicate,
            array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY u(n, o)
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.o) AS cols
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = tc.relnamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const ix of indexes.rows) shape.indexes[ix.name] = describeIndex(ix.tbl, ix.cols, ix.unique, ix.predicate);
  // One row per trigger: each twin handles exactly one event, as SQLite's triggers do.
  const triggers = await c.query<{ name: string; tbl: string; timing: string; event: string; columns: string[] }>(
    `SELECT t.trigger_name AS name, t.event_object_table AS tbl, t.action_timing AS timing, t.event_manipulation AS event,
            array(SELECT u.event_object_column::text FROM information_schema.triggered_update_columns u
                  WHERE u.trigger_schema = t.trigger_schema AND u.trigger_name = t.trigger_name
                    AND u.event_object_table = t.event_object_table ORDER BY u.event_object_column) AS columns
     FROM information_schema.triggers t WHERE t.trigger_schema = 'public'`,
  );
  for (const t of triggers.rows) {
    if (t.name in shape.triggers) throw new Error(`trigger ${t.name} handles more than one event`);
    shape.triggers[t.name] = describeTrigger(t.tbl, t.timing, t.event, t.columns);
  }
  const views = await c.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'public'`);
  shape.views = views.rows.map((v) => v.name);
  return shape;
}
