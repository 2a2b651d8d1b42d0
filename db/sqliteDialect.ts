import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

type ImmediateSqliteConfig = ConstructorParameters<typeof SqliteDialect>[0] & { database: BetterSqlite3.Database };

// Every write transaction starts as BEGIN IMMEDIATE: it takes the write lock up front, so two processes
// (desktop, web host, CLI) never deadlock upgrading a read lock, and busy_timeout can do its job.
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #raw: BetterSqlite3.Database;

  constructor(config: ImmediateSqliteConfig) {
    super(config);
    this.#raw = config.database;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  // SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM): a second
  // ROLLBACK would fail with "no transaction is active" and replace the error that says what happened.
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#raw.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ImmediateSqliteConfig;

  constructor(config: ImmediateSqliteConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
