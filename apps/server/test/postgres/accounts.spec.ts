import { AccountsService } from '../../src/accounts/accounts.service';
import { PostgresSqlClient } from '../../src/database/sql';
import { Sqlite } from '../../src/sessions/sqlite';
import { accountsContract } from '../support/accounts-contract';
import { createTestSchema, type TestSchema } from './test-schema';

// One schema per test, so each starts from an empty, freshly migrated database.
const schemas: TestSchema[] = [];
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop();
});

accountsContract('PostgreSQL', async () => {
  const schema = await createTestSchema('accounts');
  schemas.push(schema);
  const dataSource = await schema.open();
  const sql = new PostgresSqlClient(dataSource);
  return {
    // The synchronous Sqlite handle is only for legacyUsername, which PostgreSQL refuses by name.
    accounts: new AccountsService(sql, new Sqlite(dataSource)),
    sql,
    close: () => schema.drop(),
  };
});
