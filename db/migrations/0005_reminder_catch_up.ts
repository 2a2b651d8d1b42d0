import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0005ReminderCatchUp: MigrationDefinition = {
  version: 5,
  name: 'reminder_catch_up',
  sql: `
-- The reminder tick recomputes whatever changed since it last looked (imports, undo, restores write through
-- bulk paths that bypass the services): one probe per table on updated_at.
CREATE INDEX contracts_updated ON contracts(updated_at);
CREATE INDEX customers_updated ON customers(updated_at);
CREATE INDEX contacts_updated ON contacts(updated_at);
CREATE INDEX follow_ups_updated ON follow_ups(updated_at);
`,
};
