import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, resolveDbFile, resolveDbLocation, userDataDir } from './dataLocation.ts';

describe('data location', () => {
  it('matches Electron userData for the app name on each platform', () => {
    expect(userDataDir({ HOME: '/home/li' }, 'linux')).toBe('/home/li/.config/Renewal Desk');
    expect(userDataDir({ HOME: '/home/li', XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/Renewal Desk');
    expect(userDataDir({ HOME: '/Users/li' }, 'darwin')).toBe('/Users/li/Library/Application Support/Renewal Desk');
    expect(userDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\li\\AppData\\Roaming', 'Renewal Desk'));
  });

  it('lets --db win over RENEWAL_DESK_DB, which wins over the default directory', () => {
    expect(resolveDbFile({ cliDb: 'a.db', env: { RENEWAL_DESK_DB: '/b.db' } })).toBe(path.resolve('a.db'));
    expect(resolveDbFile({ env: { RENEWAL_DESK_DB: '/b.db' } })).toBe('/b.db');
    expect(resolveDbFile({ env: { HOME: '/home/li' } })).toBe(`/home/li/.config/Renewal Desk/${DB_FILE_NAME}`);
    expect(resolveDbFile({ env: {}, defaultDir: '/electron/userData' })).toBe(`/electron/userData/${DB_FILE_NAME}`);
  });

  it('refuses a PostgreSQL URL where only a file is served (desktop, web host), never taking it for a path', () => {
    const refused = () => resolveDbFile({ env: { RENEWAL_DESK_DB: 'postgresql://alice:s3cret@db.example/renewal_desk' } });
    expect(refused).toThrow('桌面应用和网页版目前只能打开 SQLite 数据文件');
    expect(refused).not.toThrow(/s3cret/);
  });

  it('takes a postgres:// or postgresql:// URL from --db or RENEWAL_DESK_DB as a PostgreSQL archive, anything else as a file', () => {
    const url = 'postgres://alice@db.example:5432/renewal_desk';
    expect(resolveDbLocation({ cliDb: url, env: { RENEWAL_DESK_DB: '/b.db' } })).toEqual({ engine: 'postgres', url });
    expect(resolveDbLocation({ env: { RENEWAL_DESK_DB: 'postgresql://alice@db/renewal_desk' } })).toEqual({ engine: 'postgres', url: 'postgresql://alice@db/renewal_desk' });
    expect(resolveDbLocation({ cliDb: 'a.db', env: { RENEWAL_DESK_DB: url } })).toEqual({ engine: 'sqlite', file: path.resolve('a.db') });
    expect(resolveDbLocation({ env: {}, defaultDir: '/electron/userData' })).toEqual({ engine: 'sqlite', file: `/electron/userData/${DB_FILE_NAME}` });
  });
});
