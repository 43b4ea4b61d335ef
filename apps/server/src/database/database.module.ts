import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { PinoLogger } from '../logging/logging.module';
import { databaseKind, type AppConfig } from '../config';
import { APP_CONFIG } from '../config.module';
import { dataSourceOptions, openDataSource } from './data-source-options';
import { ServerMetaEntity } from './server-meta.entity';
import { SQL_CLIENT, sqlClientFor } from './sql';
import { TypeOrmPinoLogger } from './typeorm-pino-logger';
import { SqliteCheckpointing } from './wal-checkpoints';

/**
 * One DataSource for the server: the SQLite file, or PostgreSQL when DATABASE_URL is set.
 * Migrations run at start; TypeORM closes the DataSource when the application shuts down. Feature modules add entities with
 * `TypeOrmModule.forFeature([Entity])` and inject `Repository<Entity>` or the `DataSource`.
 * Global, so every module can inject SQL_CLIENT.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, PinoLogger],
      useFactory: (config: AppConfig, logger: PinoLogger) => {
        logger.setContext('TypeORM');
        return {
          ...dataSourceOptions(config, new TypeOrmPinoLogger(logger)),
          autoLoadEntities: true,
          // A local file either opens or it does not: retrying only delays the error. A database
          // server may still be starting next to this one (a container, a failover).
          ...(databaseKind(config) === 'postgres'
            ? { retryAttempts: 5, retryDelay: 2000 }
            : { retryAttempts: 0 }),
        };
      },
      // Several processes may start at once on one PostgreSQL: migrate under a lock.
      dataSourceFactory: (options?: DataSourceOptions) => {
        if (!options) throw new Error('TypeORM gave the data source factory no options');
        return openDataSource(options);
      },
    }),
    TypeOrmModule.forFeature([ServerMetaEntity]),
  ],
  providers: [
    {
      provide: SQL_CLIENT,
      useFactory: (dataSource: DataSource) => sqlClientFor(dataSource),
      inject: [DataSource],
    },
    // WAL checkpoints of the SQLite file in a worker thread, not inside COMMITs on the event loop.
    SqliteCheckpointing,
  ],
  exports: [TypeOrmModule, SQL_CLIENT, SqliteCheckpointing],
})
export class DatabaseModule {}
