import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config';
import { AppConfigModule } from './config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LifecycleLogger } from './lifecycle';
import { loggingModule, type LogDestination } from './logging/logging.module';
import { RealtimeModule } from './realtime/realtime.module';

/** Root module. Built from an already validated config, so nothing reads process.env at import. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logDestination?: LogDestination): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggingModule(logDestination),
        DatabaseModule,
        HealthModule,
        RealtimeModule,
      ],
      providers: [LifecycleLogger],
    };
  }
}
