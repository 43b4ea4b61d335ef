import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient, type SqlClient } from '../src/database/sql';
import type { PinoLogger } from '../src/logging/logging.module';
import { SessionOwnership } from '../src/sessions/session-ownership';
import { insertSession, sessionLeasesContract } from './support/session-leases-contract';

// A file with two connections: to SQLite, two server processes on one machine.
let folder: string | undefined;
const opened: DataSource[] = [];

afterAll(async () => {
  for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openDatabases(): Promise<{ first: SqliteSqlClient; second: SqliteSqlClient }> {
  folder ??= mkdtempSync(path.join(tmpdir(), 'session-leases-'));
  const options = sqliteDataSourceOptions(
    loadConfig({ DATABASE_PATH: path.join(folder, 'leases.sqlite'), LOG_LEVEL: 'silent' }),
  );
  const first = new DataSource(options);
  await first.initialize();
  const second = new DataSource({ ...options, migrationsRun: false });
  await second.initialize();
  opened.push(first, second);
  return {
    first: SqliteSqlClient.fromDataSource(first),
    second: SqliteSqlClient.fromDataSource(second),
  };
}

sessionLeasesContract('SQLite', openDatabases);

describe('SessionOwnership.claim', () => {
  /** `sql`, counting the statements it runs. */
  function counting(sql: SqlClient): { sql: SqlClient; statements: () => number } {
    let n = 0;
    const counted: SqlClient = {
      dialect: sql.dialect,
      all: (text, params) => (n++, sql.all(text, params)),
      get: (text, params) => (n++, sql.get(text, params)),
      run: (text, params) => (n++, sql.run(text, params)),
      transaction: (work) => (n++, sql.transaction(work)),
    };
    return { sql: counted, statements: () => n };
  }
  const nodes: SessionOwnership[] = [];
  const node = (id: string, sql: SqlClient) => {
    const config = loadConfig({ NODE_ID: id, DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
    const ownership = new SessionOwnership(sql, config, console as unknown as PinoLogger);
    nodes.push(ownership);
    return ownership;
  };
  afterAll(async () => {
    for (const ownership of nodes) await ownership.onModuleDestroy();
  });

  it("answers another process's lease from memory until it runs out, from the database when asked fresh", async () => {
    const { first, second } = await openDatabases();
    const sessionId = await insertSession(first);
    const a = node('node-a', first);
    const seen = counting(second);
    const b = node('node-b', seen.sql);
    expect(await a.claim(sessionId)).toEqual({ owned: true, taken: true });
    expect(await b.claim(sessionId)).toMatchObject({ owned: false, holder: { owner: 'node-a' } });
    const asked = seen.statements();
    expect(asked).toBeGreaterThan(0);
    // The next forwards of node-b ask nobody: the lease node-a holds has not run out.
    expect(await b.claim(sessionId)).toMatchObject({ owned: false, holder: { owner: 'node-a' } });
    expect(seen.statements()).toBe(asked);
    // node-a gives it up: only a fresh claim (after a forward nobody answered) finds out.
    await a.release(sessionId);
    expect(await b.claim(sessionId)).toMatchObject({ owned: false, holder: { owner: 'node-a' } });
    expect(await b.claim(sessionId, true)).toEqual({ owned: true, taken: true });
    expect(await b.current(sessionId)).toMatchObject({ owner: 'node-b', token: 2 });
  });
});
