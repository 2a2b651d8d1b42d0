import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, describeLocation, resolveDbLocation, userDataDir, withPassword } from './dataLocation.ts';

describe('data location', () => {
  it('matches Electron userData for the app name on each platform', () => {
    expect(userDataDir({ HOME: '/home/li' }, 'linux')).toBe('/home/li/.config/Renewal Desk');
    expect(userDataDir({ HOME: '/home/li', XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/Renewal Desk');
    expect(userDataDir({ HOME: '/Users/li' }, 'darwin')).toBe('/Users/li/Library/Application Support/Renewal Desk');
    expect(userDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\li\\AppData\\Roaming', 'Renewal Desk'));
  });

  it('lets --db win over RENEWAL_DESK_DB, which wins over the team database chosen in 设置, which wins over the default file', () => {
    const file = (l: ReturnType<typeof resolveDbLocation>) => (l.engine === 'sqlite' ? l.file : l.url);
    const chosen = 'postgres://alice@team.example/renewal_desk';
    expect(file(resolveDbLocation({ cliDb: 'a.db', env: { RENEWAL_DESK_DB: '/b.db' }, chosen }))).toBe(path.resolve('a.db'));
    expect(file(resolveDbLocation({ env: { RENEWAL_DESK_DB: '/b.db' }, chosen }))).toBe('/b.db');
    expect(file(resolveDbLocation({ env: { HOME: '/home/li' }, chosen }))).toBe(chosen);
    expect(file(resolveDbLocation({ env: { HOME: '/home/li' }, chosen: null }))).toBe(`/home/li/.config/Renewal Desk/${DB_FILE_NAME}`);
    expect(file(resolveDbLocation({ env: {}, defaultDir: '/electron/userData' }))).toBe(`/electron/userData/${DB_FILE_NAME}`);
  });

  it('adds a kept password as a parameter the location masks, and never over a password the URL has', () => {
    const url = withPassword('postgres://alice@db.example:5432/renewal_desk', 'p@ss&word');
    expect(url).toBe('postgres://alice@db.example:5432/renewal_desk?password=p%40ss%26word');
    expect(describeLocation({ engine: 'postgres', url })).toBe('postgres://alice@db.example:5432/renewal_desk?password=***');
    expect(withPassword('postgres://alice@/rd?host=/run/postgresql', 'x')).toBe('postgres://alice@/rd?host=/run/postgresql&password=x');
    expect(withPassword('postgres://alice:own@db/rd', 'x')).toBe('postgres://alice:own@db/rd');
    expect(withPassword('postgres://alice@db/rd', null)).toBe('postgres://alice@db/rd');
  });

  it('takes a postgres:// or postgresql:// URL from --db or RENEWAL_DESK_DB as a PostgreSQL archive, anything else as a file', () => {
    const url = 'postgres://alice@db.example:5432/renewal_desk';
    expect(resolveDbLocation({ cliDb: url, env: { RENEWAL_DESK_DB: '/b.db' } })).toEqual({ engine: 'postgres', url });
    expect(resolveDbLocation({ env: { RENEWAL_DESK_DB: 'postgresql://alice@db/renewal_desk' } })).toEqual({ engine: 'postgres', url: 'postgresql://alice@db/renewal_desk' });
    expect(resolveDbLocation({ cliDb: 'a.db', env: { RENEWAL_DESK_DB: url } })).toEqual({ engine: 'sqlite', file: path.resolve('a.db') });
    expect(resolveDbLocation({ env: {}, defaultDir: '/electron/userData' })).toEqual({ engine: 'sqlite', file: `/electron/userData/${DB_FILE_NAME}` });
  });
});
