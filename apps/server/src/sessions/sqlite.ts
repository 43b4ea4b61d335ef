import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Result of a write statement. */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** The little of a better-sqlite3 prepared statement this server uses (no type package installed). */
export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** A better-sqlite3 transaction function: call it directly (DEFERRED) or via `.immediate()`. */
export type Transaction<A extends unknown[], R> = ((...args: A) => R) & {
  immediate: (...args: A) => R;
};

export interface SqliteDatabase {
  prepare(sql: string): Statement;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
}

/** True for a UNIQUE or PRIMARY KEY violation (better-sqlite3 error codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? (error as { code: unknown }).code
      : undefined;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Synchronous access to the same SQLite connection TypeORM opened (better-sqlite3).
 *
 * Session writes use it directly: a better-sqlite3 transaction runs synchronously from BEGIN to
 * COMMIT, so no other JavaScript in this process can interleave with it, and `BEGIN IMMEDIATE`
 * takes SQLite's write lock so other processes on the same file serialise behind it. Do not call
 * this while a TypeORM (async) transaction is open on the connection; this server uses none after
 * the migrations.
 */
@Injectable()
export class Sqlite {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly dataSource: DataSource) {}

  get db(): SqliteDatabase {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      // DATABASE_URL chose PostgreSQL: say which part still needs SQLite instead of failing on an
      // undefined connection.
      throw new Error(
        `This part of the server still runs synchronous SQLite statements (Sqlite.sql) and cannot use ` +
          `${this.dataSource.options.type}: unset DATABASE_URL to use the SQLite file (PostgreSQL support is in progress)`,
      );
    }
    // TypeORM's better-sqlite3 driver keeps the open Database as `databaseConnection` (typed any).
    const driver = this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase };
    return driver.databaseConnection;
  }

  /** A cached prepared statement. */
  sql(source: string): Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  /** Runs `fn` in a BEGIN IMMEDIATE transaction (rolled back if it throws). */
  immediate<R>(fn: () => R): R {
    return this.db.transaction(fn).immediate();
  }
}
