import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

// RealtimeModule provides the Redis connection readiness checks (null without REDIS_URL).
@Module({
  imports: [RealtimeModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
