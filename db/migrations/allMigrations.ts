import type { MigrationDefinition } from './migrationDefinition.ts';
import { migration0001Init } from './0001_init.ts';

// Registered statically (bundler-safe, no directory scans at run time). Append only.
export const ALL_MIGRATIONS: readonly MigrationDefinition[] = [migration0001Init];

export const LATEST_SCHEMA_VERSION = ALL_MIGRATIONS.length;
