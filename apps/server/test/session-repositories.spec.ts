import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IN_MEMORY_DATABASE, loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import type { PinoLogger } from '../src/logging/logging.module';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import {
  InMemorySessionRepository,
  SqliteSessionRepository,
} from '../src/sessions/session-repository';
import { SessionStore } from '../src/sessions/session-store';
import { Sqlite } from '../src/sessions/sqlite';
import { SqliteEventStore } from '../src/sessions/sqlite-event-store';
import { sessionRepositoryContract } from './support/session-repository-contract';

sessionRepositoryContract('InMemorySessionRepository', () => {
  const events = new InMemoryEventStore();
  return Promise.resolve({
    repo: new InMemorySessionRepository(events),
    events,
    account: () => Promise.resolve(randomUUID()),
    close: () => Promise.resolve(),
  });
});

sessionRepositoryContract('SqliteSessionRepository', async () => {
  const dataSource = new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: IN_MEMORY_DATABASE, LOG_LEVEL: 'silent' })),
  );
  await dataSource.initialize();
  const sqlite = new Sqlite(dataSource);
  // The session store logs only when batched presence cannot be written; none is queued here.
  const store = new SessionStore(sqlite, console as unknown as PinoLogger);
  return {
    repo: new SqliteSessionRepository(store),
    events: new SqliteEventStore(store),
    account: () => {
      const id = randomUUID();
      sqlite
        .sql(
          'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, `staff-${id}`, 'x', 'facilitator', new Date().toISOString());
      return Promise.resolve(id);
    },
    close: () => dataSource.destroy(),
  };
});
