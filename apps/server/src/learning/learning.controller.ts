import { Body, Controller, Get, HttpCode, Param, Post, Req, UseFilters } from '@nestjs/common';
import {
  knowledgeSubmissionSchema,
  type KnowledgeCheckStatus,
  type KnowledgeReceipt,
  type KnowledgeResults,
} from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { KnowledgeService } from './knowledge.service';
import { SessionAccess } from '../sessions/session-access';

/** Knowledge checks (pre/post) and their results, under the debrief's access rules. */
@UseFilters(RestErrorFilter)
@Controller()
export class LearningController {
  constructor(
    private readonly access: SessionAccess,
    private readonly knowledge: KnowledgeService,
  ) {}

  @Get('sessions/:id/knowledge-check')
  async knowledgeCheck(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<KnowledgeCheckStatus> {
    const live = await this.access.live(id);
    return this.knowledge.status(live, await this.access.participant(request, live));
  }

  @Post('sessions/:id/knowledge-check/answers')
  @HttpCode(201)
  async answer(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<KnowledgeReceipt> {
    const live = await this.access.live(id);
    const participant = await this.access.participant(request, live);
    const input = parseOrThrow(knowledgeSubmissionSchema, body, 'answers');
    return this.knowledge.submit(live, participant, input);
  }

  @Get('sessions/:id/knowledge-results')
  async knowledgeResults(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<KnowledgeResults> {
    const live = await this.access.live(id);
    await this.access.staff(request, live);
    return this.knowledge.results(live);
  }

  @Get('reviews/:token/knowledge-results')
  async reviewKnowledgeResults(@Param('token') token: string): Promise<KnowledgeResults> {
    return this.knowledge.results(await this.access.review(token));
  }
}
