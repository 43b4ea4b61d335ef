import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import { WalCheckpoints } from '../src/database/wal-checkpoints';

// The worker compiles its TypeScript on load; on a loaded machine that takes seconds.
jest.setTimeout(60_000);

type Connection = Parameters<typeof WalCheckpoints.start>[0];

interface Opened {
  file: string;
  dataSource: DataSource;
  sql: SqliteSqlClient;
  main: Connection;
  close(): Promise<void>;
}

async function open(): Promise<Opened> {
  const folder = mkdtempSync(path.join(tmpdir(), 'wal-checkpoints-'));
  const file = path.join(folder, 'db.sqlite');
  const dataSource = await new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: file, LOG_LEVEL: 'silent' })),
  ).initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  await sql.run('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const main = (dataSource.driver as unknown as { databaseConnection: Connection })
    .databaseConnection;
  return {
    file,
    dataSource,
    sql,
    main,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** `count` transactions of a few pages each, as appends are; a pause now and then, as a server has. */
async function write(sql: SqliteSqlClient, count: number, each?: () => void): Promise<void> {
  const body = 'x'.repeat(3000);
  for (let i = 0; i < count; i += 1) {
    await sql.transaction(async (tx) => {
      await tx.run('INSERT INTO filler (body) VALUES (?)', [body]);
      await tx.run('INSERT INTO filler (body) VALUES (?)', [body]);
    });
    each?.();
    if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const pragma = (main: Connection, name: string) =>
  Object.values(main.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[0];

describe('WalCheckpoints', () => {
  let t: Opened;
  let checkpoints: WalCheckpoints | undefined;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(async () => {
    await checkpoints?.close();
    checkpoints = undefined;
    await t.close();
  });

  it('leaves checkpoints to its worker: the main connection copies nothing into the file', async () => {
    // No rounds of its own in this test: only the one asked for below.
    checkpoints = WalCheckpoints.start(t.main, t.file, { intervalMs: 3_600_000 });
    expect(checkpoints).toBeDefined();
    expect(pragma(t.main, 'wal_autocheckpoint')).toBeGreaterThan(10_000);
    const before = size(t.file);
    // About 3,000 frames: SQLite's default would have checkpointed on COMMIT three times.
    await write(t.sql, 1000);
    expect(size(t.file)).toBe(before);
    expect(size(`${t.file}-wal`)).toBeGreaterThan(3000 * 1024);

    const round = await checkpoints?.checkpointNow();
    expect(round?.result).toEqual({
      busy: 0,
      log: expect.any(Number),
      checkpointed: round?.result?.log,
    });
    expect(round?.result?.log).toBeGreaterThan(2000);
    expect(size(t.file)).toBeGreaterThan(before + 1000 * 6000);
  });

  it('keeps the WAL file bounded while writes go on', async () => {
    checkpoints = WalCheckpoints.start(t.main, t.file, { intervalMs: 20, restartFrames: 250 });
    // Once the worker runs (it compiles first).
    await checkpoints?.checkpointNow();
    let largest = 0;
    let n = 0;
    // About 9,000 frames (36 MB) in all.
    await write(t.sql, 3000, () => {
      n += 1;
      if (n % 10 === 0) largest = Math.max(largest, size(`${t.file}-wal`));
    });
    const round = await checkpoints?.checkpointNow();
    expect(round?.restarts).toBeGreaterThan(0);
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(12 * 1024 * 1024);
  });

  it('stops its worker on close, after a last checkpoint', async () => {
    checkpoints = WalCheckpoints.start(t.main, t.file, { intervalMs: 3_600_000 });
    await write(t.sql, 300);
    const before = size(t.file);
    await checkpoints?.close();
    // The last round copied the log into the file.
    expect(size(t.file)).toBeGreaterThan(before);
    await expect(checkpoints?.checkpointNow()).resolves.toMatchObject({
      error: 'the checkpoint worker stopped',
    });
    // The main connection, the last one now, removes the WAL file when it closes.
    await t.dataSource.destroy();
    expect(existsSync(`${t.file}-wal`)).toBe(false);
  });

  it('hands checkpoints back to the main connection when the worker dies', async () => {
    checkpoints = WalCheckpoints.start(t.main, t.file, { intervalMs: 3_600_000 });
    await checkpoints?.checkpointNow();
    // The thread ends without being asked to (as after a crash inside it).
    await (
      checkpoints as unknown as { worker: { terminate(): Promise<number> } }
    ).worker.terminate();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pragma(t.main, 'wal_autocheckpoint')).toBe(1000);
  });

  it('runs no worker for an in-memory database', () => {
    expect(WalCheckpoints.start(t.main, ':memory:')).toBeUndefined();
  });
});
