// A fingerprint of an archive's whole logical content (schema, user_version, every row of every table), to tell
// whether the file a killed process left is exactly one of the states a clean run passes through. Ids the run
// created are random (UUIDv7), so any UUID not already in the starting archive reads as "new"; everything else
// (dates, stamps from the injected clock, JSON images in audit rows) must match byte for byte.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface ArchiveDigest {
  /** Per table: row count and an order-free sum of row hashes; `@schema` and `@version` included. */
  tables: Record<string, string>;
  /** One string for the whole archive, for equality checks. */
  whole: string;
}

function tableNames(raw: Database.Database): string[] {
  return raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
    .pluck()
    .all() as string[];
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function* textValues(raw: Database.Database): Generator<string> {
  for (const table of tableNames(raw)) {
    for (const row of raw.prepare(`SELECT * FROM ${quoted(table)}`).raw().iterate() as Iterable<unknown[]>) {
      for (const v of row) if (typeof v === 'string') yield v;
    }
  }
}

/** Every UUID the archive holds: the ids a later state may name as themselves. */
export function collectIds(file: string): Set<string> {
  const raw = new Database(file, { fileMustExist: true });
  try {
    const ids = new Set<string>();
    for (const text of textValues(raw)) if (text.length >= 36) for (const m of text.matchAll(UUID)) ids.add(m[0].toLowerCase());
    return ids;
  } finally {
    raw.close();
  }
}

function normalized(value: unknown, known: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return value.length < 36 ? value : value.replace(UUID, (id) => (known.has(id.toLowerCase()) ? id : 'new'));
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return value;
}

/** Two independent 32-bit hashes of a string (cyrb53's mixing): fast, and plenty to tell states apart. */
function rowHash(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** An order-free hash of a multiset of rows: the sums of each row's two hashes, with the count. */
function multisetHash(rows: Iterable<unknown[]>, known: ReadonlySet<string>): string {
  let a = 0;
  let b = 0;
  let count = 0;
  for (const row of rows) {
    const [h1, h2] = rowHash(JSON.stringify(row.map((v) => normalized(v, known))));
    a = (a + h1) >>> 0;
    b = (b + h2) >>> 0;
    count++;
  }
  return `${count}:${a.toString(16)}:${b.toString(16)}`;
}

/** Digests an open connection (the caller's transaction, if any, decides what it sees). */
export function digestConnection(raw: Database.Database, known: ReadonlySet<string>): ArchiveDigest {
  const tables: Record<string, string> = {};
  tables['@version'] = String(raw.pragma('user_version', { simple: true }));
  tables['@schema'] = multisetHash(
    raw.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'").raw().iterate() as Iterable<unknown[]>,
    known,
  );
  for (const table of tableNames(raw)) {
    // Columns by name, so a rebuilt table with the same columns in another order reads the same.
    const columns = (raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
    const select = `SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)}`;
    tables[table] = multisetHash(raw.prepare(select).raw().iterate() as Iterable<unknown[]>, known);
  }
  const whole = createHash('sha1').update(JSON.stringify(Object.entries(tables).sort())).digest('hex');
  return { tables, whole };
}

/** Digests the file as it stands on disk (its WAL included), through a connection of its own. */
export function digestArchive(file: string, known: ReadonlySet<string>): ArchiveDigest {
  const raw = new Database(file, { fileMustExist: true });
  try {
    return raw.transaction(() => digestConnection(raw, known))();
  } finally {
    raw.close();
  }
}

/** The tables whose content differs, for a message that says where a state went wrong. */
export function differingTables(a: ArchiveDigest, b: ArchiveDigest): string[] {
  const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
  return [...names].filter((n) => a.tables[n] !== b.tables[n]).sort();
}
