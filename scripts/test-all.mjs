// `npm test`: system packages, then typecheck, lint and the Electron security scan, unit tests (Vitest on real
// SQLite) and end-to-end tests (Playwright on Debian's Chromium against the web host). Stops at the first
// failing stage.
import { spawn } from 'node:child_process';
import { ensureSystemPackages } from './ensureSystemPackages.mjs';

ensureSystemPackages();

// Steps in one stage run side by side: tsc and typed ESLint each keep one core busy, so on two cores the pair
// takes about as long as the slower of them. The electronegativity scan mostly waits (on loading its parsers and
// on translation downloads that fail offline), so beside them it costs little wall time.
const stages = [
  [
    ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
    ['lint', ['npm', 'run', '--silent', 'lint']],
    ['electronegativity', ['node', 'scripts/electronegativity.mjs']],
  ],
  [['unit', ['npx', 'vitest', 'run']]],
  [['e2e', ['npx', 'playwright', 'test']]],
];

/** Runs a step; alone it prints as it goes, beside others its output is held and printed when it ends. */
function run(name, [cmd, ...args], alone) {
  const started = Date.now();
  console.log(`\n[test] ▶ ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const held = [];
    child.stdout?.on('data', (chunk) => held.push(chunk));
    child.stderr?.on('data', (chunk) => held.push(chunk));
    child.on('close', (code, signal) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (held.length > 0) process.stdout.write(`\n[test] ── ${name} output\n${Buffer.concat(held).toString('utf8')}`);
      if (code === 0) console.log(`[test] ✔ ${name} (${secs}s)`);
      else console.error(`[test] ✖ ${name} failed after ${secs}s (exit ${code ?? signal})`);
      resolve(code ?? 1);
    });
  });
}

for (const stage of stages) {
  const codes = await Promise.all(stage.map(([name, command]) => run(name, command, stage.length === 1)));
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) process.exit(failed);
}
