import { Controller, Get, Req, UseFilters } from '@nestjs/common';
import type { ScenarioSummary } from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { BearerAuth } from '../auth/bearer';
import { RestErrorFilter } from '../auth/rest-error';
import { CatalogueService } from './catalogue.service';

@UseFilters(RestErrorFilter)
@Controller('scenarios')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly auth: BearerAuth,
  ) {}

  /** Catalogue cards for staff: titles, agencies, objectives, warnings and the phase graph. */
  @Get()
  list(@Req() request: Request): ScenarioSummary[] {
    this.auth.account(request);
    return this.catalogue.summaries();
  }
}
