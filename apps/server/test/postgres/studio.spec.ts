import { PostgresSqlClient } from '../../src/database/sql';
import { studioContract } from '../support/studio-contract';
import { createTestSchema } from './test-schema';

// Each server gets a pool of its own, so to PostgreSQL two of them are two server processes.
studioContract('PostgreSQL', async () => {
  const schema = await createTestSchema('studio');
  return {
    client: async () => new PostgresSqlClient(await schema.open(2)),
    close: () => schema.drop(),
  };
});
