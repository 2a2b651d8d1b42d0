export interface MigrationDefinition {
  /** Numbered from 1; equals PRAGMA user_version after it ran. */
  version: number;
  name: string;
  sql: string;
}
