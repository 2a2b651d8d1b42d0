import { cliMain } from './cliMain.ts';

// exitCode instead of exit(): a large JSON result written to a pipe is flushed before the process ends.
cliMain(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${JSON.stringify({ error: { code: 'INTERNAL', field: null, message: e instanceof Error ? e.message : String(e) } })}\n`);
    process.exitCode = 1;
  },
);
