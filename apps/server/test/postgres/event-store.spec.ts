import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresSqlClient } from '../../src/database/sql';
import { PostgresEventStore } from '../../src/sessions/postgres-event-store';
import { eventStoreContract } from '../support/event-store-contract';
import { createTestSchema, type TestSchema } from './test-schema';

// The contract the in-memory and SQLite stores pass in test/event-stores.spec.ts, on PostgreSQL.
// One schema for the file (migrations once), a fresh session per test; the second store has a
// pool of its own, so to PostgreSQL it is another server process.
let schema: TestSchema | undefined;
let pools: Promise<[DataSource, DataSource]> | undefined;

function open(): Promise<[DataSource, DataSource]> {
  pools ??= (async () => {
    schema = await createTestSchema('events');
    return [await schema.open(4), await schema.open(4)] as [DataSource, DataSource];
  })();
  return pools;
}

afterAll(async () => {
  await schema?.drop();
});

eventStoreContract(
  'PostgresEventStore',
  async () => {
    const [first, second] = await open();
    const owner = randomUUID();
    const sessionId = randomUUID();
    const created = new Date().toISOString();
    await first.query(
      `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES ($1, $2, 'x', 'facilitator', $3)`,
      [owner, `owner-${owner}`, created],
    );
    await first.query(
      `INSERT INTO sessions (id, scenario_id, scenario_version, settings, status, join_code, owner_id, created_at)
       VALUES ($1, 'scenario', '1.0.0', '{}', 'lobby', $2, $3, $4)`,
      [sessionId, `code-${sessionId}`, owner, created],
    );
    return {
      store: new PostgresEventStore(first),
      sessionId,
      row: async () => {
        const [row] = (await first.query(
          'SELECT status, started_at, ended_at, debrief_released FROM sessions WHERE id = $1',
          [sessionId],
        )) as {
          status: string;
          started_at: string | null;
          ended_at: string | null;
          debrief_released: number;
        }[];
        if (!row) throw new Error('session row missing');
        return {
          status: row.status,
          startedAt: row.started_at,
          endedAt: row.ended_at,
          debriefReleased: row.debrief_released === 1,
        };
      },
      participant: async (id) => {
        const [row] = (await first.query('SELECT team_id, role FROM participants WHERE id = $1', [
          id,
        ])) as { team_id: string | null; role: string | null }[];
        return row ? { team: row.team_id, role: row.role } : undefined;
      },
      secondStore: () => Promise.resolve(new PostgresEventStore(second)),
      sql: () =>
        Promise.resolve({
          first: new PostgresSqlClient(first),
          second: new PostgresSqlClient(second),
        }),
      // The schema goes in afterAll, with every session in it.
      close: () => Promise.resolve(),
    };
  },
  { database: true },
);
