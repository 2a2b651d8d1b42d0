import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { LONG_RUNNING } from './longFilesFirst.ts';

it('names test files that exist, once each', () => {
  const root = path.resolve(import.meta.dirname, '..');
  expect(LONG_RUNNING.filter((name) => !fs.existsSync(path.join(root, name)))).toEqual([]);
  expect(new Set(LONG_RUNNING).size).toBe(LONG_RUNNING.length);
});
