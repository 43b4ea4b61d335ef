import { Body, Controller, Get, HttpCode, Param, Post, Req, UseFilters } from '@nestjs/common';
import {
  knowledgeSubmissionSchema,
  type KnowledgeCheckStatus,
  type KnowledgeReceipt,
  type KnowledgeResults,
} from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { SessionAccess } from '../sessions/session-access';
import { KnowledgeService } from './knowledge.service';

/** Knowledge checks (pre/post) and their results, under the debrief's access rules. */
@UseFilters(RestErrorFilter)
@Controller()
export class LearningController {
  constructor(
    private readonly access: SessionAccess,
    private readonly knowledge: KnowledgeService,
  ) {}

  @Get('sessions/:id/knowledge-check')
  knowledgeCheck(@Req() request: Request, @Param('id') id: string): Promise<KnowledgeCheckStatus> {
    const live = this.access.live(id);
    return this.knowledge.status(live, this.access.participant(request, live));
  }

  @Post('sessions/:id/knowledge-check/answers')
  @HttpCode(201)
  answer(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<KnowledgeReceipt> {
    const live = this.access.live(id);
    const participant = this.access.participant(request, live);
    const input = parseOrThrow(knowledgeSubmissionSchema, body, 'answers');
    return this.knowledge.submit(live, participant, input);
  }

  @Get('sessions/:id/knowledge-results')
  knowledgeResults(@Req() request: Request, @Param('id') id: string): Promise<KnowledgeResults> {
    const live = this.access.live(id);
    this.access.staff(request, live);
    return this.knowledge.results(live);
  }

  @Get('reviews/:token/knowledge-results')
  reviewKnowledgeResults(@Param('token') token: string): Promise<KnowledgeResults> {
    return this.knowledge.results(this.access.review(token));
  }
}
