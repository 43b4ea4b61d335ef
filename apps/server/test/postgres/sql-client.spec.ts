import { PostgresSqlClient } from '../../src/database/sql';
import { sqlClientContract } from '../support/sql-client-contract';
import { createTestSchema, type TestSchema } from './test-schema';

let schema: TestSchema | undefined;
afterAll(async () => {
  await schema?.drop();
});

sqlClientContract('PostgreSQL', async () => {
  schema = await createTestSchema('sql');
  return new PostgresSqlClient(await schema.open());
});
