import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SqliteSqlClient, toPostgresPlaceholders } from '../src/database/sql';
import { sqlClientContract } from './support/sql-client-contract';

// better-sqlite3 ships no types and this server installs none: the constructor is all we need.
const Database = createRequire(__filename)('better-sqlite3') as new (
  file: string,
) => ConstructorParameters<typeof SqliteSqlClient>[0] & {
  pragma(source: string): unknown;
  close(): void;
};

sqlClientContract('SQLite', () => Promise.resolve(new SqliteSqlClient(new Database(':memory:'))));

describe('toPostgresPlaceholders', () => {
  it('numbers ? marks outside literals, quoted names and comments', () => {
    expect(
      toPostgresPlaceholders(`SELECT "a?" FROM t WHERE x = ? AND y = '?' -- why?\nAND z IN (?, ?)`),
    ).toBe(`SELECT "a?" FROM t WHERE x = $1 AND y = '?' -- why?\nAND z IN ($2, $3)`);
  });
});

describe('SqliteSqlClient.immediate', () => {
  let folder: string;
  let connections: InstanceType<typeof Database>[];
  /** A client on a new connection to one WAL file (two of them contend for its write lock). */
  const client = () => {
    const db = new Database(path.join(folder, 'immediate.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    connections.push(db);
    return new SqliteSqlClient(db);
  };
  const count = async (sql: SqliteSqlClient) =>
    (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))?.n;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'sql-immediate-'));
    connections = [];
    await client().run('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  });
  afterEach(() => {
    for (const db of connections) db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('commits the synchronous work, and rolls it back whole when it throws', async () => {
    const sql = client();
    await expect(sql.immediate((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [1]))).resolves.toBe(
      1,
    );
    await expect(
      sql.immediate((tx) => {
        tx.run('INSERT INTO t (id) VALUES (?)', [2]);
        tx.run('INSERT INTO t (id) VALUES (?)', [1]);
      }),
      // Not toThrow: better-sqlite3's errors extend the Error of the jest context that loaded the
      // addon first, so instanceof Error can be false here.
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await count(sql)).toBe(1);
    // The connection is usable after the rollback.
    await sql.immediate((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [3]));
    expect(await count(sql)).toBe(2);
  });

  it("waits for its own client's transaction that is open across awaits", async () => {
    const sql = client();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id) VALUES (?)', [1]);
      await held;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const seen: (number | undefined)[] = [];
    const after = sql.immediate((tx) => {
      seen.push(tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM t', [])?.n);
      return tx.run('INSERT INTO t (id) VALUES (?)', [2]);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    release();
    await open;
    await after;
    expect(seen).toEqual([1]);
    expect(await count(sql)).toBe(2);
  });

  it('waits for a write lock another connection holds without blocking the event loop', async () => {
    const first = client();
    const second = client();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = first.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id) VALUES (?)', [1]);
      await held;
    });
    await new Promise((resolve) => setImmediate(resolve));
    // busy_timeout would have blocked this process for up to 5 s: the attempt must not wait,
    // and timers fire while it waits.
    const started = Date.now();
    let done = false;
    const waiting = second
      .immediate((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [2]))
      .then(() => (done = true));
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    release();
    await open;
    await waiting;
    expect(await count(second)).toBe(2);
  });

  it('after an append, a statement outside a transaction still waits out another writer', async () => {
    const sql = client();
    await sql.immediate((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [1]));
    // Another writer (a thread of its own, so it can let go while this one waits) holds the write
    // lock for 300 ms. The insert below must wait for it (busy_timeout), not fail at once as the
    // append's BEGIN IMMEDIATE attempts do.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.module);
       const db = new Database(workerData.file);
       db.prepare('BEGIN IMMEDIATE').run();
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.prepare('COMMIT').run();
       db.close();`,
      {
        eval: true,
        workerData: {
          module: createRequire(__filename).resolve('better-sqlite3'),
          file: path.join(folder, 'immediate.sqlite'),
        },
      },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    const started = Date.now();
    await expect(sql.run('INSERT INTO t (id) VALUES (?)', [2])).resolves.toEqual({ changes: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await new Promise((resolve) => holder.once('exit', resolve));
    // And the next append still does not wait.
    await sql.immediate((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [3]));
    expect(await count(sql)).toBe(3);
  });
});

describe('SqliteSqlClient.grouped', () => {
  let folder: string;
  let db: InstanceType<typeof Database>;
  /** How many transactions the client began (its BEGIN IMMEDIATE statements run). */
  let begun: number;
  let sql: SqliteSqlClient;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'sql-grouped-'));
    db = new Database(path.join(folder, 'grouped.sqlite'));
    db.pragma('journal_mode = WAL');
    begun = 0;
    // The client's connection, with its BEGIN IMMEDIATE counted.
    const counting: ConstructorParameters<typeof SqliteSqlClient>[0] = {
      get inTransaction() {
        return db.inTransaction;
      },
      prepare(source: string) {
        const statement = db.prepare(source);
        if (source !== 'BEGIN IMMEDIATE') return statement;
        return {
          get reader() {
            return statement.reader;
          },
          get: (...params: unknown[]) => statement.get(...params),
          all: (...params: unknown[]) => statement.all(...params),
          run: (...params: unknown[]) => {
            begun += 1;
            return statement.run(...params);
          },
        };
      },
    };
    sql = new SqliteSqlClient(counting);
    await sql.run('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  });
  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const ids = async () =>
    (await sql.all<{ id: number }>('SELECT id FROM t ORDER BY id')).map((r) => r.id);

  it("commits one turn's works in one transaction, and rolls back only the one that throws", async () => {
    const first = sql.grouped((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [1]));
    const failing = sql.grouped((tx) => {
      tx.run('INSERT INTO t (id) VALUES (?)', [2]);
      tx.run('INSERT INTO t (id) VALUES (?)', [1]);
    });
    const third = sql.grouped((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [3]));
    // Not resolved before the turn's end: nothing is committed yet.
    expect(await ids()).toEqual([]);
    await expect(first).resolves.toBe(1);
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    await expect(third).resolves.toBe(1);
    expect(begun).toBe(1);
    expect(await ids()).toEqual([1, 3]);
    expect(db.inTransaction).toBe(false);
    // Works of a later turn get a transaction of their own.
    await sql.grouped((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [4]));
    expect(begun).toBe(2);
    expect(await ids()).toEqual([1, 3, 4]);
  });

  it("waits for its own client's transaction that is open across awaits", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id) VALUES (?)', [1]);
      await held;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const one = sql.grouped((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [2]));
    const two = sql.grouped((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [3]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await open;
    await expect(Promise.all([one, two])).resolves.toEqual([1, 1]);
    expect(await ids()).toEqual([1, 2, 3]);
  });
});
