import { PostgresSqlClient } from '../../src/database/sql';
import { sessionLeasesContract } from '../support/session-leases-contract';
import { createTestSchema, type TestSchema } from './test-schema';

// Two pools on one schema: to PostgreSQL, two server processes.
let schema: TestSchema | undefined;
afterAll(async () => {
  await schema?.drop();
});

sessionLeasesContract('PostgreSQL', async () => {
  schema = await createTestSchema('leases');
  return {
    first: new PostgresSqlClient(await schema.open(4)),
    second: new PostgresSqlClient(await schema.open(4)),
  };
});
