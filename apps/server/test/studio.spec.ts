import { DataSource } from 'typeorm';
import { IN_MEMORY_DATABASE, loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import { studioContract } from './support/studio-contract';

// One server process has one SQLite connection: every "server" of the contract shares it, as the
// studio and everything else in the process do (its SqlClient queues their transactions).
studioContract('SQLite', async () => {
  const dataSource = new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: IN_MEMORY_DATABASE, LOG_LEVEL: 'silent' })),
  );
  await dataSource.initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  return {
    client: () => Promise.resolve(sql),
    close: () => dataSource.destroy(),
  };
});
