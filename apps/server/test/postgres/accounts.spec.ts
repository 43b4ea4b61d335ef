import { AccountsService } from '../../src/accounts/accounts.service';
import { PostgresSqlClient } from '../../src/database/sql';
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
    accounts: new AccountsService(sql),
    sql,
    close: () => schema.drop(),
  };
});
