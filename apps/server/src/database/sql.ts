import { DataSource, type QueryRunner } from 'typeorm';
import { SQLITE_BUSY_TIMEOUT_MS } from './data-source-options';

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | bigint | null | Buffer;

/** Statements on one connection (inside a transaction) or on the pool (outside one). */
export interface SqlExecutor {
  /** Every row the statement returns. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or undefined when there is none. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** A write: how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

/**
 * The server's one way to run SQL on either engine. Statements use `?` placeholders and the
 * subset of SQL both SQLite and PostgreSQL 15+ accept (`INSERT … ON CONFLICT (…) DO UPDATE`,
 * no `INSERT OR REPLACE`, no `rowid`, no `LIMIT -1`; quote a column named like a keyword).
 * Integer columns and COUNT(*) read as JS numbers on both engines.
 */
export interface SqlClient extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction that takes the write lock first (SQLite `BEGIN IMMEDIATE`;
   * on PostgreSQL a READ COMMITTED transaction: take row or advisory locks for what must
   * serialise). Commits when `work` resolves, rolls back when it rejects. Use only `tx` inside.
   */
  transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R>;
}

/**
 * Statements of one SQLite transaction, run synchronously (SqliteSqlClient.immediate): no await
 * between them, so nothing else of this process can run a statement inside the transaction.
 */
export interface SqliteTx {
  /** The first row, or undefined when there is none. */
  get<T>(sql: string, params: readonly SqlValue[]): T | undefined;
  /** A write: how many rows it changed. */
  run(sql: string, params: readonly SqlValue[]): number;
}

/** Injection token of the SqlClient. */
export const SQL_CLIENT = Symbol('SQL_CLIENT');

/** True for a UNIQUE or PRIMARY KEY violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const codeOf = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && 'code' in value
      ? (value as { code: unknown }).code
      : undefined;
  const driverError =
    typeof error === 'object' && error !== null && 'driverError' in error
      ? (error as { driverError: unknown }).driverError
      : undefined;
  const codes = [codeOf(error), codeOf(driverError)];
  return codes.some(
    (code) =>
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      code === '23505',
  );
}

/** `?` → `$1, $2, …`, leaving string literals, quoted names and comments alone. */
export function toPostgresPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SQLite (better-sqlite3, the connection TypeORM opened)
// ---------------------------------------------------------------------------------------------

interface BetterSqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  readonly reader: boolean;
}
interface BetterSqliteDatabase {
  prepare(sql: string): BetterSqliteStatement;
  readonly inTransaction: boolean;
}

/** One grouped() work waiting for the end of the turn. */
interface GroupedWork {
  work: (tx: SqliteTx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function isBusy(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_BUSY'
  );
}

/**
 * SqlClient on the better-sqlite3 connection. Statements run synchronously underneath; what this
 * class adds is the queue: one connection has one transaction, so while a transaction is open
 * (across its awaits) every other statement and transaction of this process waits its turn
 * instead of landing inside it. `BEGIN IMMEDIATE` serialises other processes on the same file.
 */
export class SqliteSqlClient implements SqlClient {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqliteStatement>();
  /** Resolves when the open transaction (if any) has finished. */
  private turn: Promise<void> = Promise.resolve();
  private open = false;
  /**
   * Whether the connection's busy_timeout is SQLITE_BUSY_TIMEOUT_MS (else 0, as BEGIN IMMEDIATE
   * wants it). Set only when it has to change: SQLite prepares a PRAGMA again on every run (its
   * program expires itself), and two of them around every append had been measured at about 1 %
   * of the server's CPU at 1,000 trainees (perf, sqlite3Reprepare under tryBegin).
   */
  private waits = true;

  constructor(private readonly db: BetterSqliteDatabase) {}

  /** The connection TypeORM opened for a `better-sqlite3` DataSource. */
  static fromDataSource(dataSource: DataSource): SqliteSqlClient {
    // TypeORM's better-sqlite3 driver keeps the open Database as `databaseConnection` (typed any).
    const driver = dataSource.driver as unknown as { databaseConnection: BetterSqliteDatabase };
    return new SqliteSqlClient(driver.databaseConnection);
  }

