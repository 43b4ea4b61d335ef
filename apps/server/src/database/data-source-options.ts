import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { IN_MEMORY_DATABASE, type AppConfig } from '../config';
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
