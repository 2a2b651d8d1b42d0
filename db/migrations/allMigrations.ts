import type { MigrationDefinition } from './migrationDefinition.ts';
import { migration0001Init } from './0001_init.ts';
import { migration0002CustomerListIndexes } from './0002_customer_list_indexes.ts';
import { migration0003Reminders } from './0003_reminders.ts';

// Registered statically (bundler-safe, no directory scans at run time). Append only.
export const ALL_MIGRATIONS: readonly MigrationDefinition[] = [migration0001Init, migration0002CustomerListIndexes, migration0003Reminders];

export const LATEST_SCHEMA_VERSION = ALL_MIGRATIONS.length;
