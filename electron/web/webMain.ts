import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/appError.ts';
import { openArchive } from '../services/backend/openArchive.ts';
import { readChosenLocation } from '../services/chosenLocation.ts';
import { resolveDbLocation, teamLocalDir, userDataDir } from '../services/dataLocation.ts';
import { stderrLogger } from '../services/logger.ts';
import { ensureRendererBuilt } from './ensureRendererBuilt.ts';
import { SseHub } from './sseHub.ts';
import { startWebHost } from './webHost.ts';

// Two levels up from electron/web/ and from the bundle in dist/node/ alike (scripts/build-node.mjs).
const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '5178' }, db: { type: 'string' }, 'no-build': { type: 'boolean' } },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`无效的端口：${values.port}\n`);
    process.exit(2);
  }
  const logger = stderrLogger('web');
  const distDir = path.join(ROOT, 'dist', 'renderer');
  if (!values['no-build']) await ensureRendererBuilt(ROOT, distDir, (m) => logger.info(m));

  const hub = new SseHub();
  const dataDir = userDataDir();
  const location = resolveDbLocation({ cliDb: values.db, chosen: readChosenLocation(dataDir) });
  // An SQLite archive is served by a backend worker (this process owns the archive), or by the process that already
  // owns it; a team archive on PostgreSQL by this process (its password from the URL or PGPASSWORD). Reminders fire
  // in the owner, or in every client of a team archive; RENEWAL_DESK_TICK_MS shortens the minute for end-to-end tests.
  const backend = await openArchive({
    location,
    localDir: teamLocalDir(dataDir),
    kind: 'web',
    logger,
    settings: {
      workerScript: path.join(ROOT, 'dist', 'node', 'backend.mjs'),
      actor: 'local',
      tickIntervalMs: Number(process.env['RENEWAL_DESK_TICK_MS']) || 60_000,
      notifier: 'node',
      appName: '续约管家',
      autoBackup: true,
      threads: 'split',
      userDataDir: dataDir,
    },
  });
  backend.on(hub.emit);
  const token = process.env['RENEWAL_DESK_TOKEN'] || randomBytes(24).toString('base64url');
  // RENEWAL_DESK_SESSION_SWEEP_MS shortens the check that ends the event streams of sessions ended elsewhere (tests).
  const sessionSweepMs = Number(process.env['RENEWAL_DESK_SESSION_SWEEP_MS']) || 30_000;
  const host = await startWebHost({ backend, logger, hub, token, distDir, port, sessionSweepMs });
  logger.info(`数据文件 data file: ${backend.ready.dataFile}${backend.role === 'forwarder' ? ' (served by the process that owns it)' : ''}`);
  process.stdout.write(`RENEWAL_DESK_URL=${host.url}\n`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // The write and the reminder tick in flight finish, then SQLite closes, then the process ends.
    void host
      .close()
      .then(() => backend.close())
      .catch((e: unknown) => logger.error('shutting down failed', e))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  const message = e instanceof AppError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`续约管家无法启动：${message}\n`);
  process.exit(1);
});