  private statement(sql: string): BetterSqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // better-sqlite3 binds an array's items to the `?` in order, so params go in as they are (no
  // spread into an arguments list on every statement).
  private readonly direct: SqlExecutor = {
    all: <T>(sql: string, params: readonly SqlValue[] = []) =>
      Promise.resolve(this.statement(sql).all(params) as T[]),
    get: <T>(sql: string, params: readonly SqlValue[] = []) =>
      Promise.resolve(this.statement(sql).get(params) as T | undefined),
    run: (sql: string, params: readonly SqlValue[] = []) =>
      Promise.resolve({ changes: this.statement(sql).run(params).changes }),
  };

  private readonly sync: SqliteTx = {
    get: <T>(sql: string, params: readonly SqlValue[]) =>
      this.statement(sql).get(params) as T | undefined,
    run: (sql: string, params: readonly SqlValue[]) => this.statement(sql).run(params).changes,
  };

  /** Synchronous work while no transaction is open (waits for the open one first). */
  private async outside<R>(work: () => R): Promise<R> {
    while (this.open) await this.turn;
    this.waiting();
    return work();
  }

  /** busy_timeout back to SQLITE_BUSY_TIMEOUT_MS, if an append had set it to 0. */
  private waiting(): void {
    if (this.waits) return;
    this.statement(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).get();
    this.waits = true;
  }

  /**
   * A statement outside any transaction waits for another connection's write lock as it always
   * did (busy_timeout), so the timeout goes back first if an append had set it to 0.
   */
  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (!this.open) {
      this.waiting();
      return this.direct.all<T>(sql, params);
    }
    return this.outside(() => this.statement(sql).all(params) as T[]);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    if (!this.open) {
      this.waiting();
      return this.direct.get<T>(sql, params);
    }
    return this.outside(() => this.statement(sql).get(params) as T | undefined);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    if (!this.open) {
      this.waiting();
      return this.direct.run(sql, params);
    }
    return this.outside(() => ({ changes: this.statement(sql).run(params).changes }));
  }

  async transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> {
    while (this.open) await this.turn;
    this.open = true;
    let finish!: () => void;
    this.turn = new Promise<void>((resolve) => (finish = resolve));
    try {
      await this.begin();
      try {
        const result = await work(this.direct);
        this.statement('COMMIT').run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.statement('ROLLBACK').run();
        throw error;
      }
    } finally {
      this.open = false;
      finish();
    }
  }

