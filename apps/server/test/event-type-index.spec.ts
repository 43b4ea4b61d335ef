import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient, type SqlValue } from '../src/database/sql';
import type { PinoLogger } from '../src/logging/logging.module';
import { SessionStore } from '../src/sessions/session-store';
import { SqliteEventStore } from '../src/sessions/sqlite-event-store';
import { eventTypeIndexContract } from './support/event-type-index-contract';

eventTypeIndexContract('SQLite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'event-type-index-'));
  const dataSource = await new DataSource(
    sqliteDataSourceOptions(
      loadConfig({ DATABASE_PATH: path.join(folder, 'events.sqlite'), LOG_LEVEL: 'silent' }),
    ),
  ).initialize();
  const sql = SqliteSqlClient.fromDataSource(dataSource);
  return {
    sql,
    events: new SqliteEventStore(new SessionStore(sql, console as unknown as PinoLogger)),
    explain: async (statement: string, params: readonly SqlValue[]) => {
      const rows = (await dataSource.query(`EXPLAIN QUERY PLAN ${statement}`, [...params])) as {
        detail: string;
      }[];
      return rows.map((r) => r.detail).join('\n');
    },
    statementsOf: async (work: () => Promise<unknown>) => {
      const all = jest.spyOn(sql, 'all');
      try {
        await work();
        return all.mock.calls.map(([statement, params]) => ({
          sql: statement,
          params: [...(params ?? [])],
        }));
      } finally {
        all.mockRestore();
      }
    },
    // The server never runs ANALYZE: the plans must hold on SQLite's defaults.
    settle: () => Promise.resolve(),
    indexed:
      /^SEARCH events USING (PRIMARY KEY \(session_id=\?\)|INDEX ix_events_type \(session_id=\?)/,
    partial: /^SEARCH events USING INDEX ix_events_type \(session_id=\? AND type=\?/,
    close: async () => {
      await dataSource.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
