import fs from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from '../../db/postgres/postgresUrl.ts';

// The team database chosen in 设置 for the next start: a small JSON file in the per-user data directory, beside the
// archive and never inside it (the archive is what it chooses). It holds the URL without its password; the desktop
// keeps the password in its keychain.

export const CHOSEN_LOCATION_FILE = 'database-location.json';

const fileIn = (dataDir: string) => path.join(dataDir, CHOSEN_LOCATION_FILE);

/** The chosen PostgreSQL URL, or null for the default SQLite file (no file, or one that is unreadable or not ours). */
export function readChosenLocation(dataDir: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(fileIn(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const url = (JSON.parse(text) as { postgres?: unknown }).postgres;
    return typeof url === 'string' && isPostgresUrl(url) ? url.trim() : null;
  } catch {
    return null;
  }
}

/** Keeps `url` for the next start, or with null goes back to the SQLite file; written whole through a rename. */
export function writeChosenLocation(dataDir: string, url: string | null): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = fileIn(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ postgres: url }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
