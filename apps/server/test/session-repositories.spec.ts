import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IN_MEMORY_DATABASE, loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import type { PinoLogger } from '../src/logging/logging.module';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { SqliteSqlClient } from '../src/database/sql';
import {
  InMemorySessionRepository,
  SqlSessionRepository,
} from '../src/sessions/session-repository';
import { SessionStore } from '../src/sessions/session-store';
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

sessionRepositoryContract('SqlSessionRepository on SQLite', async () => {
  const dataSource = new DataSource(
    sqliteDataSourceOptions(loadConfig({ DATABASE_PATH: IN_MEMORY_DATABASE, LOG_LEVEL: 'silent' })),
  );
  await dataSource.initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  // The session store logs only when batched presence cannot be written; none is queued here.
  const store = new SessionStore(sql, console as unknown as PinoLogger);
  return {
    repo: new SqlSessionRepository(store),
    events: new SqliteEventStore(store),
    account: async () => {
      const id = randomUUID();
      await sql.run(
        'INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
        [id, `staff-${id}`, 'x', 'facilitator', new Date().toISOString()],
      );
      return id;
    },
    close: () => dataSource.destroy(),
  };
});
