import { Client } from 'pg';
import { postgresMigrations } from '../../src/database/migrations/postgres';
import { createApp } from '../../src/index';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * DATABASE_URL reaches the server's own DatabaseModule: a start on PostgreSQL runs the PostgreSQL
 * migrations there. The rest of the server still runs synchronous SQLite statements, so for now
 * the start then stops with a message that says so (not a TypeError on an undefined connection).
 * When those modules move onto async ports, this test turns into "boots and answers /api/health".
 */
describe('the server with DATABASE_URL=postgres://…', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema('server');
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('migrates PostgreSQL at start, then names what still needs SQLite', async () => {
    // The search path in the URL puts the tables in this run's schema (libpq's `options`).
    const url = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    await expect(
      createApp({ env: { DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' } }),
    ).rejects.toThrow(/still runs synchronous SQLite statements .* cannot use postgres/);

    const client = new Client({ connectionString: schema.url });
    await client.connect();
    try {
      const migrations = await client.query<{ name: string }>(
        `SELECT name FROM "${schema.name}".migrations ORDER BY id`,
      );
      expect(migrations.rows.map((r) => r.name)).toEqual(
        postgresMigrations.map((M) => new M().name),
      );
      expect(migrations.rows[0]?.name).toBe('PostgresBaseline1765065600000');
      const meta = await client.query<{ key: string }>(
        `SELECT key FROM "${schema.name}".server_meta`,
      );
      expect(meta.rows.map((r) => r.key)).toContain('schema_created_at');
    } finally {
      await client.end();
    }
  });
});
