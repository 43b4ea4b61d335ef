import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { ErrorCode, type Account } from '@crossroads/shared';
import { AppError } from '../../src/auth/rest-error';
import { CatalogueService } from '../../src/catalogue/catalogue.service';
import { loadConfig } from '../../src/config';
import { PostgresSqlClient, type SqlClient } from '../../src/database/sql';
import { PinoLogger } from '../../src/logging/logging.module';
import { StudioService } from '../../src/studio/studio.service';
import { StudioWorkers } from '../../src/studio/studio-workers';
import { createTestSchema, type TestSchema } from './test-schema';

// The studio service on PostgreSQL. Each "server" has a pool of its own and its own catalogue, so
// to PostgreSQL (and to the studio) two of them are two server processes on one database.
const config = loadConfig({ LOG_LEVEL: 'silent' });
const silent = new PinoLogger(pino({ level: 'silent' }));
const workers = new StudioWorkers();

let schema: TestSchema;
let pools: DataSource[] = [];

interface Server {
  studio: StudioService;
  catalogue: CatalogueService;
}

/** A studio on its own pool with its own catalogue, started the way Nest starts it. */
async function server(
  pool: DataSource,
  sql: SqlClient = new PostgresSqlClient(pool),
): Promise<Server> {
  const catalogue = new CatalogueService(silent, config);
  catalogue.onModuleInit();
  const studio = new StudioService(sql, catalogue, workers, config, silent);
  await studio.onModuleInit();
  return { studio, catalogue };
}

async function account(pool: DataSource, username: string): Promise<Account> {
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  await pool.query(
    `INSERT INTO accounts (id, username, password_hash, role, created_at, can_author)
     VALUES ($1, $2, 'x', 'facilitator', $3, 1)`,
    [id, username, createdAt],
  );
  return { id, username, role: 'facilitator', author: true, createdAt };
}

/** The AppError a call was refused with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError))
    throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

beforeAll(async () => {
  schema = await createTestSchema('studio');
  pools = [await schema.open(4), await schema.open(4), await schema.open(2)];
});

afterAll(async () => {
  await workers.onModuleDestroy();
  await schema?.drop();
});

describe('StudioService on PostgreSQL', () => {
  it('saves a draft, validates it, publishes 1.0.0 once, lists the version and registers it at start', async () => {
    const [pool] = pools as [DataSource];
    const { studio, catalogue } = await server(pool);
    const author = await account(pool, 'pg-author');

    const draft = await studio.create(author, { template: 'starter', scenarioId: 'pg-green' });
    expect(draft.scenarioId).toBe('pg-green');
    expect(draft.owner).toBe('pg-author');
    expect(draft.validation.ok).toBe(true);
    expect(draft.versions).toEqual([]);

    // An invalid draft is saved (with its errors) but cannot be published.
    const broken = await studio.saveDraft(
      author,
      draft.id,
      draft.source.replace('timeCost: 15', 'timeCost: -15'),
    );
    expect(broken.validation.ok).toBe(false);
    expect(broken.validation.errors[0]?.path).toContain('timeCost');
    expect((await refusal(studio.publish(author, draft.id))).code).toBe(ErrorCode.InvalidPayload);
    expect((await studio.get(author, draft.id)).source).toContain('timeCost: -15');

    const saved = await studio.saveDraft(author, draft.id, draft.source);
    expect(saved.validation.ok).toBe(true);
    const v1 = await studio.publish(author, draft.id);
    expect(v1).toMatchObject({ version: '1.0.0', publishedBy: 'pg-author' });
    expect(catalogue.runtime('pg-green', '1.0.0')).toBeDefined();

    // The same version again: refused, and still one version.
    const again = await refusal(studio.publish(author, draft.id));
    expect(again.code).toBe(ErrorCode.InvalidPayload);
    expect(again.message).toContain('raise the version');

    expect(await studio.versions(draft.id)).toEqual([
      { version: '1.0.0', publishedAt: v1.publishedAt, publishedBy: 'pg-author' },
    ]);
    const listed = (await studio.list()).find((item) => item.id === draft.id);
    expect(listed).toMatchObject({
      scenarioId: 'pg-green',
      owner: 'pg-author',
      versions: [{ version: '1.0.0' }],
    });
    const source = await studio.versionSource(draft.id, '1.0.0');
    expect(source).toMatchObject({ scenarioId: 'pg-green', version: '1.0.0' });
    expect(source.source).toBe(draft.source);
    expect(await studio.exportName(draft.id, '1.0.0')).toBe('pg-green-1.0.0.yaml');

    // A server starting on this database registers the published version before sessions start.
    const restarted = await server(pools[1] as DataSource);
    expect(restarted.catalogue.runtime('pg-green', '1.0.0')).toBeDefined();
  });

  it('lets only one of two servers publish the same version of a draft at once', async () => {
    const [first, second] = pools as [DataSource, DataSource];
    // Both publishes pass the checks made before the transaction, then meet at its door: the
    // transaction is what has to refuse one of them.
    let arrived = 0;
    let open!: () => void;
    const door = new Promise<void>((resolve) => (open = resolve));
    const gated = (pool: DataSource): SqlClient => {
      const inner = new PostgresSqlClient(pool);
      return {
        dialect: inner.dialect,
        all: (sql, params) => inner.all(sql, params),
        get: (sql, params) => inner.get(sql, params),
        run: (sql, params) => inner.run(sql, params),
        transaction: async (work) => {
          arrived += 1;
          if (arrived === 2) open();
          await door;
          return inner.transaction(work);
        },
      };
    };
    const a = await server(first, gated(first));
    const b = await server(second, gated(second));
    const author = await account(first, 'pg-racer');
    const draft = await a.studio.create(author, { template: 'starter', scenarioId: 'pg-race' });

    const outcomes = await Promise.allSettled([
      a.studio.publish(author, draft.id),
      b.studio.publish(author, draft.id),
    ]);
    const published = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(arrived).toBe(2);
    expect(published).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    expect((refused[0] as AppError).code).toBe(ErrorCode.InvalidPayload);
    expect((refused[0] as AppError).message).toContain('raise the version');
    expect(await a.studio.versions(draft.id)).toHaveLength(1);
  });

  it('refuses a second draft publishing a scenario id another server already published', async () => {
    const [first, , third] = pools as [DataSource, DataSource, DataSource];
    const a = await server(first);
    const author = await account(first, 'pg-twin');
    const original = await a.studio.create(author, { template: 'starter', scenarioId: 'pg-twin' });

    // This server started before the publish, so its catalogue does not know pg-twin: only the
    // database's unique keys can refuse the copy.
    const { studio: late } = await server(third);
    await a.studio.publish(author, original.id);
    const copy = await late.create(author, { template: 'starter', scenarioId: 'pg-twin' });
    const taken = await refusal(late.publish(author, copy.id));
    expect(taken.code).toBe(ErrorCode.InvalidPayload);
    expect(taken.message).toContain('pg-twin@1.0.0 is taken');
    expect(await late.versions(copy.id)).toEqual([]);
    expect((await late.get(author, copy.id)).scenarioId).toBe('pg-twin');
  });
});
