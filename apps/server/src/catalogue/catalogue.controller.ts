import { Controller, Get, Req, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scenarioSummarySchema, type ScenarioSummary } from '@crossroads/shared';
import { z } from 'zod';
import { ApiRoute } from '../openapi/api-route';
import type { HttpRequest as Request } from '../auth/http';
import { BearerAuth } from '../auth/bearer';
import { RestErrorFilter } from '../auth/rest-error';
import { CatalogueService } from './catalogue.service';

@UseFilters(RestErrorFilter)
@ApiTags('catalogue')
@Controller('scenarios')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly auth: BearerAuth,
  ) {}

  /** Catalogue cards for staff: titles, agencies, objectives, warnings and the phase graph. */
  @Get()
  @ApiRoute({
    summary: 'Scenario catalogue (no restricted content)',
    bearer: true,
    response: z.array(scenarioSummarySchema),
    description: 'summaries',
    errors: [401],
  })
  list(@Req() request: Request): ScenarioSummary[] {
    this.auth.account(request);
    return this.catalogue.summaries();
  }
}
