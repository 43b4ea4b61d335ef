import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service';
import { IN_MEMORY_DATABASE, loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import { accountsContract, type AccountsUnderTest } from './support/accounts-contract';

async function openSqlite(): Promise<AccountsUnderTest & { dataSource: DataSource }> {
  const dataSource = new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: IN_MEMORY_DATABASE, LOG_LEVEL: 'silent' })),
  );
  await dataSource.initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  return {
    accounts: new AccountsService(sql),
    sql,
    dataSource,
    close: () => dataSource.destroy(),
  };
}

accountsContract('SQLite', openSqlite);
