import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IN_MEMORY_DATABASE, loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import type { PinoLogger } from '../src/logging/logging.module';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { SessionStore } from '../src/sessions/session-store';
import { Sqlite } from '../src/sessions/sqlite';
import { SqliteEventStore } from '../src/sessions/sqlite-event-store';
import { eventStoreContract } from './support/event-store-contract';

eventStoreContract('InMemoryEventStore', () => {
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
        debriefReleased: row.debriefReleased,
      });
    },
    participant: (id) => {
      const p = store.participant(sessionId, id);
      return Promise.resolve(p ? { team: p.team_id, role: p.role } : undefined);
    },
    close: () => Promise.resolve(),
  });
});

eventStoreContract('SqliteEventStore', async () => {
  const dataSource = new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: IN_MEMORY_DATABASE, LOG_LEVEL: 'silent' })),
  );
  await dataSource.initialize();
  const sqlite = new Sqlite(dataSource);
  // The session store logs only when batched presence cannot be written; none is queued here.
  const sessions = new SessionStore(sqlite, console as unknown as PinoLogger);
  const owner = randomUUID();
  const created = new Date().toISOString();
  sqlite
    .sql(
      'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(owner, `owner-${owner}`, 'x', 'facilitator', created);
  const sessionId = randomUUID();
  sessions.insertSession(
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
    row: () => {
      const row = sessions.session(sessionId);
      if (!row) throw new Error('session row missing');
      return Promise.resolve({
        status: row.status,
        startedAt: row.started_at,
        debriefReleased: row.debrief_released === 1,
      });
    },
    participant: (id) => {
      const p = sessions.participant(id);
      return Promise.resolve(p ? { team: p.team_id, role: p.role } : undefined);
    },
    close: () => dataSource.destroy(),
  };
});
