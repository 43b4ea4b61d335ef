import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresSqlClient } from '../../src/database/sql';
import type { PinoLogger } from '../../src/logging/logging.module';
import { PostgresEventStore } from '../../src/sessions/postgres-event-store';
import { SqlSessionRepository } from '../../src/sessions/session-repository';
import { SessionStore } from '../../src/sessions/session-store';
import { sessionRepositoryContract } from '../support/session-repository-contract';
import { createTestSchema, type TestSchema } from './test-schema';

// The contract the in-memory and SQLite repositories pass in test/session-repositories.spec.ts,
// on PostgreSQL: the same SqlSessionRepository over PostgresSqlClient, with the EventStore the
// server wires on PostgreSQL writing the participants and log-driven columns it reads.
let schema: TestSchema | undefined;
let pool: Promise<DataSource> | undefined;

afterAll(async () => {
  await schema?.drop();
});

sessionRepositoryContract('SqlSessionRepository on PostgreSQL', async () => {
  pool ??= (async () => {
    schema = await createTestSchema('repository');
    return schema.open(4);
  })();
  const dataSource = await pool;
  const sql = new PostgresSqlClient(dataSource);
  // The session store logs only when batched presence cannot be written; none is queued here.
  const store = new SessionStore(sql, console as unknown as PinoLogger);
  return {
    repo: new SqlSessionRepository(store),
    events: new PostgresEventStore(dataSource),
    account: async () => {
      const id = randomUUID();
      await sql.run(
        'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
        [id, `staff-${id}`, 'x', 'facilitator', new Date().toISOString()],
      );
      return id;
    },
    // The schema goes in afterAll, with every session in it.
    close: () => Promise.resolve(),
  };
});
