import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0010NotificationMessages: MigrationDefinition = {
  version: 10,
  name: 'notification_messages',
  sql: `
-- A notification keeps the catalogue keys of its title and body and the facts they are worded from (JSON), so
-- the notification centre words it in the archive's language of the moment. An expiry body has no key: it is
-- the tier's template, filled from the same facts. Rows from before keep only their stored title and body.
ALTER TABLE notifications ADD COLUMN title_key TEXT;
ALTER TABLE notifications ADD COLUMN body_key TEXT;
ALTER TABLE notifications ADD COLUMN message_params TEXT;
`,
};
