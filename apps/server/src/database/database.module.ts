import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PinoLogger } from '../logging/logging.module';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../config.module';
import { sqliteDataSourceOptions } from './data-source-options';
import { ServerMetaEntity } from './server-meta.entity';
import { TypeOrmPinoLogger } from './typeorm-pino-logger';

/**
 * One SQLite DataSource for the server. Migrations run at start; TypeORM closes the DataSource
 * when the application shuts down. Feature modules add entities with
 * `TypeOrmModule.forFeature([Entity])` and inject `Repository<Entity>` or the `DataSource`.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, PinoLogger],
      useFactory: (config: AppConfig, logger: PinoLogger) => {
        logger.setContext('TypeORM');
        return {
          ...sqliteDataSourceOptions(config, new TypeOrmPinoLogger(logger)),
          autoLoadEntities: true,
          // A local file either opens or it does not: retrying only delays the error.
          retryAttempts: 0,
        };
      },
    }),
    TypeOrmModule.forFeature([ServerMetaEntity]),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
