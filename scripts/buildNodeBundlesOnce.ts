// Vitest globalSetup: tests spawn bin/renewal-desk.js, which runs dist/node/cli.mjs. Rebuilding a stale bundle
// here, once, before any test file starts, means no spawned CLI has to build it, nor two test files at once.
import { ensureNodeBundle } from './build-node.mjs';

export default async function buildNodeBundlesOnce(): Promise<void> {
  await ensureNodeBundle('cli', { log: (message) => process.stderr.write(`${message}\n`) });
}
