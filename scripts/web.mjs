// `npm run web [-- --port 0] [--db FILE]`: the web host, run as the bundle dist/node/web.mjs (rebuilt here when
// missing or stale; see build-node.mjs). It builds a stale renderer itself, unless given --no-build.
import { pathToFileURL } from 'node:url';
import { ensureNodeBundle } from './build-node.mjs';

await import(pathToFileURL(await ensureNodeBundle('web')).href);
