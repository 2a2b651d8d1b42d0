// `npm test`: system packages, then typecheck, lint, unit tests (Vitest on real SQLite) and end-to-end tests
// (Playwright on Debian's Chromium against the web host). Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { ensureSystemPackages } from './ensureSystemPackages.mjs';

ensureSystemPackages();

const steps = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['unit', ['npx', 'vitest', 'run']],
  ['e2e', ['npx', 'playwright', 'test']],
];

for (const [name, [cmd, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n[test] ▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`[test] ✖ ${name} failed after ${secs}s (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`[test] ✔ ${name} (${secs}s)`);
}
