import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQLITE_ONLY_TEST_FILES, postgresProjectFiles } from './postgresProjectFiles.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('the postgres project’s files', () => {
  const files = postgresProjectFiles(root);

  it('are the db/ and services tests that open their archive through openTestContext', () => {
    expect(files).toContain('electron/services/customers/customers.test.ts');
    expect(files).toContain('db/audit/undoBatch.test.ts');
    for (const f of files) {
      expect(f).toMatch(/^(db|electron\/services)\/.+\.test\.ts$/);
      expect(fs.readFileSync(path.join(root, f), 'utf8')).toContain('openTestContext');
    }
  });

  it('leave out only the listed SQLite-only files, each of which exists, opens an archive and says why', () => {
    for (const [file, reason] of Object.entries(SQLITE_ONLY_TEST_FILES)) {
      expect(files).not.toContain(file);
      expect(fs.readFileSync(path.join(root, file), 'utf8'), file).toContain('openTestContext');
      expect(reason.length, file).toBeGreaterThan(20);
    }
  });
});
