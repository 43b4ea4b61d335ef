import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { HealthResponse, LivenessResponse } from '@crossroads/shared';
import { HealthService } from './health.service';

/** The part of express' Response this controller uses (the express types are not installed). */
interface StatusResponse {
  status(code: number): unknown;
}

/**
 * Health for people and load balancers. Liveness (`/live`) says the process answers: restart it
 * when it does not. Readiness (`/ready`, and the older `/api/health` the client's status line
 * polls) says it can serve: route no traffic to it while it answers 503.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** GET /api/health: readiness (kept for the client's status line and existing monitors). */
  @Get()
  async get(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    return this.ready(res);
  }

  /** GET /api/health/live: 200 while the process answers; asks no dependency. */
  @Get('live')
  live(): LivenessResponse {
    return this.health.live();
  }

  /** GET /api/health/ready: 200 when the database (and Redis, if configured) answer, else 503. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
