import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { redisPrefix, type AppConfig } from '../config';
import { APP_CONFIG } from '../config.module';
import { PINO_ROOT, PinoLogger } from '../logging/pino-logger';
import { RealtimeGateway } from './realtime.gateway';
import { REDIS_FANOUT, RedisFanout } from './redis-fanout';

/**
 * The socket.io surface shared by every gateway, and the Redis connection (REDIS_FANOUT: a
 * RedisFanout when REDIS_URL is set, else null) the adapter fans out through and readiness checks.
 * The connection is made while the application is built, before socket.io starts (createApp hands
 * it to ConfiguredIoAdapter), and closed after socket.io on shutdown.
 */
@Module({
  providers: [
    RealtimeGateway,
    {
      provide: REDIS_FANOUT,
      inject: [APP_CONFIG, PINO_ROOT],
      useFactory: async (config: AppConfig, root: Pino): Promise<RedisFanout | null> => {
        if (config.redisUrl === undefined) return null;
        const log = new PinoLogger(root);
        log.setContext('Redis');
        return RedisFanout.connect(config.redisUrl, redisPrefix(config), log, config.nodeId);
      },
    },
  ],
  exports: [REDIS_FANOUT],
})
export class RealtimeModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_FANOUT) private readonly redis: RedisFanout | null) {}

  // Nest closes the socket.io servers (and so the adapter) before this hook runs.
  async onApplicationShutdown(): Promise<void> {
    await this.redis?.close();
  }
}
