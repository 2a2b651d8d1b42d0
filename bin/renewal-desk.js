#!/usr/bin/env node
// The CLI runs as an esbuild bundle (dist/node/cli.mjs), rebuilt here when it is missing or older than its
// sources, so it works from a fresh clone after `npm ci` and never runs stale code after `git pull`.
import { pathToFileURL } from 'node:url';
import { ensureNodeBundle } from '../scripts/build-node.mjs';

await import(pathToFileURL(await ensureNodeBundle('cli')).href);
