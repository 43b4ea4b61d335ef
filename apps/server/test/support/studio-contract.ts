import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { ErrorCode, type Account } from '@crossroads/shared';
import { AppError } from '../../src/auth/rest-error';
import { CatalogueService } from '../../src/catalogue/catalogue.service';
import { loadConfig, type AppConfig } from '../../src/config';
import type { SqlClient } from '../../src/database/sql';
import { PinoLogger } from '../../src/logging/logging.module';
import { StudioService } from '../../src/studio/studio.service';
import { StudioWorkers } from '../../src/studio/studio-workers';

/** A migrated database for the studio contract. */
export interface StudioDatabase {
  /**
   * The SqlClient of one more server on this database: on PostgreSQL a pool of its own (another
   * server process); on SQLite the one connection, as one server process has exactly one.
   */
  client(): Promise<SqlClient>;
  close(): Promise<void>;
}

const config = loadConfig({ LOG_LEVEL: 'silent' });
const silent = new PinoLogger(pino({ level: 'silent' }));

/**
 * The studio service on one engine (test/studio.spec.ts: SQLite; test/postgres/studio.spec.ts:
 * PostgreSQL): drafts, validation, publishing once per version, two publishes racing into the
 * transaction, and the unique keys refusing an id another server published. Validation runs in
 * the studio worker, which loads the built packages (`npm run build` first, as for tests/).
 */
