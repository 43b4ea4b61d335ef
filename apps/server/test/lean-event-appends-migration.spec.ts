import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { sqliteMigrations } from '../src/database/migrations/sqlite';
import { LeanEventAppends1765152010000 } from '../src/database/migrations/sqlite/1765152010000-LeanEventAppends';
import { SqliteSqlClient } from '../src/database/sql';
import type { PinoLogger } from '../src/logging/logging.module';
import { SessionStore } from '../src/sessions/session-store';
import { SqliteEventStore } from '../src/sessions/sqlite-event-store';

/**
 * LeanEventAppends rebuilds `events` on SQLite as a WITHOUT ROWID table: a database written before
 * it keeps every event, in order, with its command ids still unique per session and its rows still
 * deleted with their session.
 */
describe('the LeanEventAppends migration on a SQLite database with events', () => {
  let folder: string;
  let options: DataSourceOptions;
  const open = async (migrations: DataSourceOptions['migrations']) =>
    new DataSource({ ...options, migrations } as DataSourceOptions).initialize();

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'crossroads-lean-events-'));
    options = sqliteDataSourceOptions(
      loadConfig({ DATABASE_PATH: path.join(folder, 'db.sqlite'), LOG_LEVEL: 'silent' }),
    );
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps every event in order, command ids unique and the cascade', async () => {
    const at = sqliteMigrations.indexOf(LeanEventAppends1765152010000);
    expect(at).toBeGreaterThan(0);
    const before = await open(sqliteMigrations.slice(0, at));
    await before.query(
      `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES ('a1', 'u', 'x', 'admin', 't')`,
    );
    for (const id of ['s1', 's2'])
      await before.query(
        `INSERT INTO sessions (id, scenario_id, scenario_version, owner_id, join_code, status, settings, created_at)
         VALUES (?, 'sc', '1.0.0', 'a1', ?, 'running', '{}', '2026-01-01T00:00:00.000Z')`,
        [id, `code-${id}`],
      );
    // Written out of seq order and interleaved across sessions, as concurrent sessions write.
    const written: [string, number, string, string | null][] = [];
    for (const seq of [3, 1, 2, 5, 4])
      for (const session of ['s2', 's1'])
        written.push([session, seq, seq % 2 ? 'decision.made' : 'chat.message', `c-${seq}`]);
    for (const [session, seq, type, command] of written)
      await before.query(
        `INSERT INTO events (session_id, seq, at, time, team, role, participant, type, payload, command_id, actor, command_digest)
         VALUES (?, ?, 't', ?, 't1', 'lead', NULL, ?, ?, ?, 'participant:p', 'digest')`,
        [session, seq, seq * 10, type, JSON.stringify({ n: seq, session }), command],
      );
    const rowsBefore = (await before.query(
      `SELECT * FROM events ORDER BY session_id, seq`,
    )) as unknown[];
    await before.destroy();

    const after = await open(sqliteMigrations);
    const sql = SqliteSqlClient.fromDataSource(after);
    const events = new SqliteEventStore(new SessionStore(sql, console as unknown as PinoLogger));
    expect(await after.query(`SELECT * FROM events ORDER BY session_id, seq`)).toEqual(rowsBefore);
    const s1 = await events.readFrom('s1', 0);
    expect(s1.map((e) => [e.seq, e.type, e.payload])).toEqual(
      [1, 2, 3, 4, 5].map((seq) => [
        seq,
        seq % 2 ? 'decision.made' : 'chat.message',
        { n: seq, session: 's1' },
      ]),
    );
    expect(await events.head('s1')).toBe(5);
    expect(await events.command('s1', 'c-4')).toEqual({
      seq: 4,
      actor: 'participant:p',
      digest: 'digest',
    });
    // The rebuilt table has no rowid to depend on.
    await expect(after.query(`SELECT rowid FROM events`)).rejects.toThrow(/no such column/);

    // A command id already in the session's log is refused; in another session it is free.
    const append = (sessionId: string, seq: number, commandId: string) =>
      events.append({
        sessionId,
        expectedHead: seq - 1,
        events: [
          {
            event: {
              seq,
              at: 't',
              time: 0,
              team: null,
              role: null,
              participant: null,
              type: 'session.paused',
              payload: {},
            },
            commandId,
            actor: 'account:a1',
            commandDigest: 'd',
          },
        ],
      } as Parameters<typeof events.append>[0]);
    expect(await append('s1', 6, 'c-2')).toEqual({ kind: 'duplicate', seq: 2 });
    expect(await append('s1', 6, 'c-new')).toEqual({ kind: 'appended' });
    expect(await append('s1', 7, 'c-new')).toEqual({ kind: 'duplicate', seq: 6 });
    expect(await append('s1', 6, 'c-other')).toEqual({ kind: 'stale', head: 6 });

    // Deleting a session still deletes its events.
    await after.query(`DELETE FROM sessions WHERE id = 's2'`);
    expect(await after.query(`SELECT COUNT(*) AS n FROM events WHERE session_id = 's2'`)).toEqual([
      { n: 0 },
    ]);
    expect(await after.query(`SELECT COUNT(*) AS n FROM events`)).toEqual([{ n: 6 }]);
    await after.destroy();
  });
});
