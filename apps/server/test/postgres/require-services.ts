import { requirePostgres } from '../support/services';

// Migrations and server starts on a shared, loaded machine take longer than jest's 5 s default.
jest.setTimeout(60_000);

// Every file of the postgres project needs the server: without it each test fails with a message
// that names PostgreSQL and how to start it, rather than being skipped.
beforeAll(async () => {
  await requirePostgres();
}, 15_000);
