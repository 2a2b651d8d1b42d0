import { BASELINE_CARE_SQL } from './pgBaselineCare.ts';
import { BASELINE_CORE_SQL } from './pgBaselineCore.ts';
import { BASELINE_FUNCTIONS_SQL } from './pgBaselineFunctions.ts';
import { BASELINE_REPORTS_SQL } from './pgBaselineReports.ts';
import { BASELINE_RISK_SQL } from './pgBaselineRisk.ts';
import { BASELINE_SEARCH_SQL } from './pgBaselineSearch.ts';
import { BASELINE_TRIGGERS_SQL } from './pgTriggers.ts';

/**
 * The PostgreSQL schema as ONE baseline migration equal to SQLite's schema at version 34.
 *
 * Why one step and not 34: no PostgreSQL archive existed before team mode, so there is no history to replay; a
 * PostgreSQL database starts at 34 and from 35 on every migration has a PostgreSQL twin under the same number
 * (postgresMigrations.ts). postgresSchemaParity.test.ts holds the two schemas equal column for column.
 *
 * Type mapping, chosen so values round-trip byte-identical: SQLite's storage classes keep their meaning, TEXT → text,
 * INTEGER → bigint, REAL → double precision. Dates stay 'YYYY-MM-DD' text and instants ISO-8601 text, exactly as
 * SQLite stores them. Every text column is COLLATE "C": comparisons, unique indexes, CHECKs such as
 * ends_on >= starts_on, and ORDER BY then follow code-point order like SQLite's BINARY collation, whatever locale the
 * database was created with. Booleans stay 0/1 integers (the app reads and writes them as numbers).
 *
 * SQLite-only things with no twin: WITHOUT ROWID (a storage choice; every such table has a primary key here), the
 * sqlite_autoindex_* indexes (PostgreSQL names its own primary-key and unique indexes), sqlite_stat tables, and
 * PRAGMA user_version (the version lives in schema_version, see postgresMigrations.ts). There are no FTS5 tables at
 * 34: search on both engines goes through customer_search and the bigram tables. rowid is not a column of any table;
 * the one INTEGER PRIMARY KEY (search_scopes.id, a rowid alias) is an identity column.
 *
 * The seed rows (built-in tiers, survey dimensions, visit standards) are stamped with the migration's injected time,
 * which applyPostgresMigrations puts in the transaction-local setting renewal_desk.migration_now.
 */
export const POSTGRES_BASELINE_34 = {
  version: 34,
  name: 'baseline_equal_to_sqlite_34',
  sql: [
    BASELINE_FUNCTIONS_SQL,
    BASELINE_CORE_SQL,
    BASELINE_SEARCH_SQL,
    BASELINE_REPORTS_SQL,
    BASELINE_RISK_SQL,
    BASELINE_CARE_SQL,
    BASELINE_TRIGGERS_SQL,
  ].join('\n'),
} as const;
