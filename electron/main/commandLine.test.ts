import { describe, expect, it } from 'vitest';
import { dbArgFrom } from './commandLine.ts';

describe('dbArgFrom', () => {
  it('finds --db FILE and --db=FILE among Electron and Chromium arguments', () => {
    expect(dbArgFrom(['/opt/electron', 'dist-electron/main/main.js', '--db', '/tmp/a.db'])).toBe('/tmp/a.db');
    expect(dbArgFrom(['/opt/续约管家', '--enable-logging', '--db=/tmp/b.db'])).toBe('/tmp/b.db');
    expect(dbArgFrom(['/opt/续约管家', '--enable-logging'])).toBeUndefined();
  });
});
