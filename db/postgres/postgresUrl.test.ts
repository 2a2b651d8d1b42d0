import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redactPostgresUrl } from './postgresUrl.ts';

describe('PostgreSQL URLs', () => {
  it('tells a PostgreSQL URL from an SQLite path', () => {
    expect(isPostgresUrl('postgres://u@h:5432/renewal_desk')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/renewal_desk')).toBe(true);
    expect(isPostgresUrl(' POSTGRES://u@h/db')).toBe(true);
    expect(isPostgresUrl('/home/u/renewal-desk.db')).toBe(false);
    expect(isPostgresUrl('postgres.db')).toBe(false);
  });

  it('masks the password wherever the URL carries one, and nothing else', () => {
    expect(redactPostgresUrl('postgres://alice:s3cr%40t@db.example:5432/renewal_desk')).toBe('postgres://alice:***@db.example:5432/renewal_desk');
    expect(redactPostgresUrl('postgresql://alice@db/renewal_desk?sslmode=require&password=hunter2')).toBe(
      'postgresql://alice@db/renewal_desk?sslmode=require&password=***',
    );
    expect(redactPostgresUrl('postgres://postgres@/t_1?host=%2Ftmp%2Fpg')).toBe('postgres://postgres@/t_1?host=%2Ftmp%2Fpg');
    expect(redactPostgresUrl('postgres://alice:p:w@h/db')).not.toContain('p:w');
  });
});
