import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { sqliteDataSourceOptions } from '../../src/database/data-source-options';
import {
  POSTGRES_BASELINE_TIMESTAMP,
  postgresMigrations,
} from '../../src/database/migrations/postgres';
import { sqliteMigrations } from '../../src/database/migrations/sqlite';
import { postgresShape, sqliteShape, type SchemaShape } from '../support/schema-shape';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * Both dialects' migrations, each run on a fresh database, must end in the same schema: the same
 * tables, columns (order, type, nullability, default, collation), keys, indexes, foreign keys,
 * CHECKs and triggers. A migration added to one list and not the other fails here.
 */
describe('SQLite and PostgreSQL migrations', () => {
  let folder: string;
  let sqlite: DataSource;
  let pg: TestSchema;
  let postgres: DataSource;
  let sqliteSchema: SchemaShape;
  let postgresSchema: SchemaShape;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'crossroads-schema-'));
    sqlite = new DataSource(
      sqliteDataSourceOptions(
        loadConfig({ DATABASE_PATH: path.join(folder, 'schema.sqlite'), LOG_LEVEL: 'silent' }),
      ),
    );
    await sqlite.initialize();
    sqliteSchema = await sqliteShape(sqlite);

    pg = await createTestSchema('schema');
    postgres = await pg.open(1);
    postgresSchema = await postgresShape(postgres, pg.name);
    if (process.env.DUMP_SHAPES)
      console.log(JSON.stringify({ sqliteSchema, postgresSchema }, null, 1));
  }, 60_000);

  afterAll(async () => {
    if (sqlite?.isInitialized) await sqlite.destroy();
    await pg?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('create the same tables', () => {
    expect(Object.keys(postgresSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    // Not two empty lists agreeing: the schema the server needs is there.
    expect(Object.keys(sqliteSchema)).toEqual(
      expect.arrayContaining(['accounts', 'sessions', 'events', 'checkpoints', 'presence_log']),
    );
  });

  it('give every table the same columns, keys, indexes, foreign keys, checks and triggers', () => {
    for (const table of Object.keys(sqliteSchema)) {
      // Table by table, so a failure names the table that diverged.
      expect({ table, ...postgresSchema[table] }).toEqual({ table, ...sqliteSchema[table] });
    }
  });

  it('serialise appends on both engines with the same keys on events', () => {
    const events = sqliteSchema.events;
    expect(events?.primaryKey).toEqual(['session_id', 'seq']);
    expect(events?.uniques).toEqual(['(session_id, command_id)']);
    expect(postgresSchema.events?.primaryKey).toEqual(['session_id', 'seq']);
    expect(postgresSchema.events?.uniques).toEqual(['(session_id, command_id)']);
  });

  it('keep in ix_events_type only the event types read by type, on both engines', () => {
    const partial = `ix_events_type (session_id, type, team, seq) WHERE type: ${[
      'broadcast.sent',
      'chat.message',
      'note.pinned',
      'session.ended',
      'session.paused',
      'session.resumed',
      'session.started',
    ].join('|')}`;
    expect(sqliteSchema.events?.indexes).toEqual([partial]);
    expect(postgresSchema.events?.indexes).toEqual([partial]);
  });

  // What the shape cannot show: the collation and the triggers behave alike.
  const engines = () =>
    [
      ['SQLite', sqlite, (_n: number) => '?'],
      ['PostgreSQL', postgres, (n: number) => `$${n}`],
    ] as const;

  it('compare user names case-insensitively on both engines (SQLite NOCASE, ICU in PostgreSQL)', async () => {
    for (const [engine, db, p] of engines()) {
      await db.query(
        `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (${p(1)}, ${p(2)}, 'x', 'admin', '2026-01-01')`,
        ['a1', 'Alice'],
      );
      const found = (await db.query(`SELECT id FROM accounts WHERE username = ${p(1)}`, [
        'aLICE',
      ])) as { id: string }[];
      expect({ engine, found: found.map((r) => r.id) }).toEqual({ engine, found: ['a1'] });
      await expect(
        db.query(
          `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (${p(1)}, ${p(2)}, 'x', 'admin', '2026-01-01')`,
          ['a2', 'ALICE'],
        ),
      ).rejects.toThrow(/unique|duplicate/i);
    }
  });

  it('keep published scenario versions immutable on both engines', async () => {
    for (const [, db] of engines()) {
      await db.query(
        `INSERT INTO studio_scenarios (id, owner_id, scenario_id, title, draft, created_at, draft_updated_at)
         VALUES ('s1', 'a1', 'sc', 'T', '{}', '2026-01-01', '2026-01-01')`,
      );
      await db.query(
        `INSERT INTO studio_versions (studio_id, scenario_id, version, source, published_at, published_by)
         VALUES ('s1', 'sc', '1.0.0', 'text', '2026-01-01', 'a1')`,
      );
      await expect(db.query(`UPDATE studio_versions SET source = 'changed'`)).rejects.toThrow(
        /a published scenario version is immutable/,
      );
      await expect(db.query(`DELETE FROM studio_versions`)).rejects.toThrow(
        /a published scenario version is kept/,
      );
    }
  });

  it('come in pairs after the PostgreSQL baseline (same timestamp and name in both lists)', () => {
    const names = (list: { name: string }[]) => list.map((m) => m.name);
    const timestamp = (name: string) => Number(/(\d{13})$/.exec(name)?.[1]);
    const sqliteAfter = names(sqliteMigrations.map((M) => new M())).filter(
      (n) => timestamp(n) > POSTGRES_BASELINE_TIMESTAMP,
    );
    const postgresAfter = names(postgresMigrations.map((M) => new M())).filter(
      (n) => timestamp(n) > POSTGRES_BASELINE_TIMESTAMP,
    );
    expect(postgresAfter).toEqual(sqliteAfter);
    // The baseline stands for a SQLite migration that exists.
    expect(names(sqliteMigrations.map((M) => new M())).map(timestamp)).toContain(
      POSTGRES_BASELINE_TIMESTAMP,
    );
  });
});
