import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import { sessionLeasesContract } from './support/session-leases-contract';

// A file with two connections: to SQLite, two server processes on one machine.
let folder: string | undefined;
const opened: DataSource[] = [];

afterAll(async () => {
  for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

sessionLeasesContract('SQLite', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'session-leases-'));
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
});
