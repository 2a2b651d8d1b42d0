import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 15 (team mode): the customer list's pinyin search calls pinyin_match(reading, query). SQLite keeps no
// functions in the file: db/repositories/pinyinReadings.ts registers it on every connection, so this step stores
// nothing here. Its PostgreSQL twin (db/postgres/postgresTwins.ts) defines the same function in the schema, where
// every client of a shared server finds it.
export const migration0041PinyinMatch: MigrationDefinition = {
  version: 41,
  name: 'pinyin_match',
  sql: `
-- Nothing to store on SQLite: pinyin_match is registered on each connection.
`,
};
