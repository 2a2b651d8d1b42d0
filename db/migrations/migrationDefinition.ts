export interface MigrationDefinition {
  /** Numbered from 1; equals PRAGMA user_version after it ran. */
  version: number;
  name: string;
  sql: string;
  /**
   * The migration rebuilds a table that other tables reference (SQLite's 12-step "other ALTER TABLE changes").
   * Dropping the old table must not cascade or fail on those references, so foreign keys are switched off around
   * the migration's transaction (the pragma is a no-op inside one) and PRAGMA foreign_key_check must come back
   * empty before it commits.
   */
  rebuildsTables?: boolean;
}
