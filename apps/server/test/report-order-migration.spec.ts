import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { sqliteMigrations } from '../src/database/migrations/sqlite';
import { ReportOrderColumns1765152005000 } from '../src/database/migrations/sqlite/1765152005000-ReportOrderColumns';

/**
 * ReportOrderColumns rebuilds improvement_item_history and presence_log on SQLite to give them an
 * ordering `id`: a database that already holds rows keeps every row, in the order it was written
 * (the old rowid), and later inserts that leave `id` out still land after them.
 */
describe('the ReportOrderColumns migration on a SQLite database with rows', () => {
  let folder: string;
  let options: DataSourceOptions;
  const open = async (migrations: DataSourceOptions['migrations']) => {
    const db = new DataSource({ ...options, migrations } as DataSourceOptions);
    await db.initialize();
    return db;
  };

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'crossroads-order-'));
    options = sqliteDataSourceOptions(
      loadConfig({ DATABASE_PATH: path.join(folder, 'db.sqlite'), LOG_LEVEL: 'silent' }),
    );
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps the rows in their written order and numbers new ones after them', async () => {
    const at = sqliteMigrations.indexOf(ReportOrderColumns1765152005000);
    expect(at).toBeGreaterThan(0);
    const before = await open(sqliteMigrations.slice(0, at));
    await before.query(
      `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES ('a1', 'u', 'x', 'admin', 't')`,
    );
    await before.query(
      `INSERT INTO sessions (id, scenario_id, scenario_version, rubric_version, owner_id, join_code, status, settings, created_at)
       VALUES ('s1', 'sc', '1.0.0', 'r1', 'a1', 'CODE', 'running', '{}', '2026-01-01T00:00:00.000Z')`,
    );
    await before.query(
      `INSERT INTO improvement_items (id, session_id, capability, agency, issue, action, owner, due_date, status, created_at, created_by, updated_at)
       VALUES ('i1', 's1', 'c', 'police', 'issue', 'act', 'o', '2026-02-01', 'open', 't', 'u', 't')`,
    );
    // Same instant on purpose: only the order of writing tells these rows apart.
    for (const status of ['open', 'in_progress', 'done'])
      await before.query(
        `INSERT INTO improvement_item_history (item_id, "at", "by", status, changes) VALUES ('i1', 't', 'u', ?, '{}')`,
        [status],
      );
    for (const presence of ['online', 'offline', 'online'])
      await before.query(
        `INSERT INTO presence_log (session_id, participant_id, presence, "at") VALUES ('s1', 'p1', ?, 't')`,
        [presence],
      );
    await before.destroy();

    const after = await open(sqliteMigrations);
    await after.query(
      `INSERT INTO improvement_item_history (item_id, "at", "by", status, changes) VALUES ('i1', 't', 'u', 'dropped', '{}')`,
    );
    await after.query(
      `INSERT INTO presence_log (session_id, participant_id, presence, "at") VALUES ('s1', 'p1', 'left', 't')`,
    );
    const history = (await after.query(
      `SELECT status FROM improvement_item_history ORDER BY id`,
    )) as { status: string }[];
    expect(history.map((r) => r.status)).toEqual(['open', 'in_progress', 'done', 'dropped']);
    const presence = (await after.query(`SELECT presence FROM presence_log ORDER BY "at", id`)) as {
      presence: string;
    }[];
    expect(presence.map((r) => r.presence)).toEqual(['online', 'offline', 'online', 'left']);
    // The cascade from improvement_items still holds after the rebuild.
    await after.query(`DELETE FROM improvement_items WHERE id = 'i1'`);
    expect(await after.query(`SELECT COUNT(*) AS n FROM improvement_item_history`)).toEqual([
      { n: 0 },
    ]);
    await after.destroy();
  });
});
