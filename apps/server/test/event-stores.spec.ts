import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import type { PinoLogger } from '../src/logging/logging.module';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { SessionStore } from '../src/sessions/session-store';
import { SqliteEventStore } from '../src/sessions/sqlite-event-store';
import { eventStoreContract } from './support/event-store-contract';

eventStoreContract(
  'InMemoryEventStore',
  () => {
    const store = new InMemoryEventStore();
    const sessionId = randomUUID();
    return Promise.resolve({
      store,
      sessionId,
      row: () => {
        const row = store.row(sessionId);
        return Promise.resolve({
          status: row.status,
          startedAt: row.startedAt,
          endedAt: row.endedAt,
          debriefReleased: row.debriefReleased,
        });
      },
      participant: (id) => {
        const p = store.participant(sessionId, id);
        return Promise.resolve(p ? { team: p.team_id, role: p.role } : undefined);
      },
      // One process: its "other connection" is itself.
      secondStore: () => Promise.resolve(store),
      close: () => Promise.resolve(),
    });
  },
  { database: false },
);

eventStoreContract(
  'SqliteEventStore',
  async () => {
    // A file, not :memory:, so a second connection (the second store) sees the same data.
    const folder = mkdtempSync(path.join(tmpdir(), 'event-stores-'));
    const options = sqliteDataSourceOptions(
      loadConfig({ DATABASE_PATH: path.join(folder, 'events.sqlite'), LOG_LEVEL: 'silent' }),
    );
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    const other = new DataSource(options);
    // One SqlClient per connection, as the server has: its queue is what keeps statements out of
    // an open transaction.
    const first = SqliteSqlClient.fromDataSource(dataSource);
    let second: SqliteSqlClient | undefined;
    const openSecond = async () => {
      if (!other.isInitialized) await other.initialize();
      second ??= SqliteSqlClient.fromDataSource(other);
      return second;
    };
    // The session store logs only when batched presence cannot be written; none is queued here.
    const sessions = new SessionStore(first, console as unknown as PinoLogger);
    const owner = randomUUID();
    const created = new Date().toISOString();
    await first.run(
      'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
      [owner, `owner-${owner}`, 'x', 'facilitator', created],
    );
    const sessionId = randomUUID();
    await sessions.insertSession(
      {
        id: sessionId,
        scenario_id: 'scenario',
        scenario_version: '1.0.0',
        rubric_version: null,
        settings: '{}',
        status: 'lobby',
        join_code: 'CODE42',
        owner_id: owner,
        debrief_released: 0,
        created_at: created,
        started_at: null,
        ended_at: null,
        details: null,
      },
      [
        { id: 't1', name: 'One' },
        { id: 't2', name: 'Two' },
      ],
    );
    return {
      store: new SqliteEventStore(sessions),
      sessionId,
      row: async () => {
        const row = await sessions.session(sessionId);
        if (!row) throw new Error('session row missing');
        return {
          status: row.status,
          startedAt: row.started_at,
          endedAt: row.ended_at,
          debriefReleased: row.debrief_released === 1,
        };
      },
      participant: async (id) => {
        const p = await sessions.participant(id);
        return p ? { team: p.team_id, role: p.role } : undefined;
      },
      secondStore: async () =>
        new SqliteEventStore(
          new SessionStore(await openSecond(), console as unknown as PinoLogger),
        ),
      sql: async () => ({ first, second: await openSecond() }),
      close: async () => {
        await dataSource.destroy();
        if (other.isInitialized) await other.destroy();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
  { database: true },
);
