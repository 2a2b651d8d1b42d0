import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/appError.ts';
import { buildHandlerTable } from '../services/allHandlers.ts';
import { resolveDbFile } from '../services/dataLocation.ts';
import { stderrLogger } from '../services/logger.ts';
import { createNodeNotifier } from '../services/notifier/nodeNotifierAdapter.ts';
import { openServiceContext } from '../services/openServiceContext.ts';
import { startScheduler } from '../services/reminders/tickScheduler.ts';
import { autoBackupIfDue } from '../services/system/autoBackup.ts';
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
  const file = resolveDbFile({ cliDb: values.db });
  const notifier = createNodeNotifier({ appName: '续约管家' });
  const { ctx, close } = await openServiceContext({ file, emit: hub.emit, logger, notifier });
  await autoBackupIfDue(ctx);
  const token = process.env['RENEWAL_DESK_TOKEN'] || randomBytes(24).toString('base64url');
  const host = await startWebHost({ table: buildHandlerTable(), ctx, hub, token, distDir, port });

  // Reminders fire while the web host runs; RENEWAL_DESK_TICK_MS shortens the minute for end-to-end tests.
  const scheduler = startScheduler(ctx, notifier, { intervalMs: Number(process.env['RENEWAL_DESK_TICK_MS']) || 60_000 });
  logger.info(`数据文件 data file: ${ctx.dataFile}`);
  process.stdout.write(`RENEWAL_DESK_URL=${host.url}\n`);

  const shutdown = () => {
    scheduler.stop();
    void host
      .close()
      .then(close)
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