  /**
   * Runs synchronous `work` in one `BEGIN IMMEDIATE` transaction, as transaction() does: commits
   * when it returns, rolls back when it throws. While no other transaction is open and the write
   * lock is free at once (the usual case) nothing is awaited: no queue turn, no promise per
   * statement, one resolved promise at the end. Otherwise it goes through transaction(), which
   * waits for the open transaction and retries a busy database.
   */
  immediate<R>(work: (tx: SqliteTx) => R): Promise<R> {
    const queued = () => this.transaction(() => Promise.resolve(work(this.sync)));
    if (this.open) return queued();
    try {
      if (this.tryBegin() !== undefined) return queued();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    try {
      const result = work(this.sync);
      this.statement('COMMIT').run();
      return Promise.resolve(result);
    } catch (error) {
      if (this.db.inTransaction) this.statement('ROLLBACK').run();
      return Promise.reject(error as Error);
    }
  }

  /** Work handed to grouped() in this turn of the event loop, run together at its end. */
  private group: GroupedWork[] = [];

  /**
   * Runs synchronous `work` as immediate() does, but together with every other grouped() work of
   * this turn of the event loop: at the turn's end (`setImmediate`) they run in order in one
   * `BEGIN IMMEDIATE` transaction, each in a savepoint of its own, so one that throws is rolled
   * back alone (and its promise rejects) while the others commit. Every promise settles only
   * after the one COMMIT (or its failure, which rejects them all): what resolves is committed,
   * exactly as with immediate(). One transaction instead of several saves the per-transaction
   * work (the write lock's fcntl calls, the WAL-index update) and the WAL frames of the pages
   * they share (the b-trees' upper levels). While another transaction of this client is open or
   * another connection holds the write lock, each work goes through immediate() in turn instead.
   */
  grouped<R>(work: (tx: SqliteTx) => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.group.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.group.length === 1) setImmediate(() => this.runGroup());
    });
  }

  private runGroup(): void {
    const group = this.group;
    this.group = [];
    const alone = () => {
      for (const item of group) this.immediate(item.work).then(item.resolve, item.reject);
    };
    if (group.length === 1 || this.open) {
      alone();
      return;
    }
    try {
      if (this.tryBegin() !== undefined) {
        alone();
        return;
      }
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      for (const item of group) {
        this.statement('SAVEPOINT grouped').run();
        try {
          outcomes.push({ ok: true, value: item.work(this.sync) });
          this.statement('RELEASE grouped').run();
        } catch (error) {
          this.statement('ROLLBACK TO grouped').run();
          this.statement('RELEASE grouped').run();
          outcomes.push({ ok: false, value: error });
        }
      }
      this.statement('COMMIT').run();
    } catch (error) {
      if (this.db.inTransaction) this.statement('ROLLBACK').run();
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i] as { ok: boolean; value: unknown };
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    });
  }

  /**
   * `BEGIN IMMEDIATE` without blocking the event loop: while another connection holds the write
   * lock, better-sqlite3 would wait for it synchronously (busy_timeout), and a holder in this same
   * process (a transaction open across awaits) could never finish. So the attempt does not wait,
   * and a busy database is tried again after a short pause, for as long as busy_timeout allows.
   */
  private async begin(): Promise<void> {
    const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      const busy = this.tryBegin();
      if (busy === undefined) return;
      if (Date.now() >= deadline) throw busy;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /**
   * One `BEGIN IMMEDIATE` that does not wait: undefined once begun, the SQLITE_BUSY error if busy.
   * busy_timeout stays 0 after it (see `waits`): inside a write transaction nothing waits on it in
   * WAL mode (the writer's log restart and automatic checkpoint take their locks without the busy
   * handler), and the next statement outside a transaction sets it back.
   */
  private tryBegin(): unknown {
    if (this.waits) {
      this.statement('PRAGMA busy_timeout = 0').get();
      this.waits = false;
    }
    try {
      this.statement('BEGIN IMMEDIATE').run();
      return undefined;
    } catch (error) {
      if (!isBusy(error)) throw error;
      return error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (the pool of TypeORM's DataSource)
// ---------------------------------------------------------------------------------------------

interface PgStructured {
  records?: unknown[];
  affected?: number;
}

function rowsOf<T>(result: PgStructured): T[] {
  return (result.records ?? []) as T[];
}

function pgExecutor(query: (sql: string, params: readonly SqlValue[]) => Promise<PgStructured>) {
  const executor: SqlExecutor = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      rowsOf<T>(await query(toPostgresPlaceholders(sql), params)),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      rowsOf<T>(await query(toPostgresPlaceholders(sql), params))[0],
    run: async (sql: string, params: readonly SqlValue[] = []) => {
      const result = await query(toPostgresPlaceholders(sql), params);
      return { changes: result.affected ?? 0 };
    },
  };
  return executor;
}

/** SqlClient on PostgreSQL through TypeORM's pool: one pooled connection per transaction. */
export class PostgresSqlClient implements SqlClient {
  readonly dialect = 'postgres' as const;
  private readonly pooled: SqlExecutor;

  constructor(private readonly dataSource: DataSource) {
    // DataSource.query answers bare rows; a short-lived runner gives the structured result
    // (rows, field types, affected count).
    this.pooled = pgExecutor(async (sql, params) => {
      const runner = this.dataSource.createQueryRunner();
      try {
        return (await runner.query(sql, [...params], true)) as PgStructured;
      } finally {
        await runner.release();
      }
    });
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.pooled.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.pooled.get<T>(sql, params);
  }
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.pooled.run(sql, params);
  }

  async transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const result = await work(
          pgExecutor(
            async (sql, params) => (await runner.query(sql, [...params], true)) as PgStructured,
          ),
        );
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}

/** The SqlClient for the DataSource's engine. */
export function sqlClientFor(dataSource: DataSource): SqlClient {
  return dataSource.options.type === 'postgres'
    ? new PostgresSqlClient(dataSource)
    : SqliteSqlClient.fromDataSource(dataSource);
}
