import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { noControlCharacters } from './fields.ts';

// Team mode (issue 15), 设置 → 团队数据库: which database this computer opens, a connection test, and the choice for
// the next start. The choice lives in a small file in the per-user data directory, never in the archive; the
// password in the host's keychain (the desktop), or PGPASSWORD (the web host, the CLI).

/** postgres://user@host:5432/database (pg's socket form too: postgres://user@/database?host=/run/postgresql). */
const postgresUrlField = z
  .string()
  .max(2000, issue('validation.max', { max: 2000 }))
  .transform((s) => s.trim())
  .pipe(z.string().superRefine(noControlCharacters(false)).regex(/^postgres(ql)?:\/\/\S+$/i, issue('teamDb.needsUrl')));

const passwordField = z.string().max(500, issue('validation.max', { max: 500 }));

const teamDatabaseView = z.object({
  /** What this run opened: an SQLite file's path, or the server's URL with its password masked. */
  current: z.object({ engine: z.enum(['sqlite', 'postgres']), location: z.string() }),
  /** The URL chosen for the next start (password masked), or null for the SQLite file. */
  chosen: z.string().nullable(),
  /** This run's archive is not the one chosen here: --db or RENEWAL_DESK_DB named another. */
  overridden: z.boolean(),
  /** Whether a password is kept (keychain) or given (PGPASSWORD). */
  passwordKept: z.boolean(),
  passwordStore: z.enum(['keychain', 'environment']),
});
export type TeamDatabaseView = z.output<typeof teamDatabaseView>;

export const teamDatabaseContract = {
  'teamDatabase:get': { input: z.object({}), output: teamDatabaseView },
  'teamDatabase:test': {
    input: z.object({
      url: postgresUrlField,
      /** Left out (or empty): the kept one, if any. */
      password: passwordField.optional(),
    }),
    output: z.object({ location: z.string(), serverVersion: z.string() }),
  },
  'teamDatabase:choose': {
    input: z.object({
      /** null: back to the SQLite file in the data directory. */
      url: postgresUrlField.nullable(),
      /** A new password for the keychain; left out (or empty) keeps the kept one, null forgets it. */
      password: passwordField.nullable().optional(),
    }),
    output: teamDatabaseView,
    changes: ['teamDatabase'],
  },
} as const;
