import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { healthResponseSchema, livenessResponseSchema } from '@crossroads/shared';
import { DataSource } from 'typeorm';
import { openSqliteFile, startTestServer, type TestServer } from './helpers';

// Booting a server takes seconds on a loaded 2-core machine; the 5 s default is too tight.
jest.setTimeout(30_000);

const serverVersion = (
  JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'apps', 'server', 'package.json'), 'utf8'),
  ) as { version: string }
).version;

describe('GET /api/health and the SQLite database', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('reports ok with the server version and a real database round trip', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const body = healthResponseSchema.parse(await response.json());
    expect(body.status).toBe('ok');
    expect(body.version).toBe(serverVersion);
    expect(body.uptimeSeconds).toBeGreaterThan(0);
    expect(body.database).toMatchObject({ ok: true, driver: 'better-sqlite3' });
    expect(body.database.error).toBeUndefined();
  });

  it('readiness (/api/health/ready) answers as /api/health; without REDIS_URL it asks no Redis', async () => {
    const response = await fetch(`${server.url}/api/health/ready`);
    expect(response.status).toBe(200);
    const body = healthResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ status: 'ok', database: { ok: true } });
    expect(body.redis).toBeUndefined();
    expect(body.reason).toBeUndefined();
  });

  it('liveness (/api/health/live) answers with the version and asks nothing', async () => {
    const response = await fetch(`${server.url}/api/health/live`);
    expect(response.status).toBe(200);
    const body = livenessResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ status: 'ok', version: serverVersion });
  });

  it('stores the database in the configured file, not elsewhere', () => {
    expect(server.config.databasePath).toBe(path.join(server.dataDir, 'crossroads.sqlite'));
    expect(existsSync(server.databasePath)).toBe(true);
  });

  it('opens SQLite with WAL, foreign keys and a busy timeout', async () => {
    const dataSource = server.app.get(DataSource);
    const [journal] = (await dataSource.query('PRAGMA journal_mode')) as { journal_mode: string }[];
    const [keys] = (await dataSource.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
    const [busy] = (await dataSource.query('PRAGMA busy_timeout')) as { timeout: number }[];
    expect(journal?.journal_mode).toBe('wal');
    expect(keys?.foreign_keys).toBe(1);
    expect(busy?.timeout).toBeGreaterThanOrEqual(1000);
  });

  it('ran the migrations at start (migrations table and server_meta exist)', () => {
    const db = openSqliteFile(server.databasePath, { readonly: true });
    try {
      const migrations = db.prepare('SELECT name FROM migrations ORDER BY id').all() as {
        name: string;
      }[];
      expect(migrations.map((m) => m.name)).toContain('CreateServerMeta1764374400000');
      const created = db
        .prepare("SELECT value FROM server_meta WHERE key = 'schema_created_at'")
        .get() as { value: string } | undefined;
      expect(created && Number.isNaN(Date.parse(created.value))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('has no schema drift: the migrations produce exactly what the entities describe', async () => {
    const dataSource = server.app.get(DataSource);
    expect(dataSource.entityMetadatas.length).toBeGreaterThan(0);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('answers 503 degraded when the database is gone, and keeps answering', async () => {
    const other = await startTestServer();
    try {
      await other.app.get(DataSource).destroy();
      const response = await fetch(`${other.url}/api/health`);
      expect(response.status).toBe(503);
      const body = healthResponseSchema.parse(await response.json());
      expect(body.status).toBe('degraded');
      expect(body.database.ok).toBe(false);
      expect(body.database.error).toEqual(expect.any(String));
      expect(body.reason).toBe(`database: ${body.database.error}`);
      expect((await fetch(`${other.url}/api/health/ready`)).status).toBe(503);
      // The process still answers: a load balancer takes it out of rotation, not restarts it.
      expect((await fetch(`${other.url}/api/health/live`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('a second start on the same file runs no migration twice', async () => {
    const first = await startTestServer({ keepFiles: true });
    const databasePath = first.databasePath;
    await first.close();
    const second = await startTestServer({ env: { DATABASE_PATH: databasePath } });
    try {
      const dataSource = second.app.get(DataSource);
      const rows = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[];
      expect(rows.filter((r) => r.name === 'CreateServerMeta1764374400000')).toHaveLength(1);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await second.close();
      // The second server had its own temp folder; the first one's is still on disk.
      const { rm } = await import('node:fs/promises');
      await rm(path.dirname(databasePath), { recursive: true, force: true });
    }
  });
});
