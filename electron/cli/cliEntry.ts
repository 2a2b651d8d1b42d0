import { fileURLToPath } from 'node:url';
import { usageEnUS } from '../../shared/i18n/enUS/cliUsage.ts';
import { usageZhCN } from '../../shared/i18n/zhCN/cliUsage.ts';
import { environmentLocale } from './cliLocale.ts';

const argv = process.argv.slice(2);

function internalError(e: unknown): void {
  process.stderr.write(`${JSON.stringify({ error: { code: 'INTERNAL', field: null, message: e instanceof Error ? e.message : String(e) } })}\n`);
  process.exitCode = 1;
}

// Help is answered here, before the handler table, zod schemas and SQLite are loaded (the bundle keeps
// cliMain in a chunk of its own), so `--help` costs little more than starting Node. It cannot read the
// archive's language without opening it, so it follows the environment's (cliLocale.ts).
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
  process.stdout.write(`${environmentLocale() === 'en-US' ? usageEnUS : usageZhCN}\n`);
  process.exitCode = argv.length === 0 ? 2 : 0;
} else {
  // exitCode instead of exit(): a large JSON result written to a pipe is flushed before the process ends.
  // The backend worker's bundle sits beside this entry's (dist/node/backend.mjs).
  const workerScript = fileURLToPath(new URL('./backend.mjs', import.meta.url));
  import('./cliMain.ts')
    .then(({ cliMain }) => cliMain(argv, { workerScript }))
    .then((code) => {
      process.exitCode = code;
    }, internalError);
}
