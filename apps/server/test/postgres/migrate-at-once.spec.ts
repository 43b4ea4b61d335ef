import { postgresMigrations } from '../../src/database/migrations/postgres';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * Several server processes started together on one fresh PostgreSQL database (a deployment's
 * first start, a container restart) must all come up: one migrates while the others wait on the
 * migration lock, then find nothing pending. Without the lock all but one failed on tables the
 * first had created.
 */
describe('server processes migrating one PostgreSQL schema at once', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema('migrate');
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('all open, and every migration ran exactly once', async () => {
    // Each open() is its own pool, as a separate process would have; pool size 1 also proves the
    // lock and the migrations share one connection.
    const opened = await Promise.allSettled([schema.open(1), schema.open(1), schema.open(2)]);
    expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const first = opened[0];
    if (first?.status !== 'fulfilled') throw new Error('unreachable: checked above');
    const ran = await first.value.query<{ name: string }[]>(
      'SELECT name FROM migrations ORDER BY id',
    );
    expect(ran.map((row) => row.name)).toEqual(
      postgresMigrations.map((migration) => migration.name),
    );
  });
});
