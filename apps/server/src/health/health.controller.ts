import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { HealthResponse } from '@crossroads/shared';
import { HealthService } from './health.service';

/** The part of express' Response this controller uses (the express types are not installed). */
interface StatusResponse {
  status(code: number): unknown;
}

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** GET /api/health: 200 when everything works, 503 with status 'degraded' otherwise. */
  @Get()
  async get(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
