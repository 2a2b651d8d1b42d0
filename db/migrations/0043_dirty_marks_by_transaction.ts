import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 15 (team mode): a recompute clears only the dirty marks its scan saw. On PostgreSQL that is decided by the
// transaction that last wrote each mark (its xmin), so its twin (db/postgres/postgresTwins.ts) has the triggers
// write the mark again when it is already there. SQLite needs nothing: a recompute's scan and its clearing run in
// one BEGIN IMMEDIATE transaction, and no other write can commit between them.
export const migration0043DirtyMarksByTransaction: MigrationDefinition = {
  version: 43,
  name: 'dirty_marks_by_transaction',
  sql: `
-- Nothing to store on SQLite: one writer at a time, so no mark is written between a scan and its clearing.
`,
};
