import { requireRedis } from '../../apps/server/test/support/services';

// Several server starts on a shared, loaded machine take longer than jest's 5 s default.
jest.setTimeout(60_000);

// Every file of the redis project needs Redis: without it each test fails with a message that
// names Redis and how to start it, rather than being skipped.
beforeAll(async () => {
  await requireRedis();
}, 15_000);
