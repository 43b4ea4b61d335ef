import { Controller, Get, HttpCode, Param, Post, Req, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  knowledgeCheckStatusSchema,
  knowledgeReceiptSchema,
  knowledgeResultsSchema,
  knowledgeSubmissionSchema,
  type KnowledgeCheckStatus,
  type KnowledgeReceipt,
  type KnowledgeResults,
} from '@crossroads/shared';
import type { HttpRequest as Request } from '../auth/http';
import { RestErrorFilter } from '../auth/rest-error';
import { ZodBody, type Valid } from '../auth/zod-params';
import { ApiRoute, uuidParam } from '../openapi/api-route';
import { KnowledgeService } from './knowledge.service';
import { SessionAccess } from '../sessions/session-access';

/** Knowledge checks (pre/post) and their results, under the debrief's access rules. */
@UseFilters(RestErrorFilter)
@ApiTags('learning')
@Controller()
export class LearningController {
  constructor(
    private readonly access: SessionAccess,
    private readonly knowledge: KnowledgeService,
  ) {}

  @Get('sessions/:id/knowledge-check')
  @ApiRoute({
    summary:
      "The session's knowledge check for this trainee (no correct answers), the phase open now and what it has answered (participant token)",
    bearer: true,
    response: knowledgeCheckStatusSchema,
    description: 'status',
    errors: [401, 403, 404],
    params: { id: uuidParam() },
  })
  async knowledgeCheck(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<KnowledgeCheckStatus> {
    const live = await this.access.live(request, id);
    return this.knowledge.status(live, await this.access.participant(request, live));
  }

  @Post('sessions/:id/knowledge-check/answers')
  @HttpCode(201)
  @ApiRoute({
    summary:
      'Answer the pre check (until the session ends) or the post check (once the debrief is released), once each (participant token)',
    bearer: true,
    status: 201,
    response: knowledgeReceiptSchema,
    description: 'receipt',
    errors: [400, 401, 403, 404, 409],
    params: { id: uuidParam() },
  })
  async answer(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(knowledgeSubmissionSchema, 'answers') body: Valid<typeof knowledgeSubmissionSchema>,
  ): Promise<KnowledgeReceipt> {
    const live = await this.access.live(request, id);
    const participant = await this.access.participant(request, live);
    return this.knowledge.submit(live, participant, body.value);
  }

  @Get('sessions/:id/knowledge-results')
  @ApiRoute({
    summary:
      'Knowledge-check results per agency and per question with the gain; no individual answers (staff)',
    bearer: true,
    response: knowledgeResultsSchema,
    description: 'results',
    errors: [401, 403, 404],
    params: { id: uuidParam() },
  })
  async knowledgeResults(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<KnowledgeResults> {
    const live = await this.access.live(request, id);
    await this.access.staff(request, live);
    return this.knowledge.results(live);
  }

  @Get('reviews/:token/knowledge-results')
  @ApiRoute({
    summary: 'Knowledge-check results through a read-only review link (no auth)',
    response: knowledgeResultsSchema,
    description: 'results',
    errors: [404, 410],
  })
  async reviewKnowledgeResults(@Param('token') token: string): Promise<KnowledgeResults> {
    return this.knowledge.results(await this.access.review(token));
  }
}
