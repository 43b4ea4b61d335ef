import { BeforeApplicationShutdown, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from './logging/logging.module';

/** Logs the start and the end of a shutdown (signal or close()). */
@Injectable()
export class LifecycleLogger implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@InjectPinoLogger('Lifecycle') private readonly logger: PinoLogger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'shutting down: closing socket.io, HTTP and the database');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'shutdown complete');
  }
}
