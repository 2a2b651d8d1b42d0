#!/usr/bin/env node
// The CLI is TypeScript run through tsx (a runtime dependency), so it works from a fresh clone after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/cliEntry.ts');
