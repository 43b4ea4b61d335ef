import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  DataSource,
  MigrationExecutor,
  type DataSourceOptions,
  type Logger as TypeOrmLogger,
} from 'typeorm';
import { IN_MEMORY_DATABASE, databaseKind, type AppConfig } from '../config';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';

/** How long a writer waits for a lock held by another connection before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * DataSource options for the configured SQLite file: WAL journal, busy timeout, foreign keys
 * (TypeORM's better-sqlite3 driver switches them on for every connection), schema only by
 * migrations. Entities are not listed here: modules register theirs with
 * TypeOrmModule.forFeature([...]) and `autoLoadEntities` picks them up.
 */
export function sqliteDataSourceOptions(
  config: AppConfig,
  logger?: TypeOrmLogger,
): DataSourceOptions {
  const inMemory = config.databasePath === IN_MEMORY_DATABASE;
  if (!inMemory) {
    const folder = path.dirname(config.databasePath);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Cannot create the database folder ${folder} (DATABASE_PATH=${config.databasePath}): ${reason}`,
      );
    }
  }
  return {
    type: 'better-sqlite3',
    database: config.databasePath,
    enableWAL: !inMemory,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    },
    migrations: sqliteMigrations,
    migrationsRun: true,
    migrationsTableName: 'migrations',
    synchronize: false,
    ...(logger ? { logger, logging: ['error', 'warn', 'migration'] as const } : {}),
  };
}

/**
 * DataSource options for DATABASE_URL (PostgreSQL 15+): the PostgreSQL migrations, run at start
 * in one transaction (DDL is transactional there, so a failed step leaves nothing half-made).
 *
 * `schema` puts every table in that schema instead of the URL's search_path (tests give each run
 * its own, so parallel runs on one database never meet). `poolSize` is pg's pool size.
 */
export function postgresDataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl'>,
  options: { logger?: TypeOrmLogger; schema?: string; poolSize?: number } = {},
): DataSourceOptions {
  if (config.databaseUrl === undefined) {
    throw new Error('postgresDataSourceOptions needs DATABASE_URL (a postgres:// URL)');
  }
  const { logger, schema, poolSize } = options;
  return {
    type: 'postgres',
    url: config.databaseUrl,
    ...(schema === undefined ? {} : { schema }),
    ...(poolSize === undefined ? {} : { poolSize }),
    extra: {
      // Names inside the migrations are unqualified: the search path decides their schema.
      ...(schema === undefined ? {} : { options: `-c search_path=${quoteIdentifier(schema)}` }),
      application_name: 'crossroads',
    },
    // COUNT(*) and other int8 results read as numbers, as they do on SQLite (our counts are far
    // below 2^53); pg's default is a string to keep precision.
    parseInt8: true,
    migrations: postgresMigrations,
    migrationsRun: true,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    ...(logger ? { logger, logging: ['error', 'warn', 'migration'] as const } : {}),
  };
}

/** The options of the configured database: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function dataSourceOptions(config: AppConfig, logger?: TypeOrmLogger): DataSourceOptions {
  return databaseKind(config) === 'postgres'
    ? postgresDataSourceOptions(config, logger ? { logger } : {})
    : sqliteDataSourceOptions(config, logger);
}

/** A PostgreSQL identifier in double quotes (a test schema name is made of safe characters anyway). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** First key of the advisory lock held while migrating ("CRMG"; the second is the schema). */
const MIGRATION_LOCK = 0x43524d47;

/**
 * Opens and migrates a DataSource. On PostgreSQL several server processes may start at once on
 * one database: without a lock each would run the pending migrations and all but one would fail
 * on the tables the first created (and only recover by retrying). So the migrations run on one
 * connection that first takes an advisory lock on (this server, the schema): the others wait, then
 * find nothing pending. SQLite needs no lock: its migrations take the file's write lock.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  if (options.type !== 'postgres' || options.migrationsRun !== true) {
    return new DataSource(options).initialize();
  }
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [
        MIGRATION_LOCK,
      ]);
      try {
        const executor = new MigrationExecutor(dataSource, runner);
        executor.transaction = options.migrationsTransactionMode ?? 'all';
        await executor.executePendingMigrations();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [
          MIGRATION_LOCK,
        ]);
      }
    } finally {
      await runner.release();
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
