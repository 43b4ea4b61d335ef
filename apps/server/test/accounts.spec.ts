import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service';
import { IN_MEMORY_DATABASE, loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import { Sqlite } from '../src/sessions/sqlite';
import { accountsContract, type AccountsUnderTest } from './support/accounts-contract';

async function openSqlite(): Promise<AccountsUnderTest & { dataSource: DataSource }> {
  const dataSource = new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: IN_MEMORY_DATABASE, LOG_LEVEL: 'silent' })),
  );
  await dataSource.initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  return {
    accounts: new AccountsService(sql, new Sqlite(dataSource)),
    sql,
    dataSource,
    close: () => dataSource.destroy(),
  };
}

accountsContract('SQLite', openSqlite);

describe('AccountsService.legacyUsername (SQLite only, for the views not yet async)', () => {
  it('names an enabled account and gives "" for a disabled or unknown one', async () => {
    const t = await openSqlite();
    try {
      const ana = await t.accounts.create('ana', 'correct-horse-battery', 'facilitator');
      expect(t.accounts.legacyUsername(ana.id)).toBe('ana');
      expect(t.accounts.legacyUsername('nobody')).toBe('');
      await t.sql.run('UPDATE accounts SET disabled = 1 WHERE id = ?', [ana.id]);
      expect(t.accounts.legacyUsername(ana.id)).toBe('');
    } finally {
      await t.close();
    }
  });
});
