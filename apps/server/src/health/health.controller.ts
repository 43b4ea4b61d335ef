import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  healthResponseSchema,
  livenessResponseSchema,
  type HealthResponse,
  type LivenessResponse,
} from '@crossroads/shared';
import { ApiRoute, type RouteDoc } from '../openapi/api-route';
import { HealthService } from './health.service';

/** The part of express' Response this controller uses (the express types are not installed). */
interface StatusResponse {
  status(code: number): unknown;
}

/** Readiness answers: the same report with 200 (ready) or 503 (degraded, with its reason). */
const readiness: Pick<RouteDoc, 'response' | 'description' | 'also'> = {
  response: healthResponseSchema,
  description: 'ready',
  also: [
    {
      status: 503,
      description: 'not ready: the database or Redis does not answer (see reason)',
      schema: healthResponseSchema,
    },
  ],
};

/**
 * Health for people and load balancers. Liveness (`/live`) says the process answers: restart it
 * when it does not. Readiness (`/ready`, and the older `/api/health` the client's status line
 * polls) says it can serve: route no traffic to it while it answers 503.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** GET /api/health: readiness (kept for the client's status line and existing monitors). */
  @Get()
  @ApiRoute({
    summary: 'Readiness, as /api/health/ready (kept for the status line and older monitors)',
    ...readiness,
  })
  async get(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    return this.ready(res);
  }

  /** GET /api/health/live: 200 while the process answers; asks no dependency. */
  @Get('live')
  @ApiRoute({
    summary:
      'Liveness: the process answers (asks no dependency); a load balancer restarts it when not',
    response: livenessResponseSchema,
    description: 'the process is up',
  })
  live(): LivenessResponse {
    return this.health.live();
  }

  /** GET /api/health/ready: 200 when the database (and Redis, if configured) answer, else 503. */
  @Get('ready')
  @ApiRoute({
    summary:
      'Readiness: the database answers, and Redis when REDIS_URL is set; route traffic here only on 200',
    ...readiness,
  })
  async ready(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
