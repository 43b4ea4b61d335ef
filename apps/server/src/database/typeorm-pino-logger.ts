import type { PinoLogger } from '../logging/logging.module';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Sends TypeORM's messages (migrations, errors, slow queries) to the pino logger. */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}

  logQuery(query: string): void {
    this.logger.trace({ query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    // TypeORM reports each executed migration through this method too.
    if (message.startsWith('Migration ')) this.logger.info(message);
    else this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ detail: message }, 'typeorm warning');
    else this.logger.debug({ detail: message }, 'typeorm');
  }
}
