import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config';
import { AccountsModule } from './accounts/accounts.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CoursesModule } from './courses/courses.module';
import { AppConfigModule } from './config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LifecycleLogger } from './lifecycle';
import { loggingModule, type LogDestination } from './logging/logging.module';
import { OpenApiModule } from './openapi/openapi.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SessionsModule } from './sessions/sessions.module';
import { StudioModule } from './studio/studio.module';

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
        AccountsModule,
        CatalogueModule,
        SessionsModule,
        StudioModule,
        CoursesModule,
        OpenApiModule,
      ],
      providers: [LifecycleLogger],
    };
  }
}