export function studioContract(name: string, open: () => Promise<StudioDatabase>): void {
  // The worker thread starts and compiles the scenarios package on a shared, loaded machine, and
  // every save and publish validates there: far beyond jest's 5 s default.
  jest.setTimeout(60_000);
  const workers = new StudioWorkers();

  interface Server {
    studio: StudioService;
    catalogue: CatalogueService;
  }

  /** A studio with its own catalogue, started the way Nest starts it. */
  async function server(sql: SqlClient, settings: AppConfig = config): Promise<Server> {
    const catalogue = new CatalogueService(silent, settings);
    catalogue.onModuleInit();
    const studio = new StudioService(sql, catalogue, workers, settings, silent);
    await studio.onModuleInit();
    return { studio, catalogue };
  }

  async function account(sql: SqlClient, username: string): Promise<Account> {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await sql.run(
      `INSERT INTO accounts (id, username, password_hash, role, created_at, can_author)
       VALUES (?, ?, 'x', 'facilitator', ?, 1)`,
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

  describe(`StudioService on ${name}`, () => {
    let db: StudioDatabase;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await workers.onModuleDestroy();
      await db?.close();
    });

    it('saves a draft, validates it, publishes 1.0.0 once, lists the version and registers it at start', async () => {
      const sql = await db.client();
      const { studio, catalogue } = await server(sql);
      const author = await account(sql, 'st-author');

      const draft = await studio.create(author, { template: 'starter', scenarioId: 'st-green' });
      expect(draft.scenarioId).toBe('st-green');
      expect(draft.owner).toBe('st-author');
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
      expect(v1).toMatchObject({ version: '1.0.0', publishedBy: 'st-author' });
      expect(catalogue.runtime('st-green', '1.0.0')).toBeDefined();

      // The same version again: refused, and still one version.
      const again = await refusal(studio.publish(author, draft.id));
      expect(again.code).toBe(ErrorCode.InvalidPayload);
      expect(again.message).toContain('raise the version');

      expect(await studio.versions(draft.id)).toEqual([
        { version: '1.0.0', publishedAt: v1.publishedAt, publishedBy: 'st-author' },
      ]);
      const listed = (await studio.list()).find((item) => item.id === draft.id);
      expect(listed).toMatchObject({
        scenarioId: 'st-green',
        owner: 'st-author',
        versions: [{ version: '1.0.0' }],
      });
      const source = await studio.versionSource(draft.id, '1.0.0');
      expect(source).toMatchObject({ scenarioId: 'st-green', version: '1.0.0' });
      expect(source.source).toBe(draft.source);
      expect(await studio.exportName(draft.id, '1.0.0')).toBe('st-green-1.0.0.yaml');

      // A server starting on this database registers the published version before sessions start.
      const restarted = await server(await db.client());
      expect(restarted.catalogue.runtime('st-green', '1.0.0')).toBeDefined();
    });

    it('lets only one of two servers publish the same version of a draft at once', async () => {
      // Both publishes pass the checks made before the transaction, then meet at its door: the
      // transaction is what has to refuse one of them.
      let arrived = 0;
      let openDoor!: () => void;
      const door = new Promise<void>((resolve) => (openDoor = resolve));
      const gated = (inner: SqlClient): SqlClient => {
        return {
          dialect: inner.dialect,
          all: (sql, params) => inner.all(sql, params),
          get: (sql, params) => inner.get(sql, params),
          run: (sql, params) => inner.run(sql, params),
          transaction: async (work) => {
            arrived += 1;
            if (arrived === 2) openDoor();
            await door;
            return inner.transaction(work);
          },
        };
      };
      const first = await db.client();
      const a = await server(gated(first));
      const b = await server(gated(await db.client()));
      const author = await account(first, 'st-racer');
      const draft = await a.studio.create(author, { template: 'starter', scenarioId: 'st-race' });

      const outcomes = await Promise.allSettled([
        a.studio.publish(author, draft.id),
        b.studio.publish(author, draft.id),
      ]);
      const published = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.flatMap((o) =>
        o.status === 'rejected' ? [o.reason as unknown] : [],
      );
      expect(arrived).toBe(2);
      expect(published).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(AppError);
      expect((refused[0] as AppError).code).toBe(ErrorCode.InvalidPayload);
      expect((refused[0] as AppError).message).toContain('raise the version');
      expect(await a.studio.versions(draft.id)).toHaveLength(1);
    });

    it('refuses a second draft publishing a scenario id another server already published', async () => {
      const first = await db.client();
      const a = await server(first);
      const author = await account(first, 'st-twin');
      const original = await a.studio.create(author, {
        template: 'starter',
        scenarioId: 'st-twin',
      });

      // This server started before the publish, so its catalogue does not know st-twin: only the
      // database's unique keys can refuse the copy.
      const { studio: late } = await server(await db.client());
      await a.studio.publish(author, original.id);
      const copy = await late.create(author, { template: 'starter', scenarioId: 'st-twin' });
      const taken = await refusal(late.publish(author, copy.id));
      expect(taken.code).toBe(ErrorCode.InvalidPayload);
      expect(taken.message).toContain(
        'st-twin was already published from another draft (version 1.0.0',
      );
      expect(await late.versions(copy.id)).toEqual([]);
      expect((await late.get(author, copy.id)).scenarioId).toBe('st-twin');
    });

    it('registers versions other servers published: on refresh, and by itself with NODE_ID set', async () => {
      const first = await db.client();
      const a = await server(first);
      const author = await account(first, 'st-elsewhere');
      const b = await server(await db.client());
      const c = await server(await db.client(), loadConfig({ LOG_LEVEL: 'silent', NODE_ID: 'c' }));
      try {
        const draft = await a.studio.create(author, { template: 'starter', scenarioId: 'st-far' });
        await a.studio.publish(author, draft.id);
        expect(b.catalogue.runtime('st-far', '1.0.0')).toBeUndefined();
        expect(await b.studio.refresh()).toBe(1);
        expect(b.catalogue.runtime('st-far', '1.0.0')).toBeDefined();
        expect(await b.studio.refresh()).toBe(0);

        // With NODE_ID the studio refreshes every few seconds without being asked.
        const deadline = Date.now() + 20_000;
        while (!c.catalogue.runtime('st-far', '1.0.0') && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 200));
        expect(c.catalogue.runtime('st-far', '1.0.0')).toBeDefined();
      } finally {
        c.studio.onModuleDestroy();
      }
    });
  });
}
