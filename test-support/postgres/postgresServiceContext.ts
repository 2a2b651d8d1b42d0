import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenedPostgres } from '../../db/postgres/openPostgres.ts';
import { silentLogger } from '../../electron/services/logger.ts';
import type { ServiceContext } from '../../electron/services/serviceContext.ts';

/**
 * A ServiceContext over a PostgreSQL archive, for running the handler table on the second engine. No entry point
 * builds one yet (openServiceContext opens SQLite files); the staging folder is a temp dir the caller removes.
 */
export function postgresServiceContext(opened: OpenedPostgres, now: () => Date): { ctx: ServiceContext; dispose(): void } {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-pg-staging-'));
  const ctx: ServiceContext = {
    db: opened.db,
    dataFile: opened.location,
    backupsDir: path.join(staging, 'backups'),
    attachmentsDir: path.join(staging, 'attachments'),
    stagingDir: staging,
    schemaVersion: opened.schemaVersion,
    integrity: 'ok',
    now,
    emit: () => {},
    actor: 'local',
    logger: silentLogger,
    reopenAfter() {
      return Promise.reject(new Error('a PostgreSQL archive is not replaced by a file'));
    },
  };
  return { ctx, dispose: () => fs.rmSync(staging, { recursive: true, force: true }) };
}
