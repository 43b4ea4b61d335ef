import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  aarEditsSchema,
  aarRevisionSchema,
  afterActionReportSchema,
  createImprovementItemSchema,
  improvementItemSchema,
  participationReportSchema,
  ErrorCode,
  improvementStatusSchema,
  languageSchema,
  participationRangeQuerySchema,
  updateImprovementItemSchema,
  uuidSchema,
  type Account,
  type AarRevision,
  type AfterActionReport,
  type ImprovementItem,
  type Language,
  type ParticipationReport,
} from '@crossroads/shared';
import { z } from 'zod';
import { BearerAuth } from '../auth/bearer';
import type { HttpRequest as Request, HttpResponse as Response } from '../auth/http';
import { AppError, RestErrorFilter } from '../auth/rest-error';
import { ZodBody, ZodQuery, type Valid } from '../auth/zod-params';
import { ApiRoute, uuidParam, type RouteDoc } from '../openapi/api-route';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import type { LiveSession } from '../sessions/live-session';
import { SESSION_REPOSITORY, type SessionRepository } from '../sessions/session-repository';
import { SessionAccess } from '../sessions/session-access';
import { SessionsService } from '../sessions/sessions.service';
import { aarCsv } from './aar-csv';
import { AarService } from './aar.service';
import { ParticipationService } from './participation.service';

const itemsQuerySchema = z.strictObject({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(improvementStatusSchema).optional())
    .describe('Comma-separated: open, in_progress, done, dropped'),
  agency: z.string().max(64).optional(),
  scenario: z.string().max(64).optional(),
});

const langQuerySchema = z.object({
  lang: languageSchema
    .optional()
    .describe('Language of the texts (en, sr-Latn, mk, sq, bs); default the session language'),
});
const aarQuerySchema = z.object({
  download: z
    .string()
    .optional()
    .describe('Any non-empty value: answer as an attachment (aar-<session>.json)'),
});
type LangQuery = Valid<typeof langQuerySchema>;
type RangeQuery = Valid<typeof participationRangeQuerySchema>;

const sessionId = { id: uuidParam() };
const csv = (description: string): Pick<RouteDoc, 'response' | 'description'> => ({
  response: { contentType: 'text/csv' },
  description,
});

function sendCsv(response: Response, name: string, body: string): void {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  response.end(body);
}

/** What an improvement item nobody may see answers, and one that does not exist. */
const NO_ITEM = 'No such improvement item.';

/**
 * After-action reports, improvement plans and participation reports, under the debrief's access
 * rules: staff of the session (facilitators edit), read-only review links, never trainees.
 * Sessions and access are read through the async ports (SessionsService.session(), the
 * SessionRepository), so these endpoints run on either database.
 */
@UseFilters(RestErrorFilter)
@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(SESSION_REPOSITORY) private readonly repository: SessionRepository,
    private readonly auth: BearerAuth,
    private readonly aar: AarService,
    private readonly participation: ParticipationService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly access: SessionAccess,
  ) {}

  // ---- access (SessionAccess: the debrief's rules, shared by every controller) ---------------

  private live(request: Request, id: string): Promise<LiveSession> {
    return this.access.live(request, id);
  }

  /** A staff account for endpoints not tied to one session; trainees are refused. */
  private account(request: Request): Promise<Account> {
    return this.access.account(request);
  }

  private staff(
    request: Request,
    live: LiveSession,
    need: 'staff' | 'facilitator' = 'staff',
  ): Promise<Account> {
    return this.access.staff(request, live, need);
  }

  private review(token: string): Promise<LiveSession> {
    return this.access.review(token);
  }

  private lang(query: LangQuery, live?: LiveSession): Language {
    return query.value.lang ?? live?.settings.language ?? 'en';
  }

  // ---- after-action report --------------------------------------------------------------------

  @Get('sessions/:id/aar')
  @ApiRoute({
    summary:
      'After-action report: the draft computed from the scored findings with the latest staff edits and the improvement plan (staff; ?download=1 as a file)',
    bearer: true,
    response: afterActionReportSchema,
    description: 'report',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async getAar(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Param('id') id: string,
    @ZodQuery(aarQuerySchema, 'query') query: Valid<typeof aarQuerySchema>,
  ): Promise<AfterActionReport> {
    const live = await this.live(request, id);
    await this.staff(request, live);
    if (query.value.download)
      response.setHeader('Content-Disposition', `attachment; filename="aar-${live.id}.json"`);
    return this.aar.report(live);
  }

  @Put('sessions/:id/aar')
  @ApiRoute({
    summary:
      'Save staff edits as a new revision (facilitators); 409 session/stale_revision when baseRevision is not the latest',
    bearer: true,
    response: afterActionReportSchema,
    description: 'report',
    errors: [400, 401, 403, 404, 409],
    params: sessionId,
  })
  async saveAar(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(aarEditsSchema, 'AAR edits') edits: Valid<typeof aarEditsSchema>,
  ): Promise<AfterActionReport> {
    const live = await this.live(request, id);
    const account = await this.staff(request, live, 'facilitator');
    return this.aar.save(live, account, edits.value);
  }

  @Get('sessions/:id/aar/revisions')
  @ApiRoute({
    summary: 'Who saved each revision of the AAR edits, and when (staff)',
    bearer: true,
    response: z.array(aarRevisionSchema),
    description: 'revisions',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async aarRevisions(@Req() request: Request, @Param('id') id: string): Promise<AarRevision[]> {
    const live = await this.live(request, id);
    await this.staff(request, live);
    return this.aar.revisions(live);
  }

  @Get('sessions/:id/aar.csv')
  @ApiRoute({
    summary: "The AAR/IP as CSV in HSEEP's headings (staff)",
    bearer: true,
    ...csv('AAR/IP'),
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  async aarCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
    @ZodQuery(langQuerySchema, 'query') query: LangQuery,
  ): Promise<void> {
    const live = await this.live(request, id);
    await this.staff(request, live);
    const report = await this.aar.report(live);
    sendCsv(response, `aar-${live.id}.csv`, aarCsv(report, this.lang(query, live)));
  }

  @Get('reviews/:token/aar')
  @ApiRoute({
    summary: 'The after-action report through a read-only review link (no auth)',
    response: afterActionReportSchema,
    description: 'report',
    errors: [404, 410],
  })
  async reviewAar(@Param('token') token: string): Promise<AfterActionReport> {
    return this.aar.report(await this.review(token));
  }

  @Get('reviews/:token/aar.csv')
  @ApiRoute({
    summary: 'The AAR/IP as CSV through a review link (no auth)',
    ...csv('AAR/IP'),
    errors: [400, 404, 410],
  })
  async reviewAarCsv(
    @Res() response: Response,
    @Param('token') token: string,
    @ZodQuery(langQuerySchema, 'query') query: LangQuery,
  ): Promise<void> {
    const live = await this.review(token);
    const report = await this.aar.report(live);
    sendCsv(response, `aar-${live.id}.csv`, aarCsv(report, this.lang(query, live)));
  }

  // ---- improvement plan -----------------------------------------------------------------------

  @Post('sessions/:id/improvement-items')
  @HttpCode(201)
  @ApiRoute({
    summary:
      'Add an improvement-plan item: responsible agency, corrective action, owner, due date (facilitators)',
    bearer: true,
    status: 201,
    response: improvementItemSchema,
    description: 'item',
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  async createItem(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(createImprovementItemSchema, 'improvement item')
    body: Valid<typeof createImprovementItemSchema>,
  ): Promise<ImprovementItem> {
    const live = await this.live(request, id);
    const account = await this.staff(request, live, 'facilitator');
    return this.aar.createItem(live, account, body.value);
  }

  /** Items of every session the caller is a member of (administrators: all), e.g. the open ones. */
  @Get('improvement-items')
  @ApiRoute({
    summary:
      'Improvement-plan items of every session the caller is a member of (administrators: all), e.g. the open ones for an agency when preparing the next session',
    bearer: true,
    response: z.array(improvementItemSchema),
    description: 'items',
    errors: [400, 401, 403],
  })
  async listItems(
    @Req() request: Request,
    @ZodQuery(itemsQuerySchema, 'query') query: Valid<typeof itemsQuerySchema>,
  ): Promise<ImprovementItem[]> {
    const account = await this.account(request);
    const filter = query.value;
    return this.aar.items(account.role === 'admin' ? null : account.id, filter, (id) =>
      this.load(id),
    );
  }

  @Patch('improvement-items/:itemId')
  @ApiRoute({
    summary:
      "Change an item's status, action, owner or due date, with a note and the later session where it was reviewed (facilitators of its session)",
    bearer: true,
    response: improvementItemSchema,
    description: 'item',
    errors: [400, 401, 403, 404],
    params: { itemId: uuidParam() },
  })
  async updateItem(
    @Req() request: Request,
    @Param('itemId') itemId: string,
    @ZodBody(updateImprovementItemSchema, 'improvement item')
    body: Valid<typeof updateImprovementItemSchema>,
  ): Promise<ImprovementItem> {
    // Who asks first: an unauthenticated caller learns nothing, not even whether the item exists.
    await this.account(request);
    const row = uuidSchema.safeParse(itemId).success ? await this.aar.item(itemId) : undefined;
    if (!row) throw new AppError(ErrorCode.NotFound, NO_ITEM);
    // An item of a session the caller may not see is no item to them, as that session is none.
    const live = await this.access.live(request, row.session_id, NO_ITEM);
    const account = await this.staff(request, live, 'facilitator');
    const input = body.value;
    if (input.session !== undefined)
      await this.staff(request, await this.live(request, input.session));
    return this.aar.updateItem(row, live, account, input);
  }

  /** A session for listing, or undefined when it cannot be loaded (e.g. its scenario is gone). */
  private async load(id: string): Promise<LiveSession | undefined> {
    try {
      return await this.sessions.session(id);
    } catch {
      return undefined;
    }
  }

  // ---- participation report -------------------------------------------------------------------

  private async sessionReport(request: Request, id: string): Promise<ParticipationReport> {
    const live = await this.live(request, id);
    await this.staff(request, live);
    return this.participation.report([live], { kind: 'session', session: live.id }, 'staff');
  }

  @Get('sessions/:id/participation')
  @ApiRoute({
    summary: 'Participation and donor report of one session, with trainees’ display names (staff)',
    bearer: true,
    response: participationReportSchema,
    description: 'report',
    errors: [401, 403, 404],
    params: sessionId,
  })
  sessionParticipation(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<ParticipationReport> {
    return this.sessionReport(request, id);
  }

  @Get('sessions/:id/participation.csv')
  @ApiRoute({
    summary: 'The participation report as a tidy CSV: section, session, subject, measure, value',
    bearer: true,
    ...csv('participation'),
    errors: [401, 403, 404],
    params: sessionId,
  })
  async sessionParticipationCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const report = await this.sessionReport(request, id);
    sendCsv(response, `participation-${id}.csv`, this.participation.csv(report));
  }

  private async reviewReport(token: string): Promise<ParticipationReport> {
    const live = await this.review(token);
    return this.participation.report(
      [live],
      { kind: 'session', session: live.id },
      'pseudonymised',
    );
  }

  @Get('reviews/:token/participation')
  @ApiRoute({
    summary: 'Participation report through a review link: trainees pseudonymised (no auth)',
    response: participationReportSchema,
    description: 'report',
    errors: [404, 410],
  })
  reviewParticipation(@Param('token') token: string): Promise<ParticipationReport> {
    return this.reviewReport(token);
  }

  @Get('reviews/:token/participation.csv')
  @ApiRoute({
    summary: 'The pseudonymised participation report as CSV (no auth)',
    ...csv('participation'),
    errors: [404, 410],
  })
  async reviewParticipationCsv(
    @Res() response: Response,
    @Param('token') token: string,
  ): Promise<void> {
    const report = await this.reviewReport(token);
    sendCsv(
      response,
      `participation-${report.sessions[0]?.id ?? 'review'}.csv`,
      this.participation.csv(report),
    );
  }

  /** Sessions started (or, never started, created) between from and to, inclusive. */
  private async rangeReport(request: Request, query: RangeQuery): Promise<ParticipationReport> {
    const account = await this.account(request);
    const { from, to } = query.value;
    if (from > to) throw new AppError(ErrorCode.InvalidPayload, '"from" is after "to".');
    const ids = await this.participation.sessionsInRange(
      account.role === 'admin' ? null : account.id,
      from,
      to,
    );
    const sessions: LiveSession[] = [];
    for (const id of ids) {
      const live = await this.load(id);
      if (live) sessions.push(live);
    }
    return this.participation.report(sessions, { kind: 'range', from, to }, 'staff');
  }

  @Get('participation')
  @ApiRoute({
    summary:
      'Participation report over the sessions started between two dates that the caller is a member of (administrators: all)',
    bearer: true,
    response: participationReportSchema,
    description: 'report',
    errors: [400, 401, 403],
  })
  rangeParticipation(
    @Req() request: Request,
    @ZodQuery(participationRangeQuerySchema, 'date range') query: RangeQuery,
  ): Promise<ParticipationReport> {
    return this.rangeReport(request, query);
  }

  @Get('participation.csv')
  @ApiRoute({
    summary: 'The date-range participation report as CSV',
    bearer: true,
    ...csv('participation'),
    errors: [400, 401, 403],
  })
  async rangeParticipationCsv(
    @Req() request: Request,
    @Res() response: Response,
    @ZodQuery(participationRangeQuerySchema, 'date range') query: RangeQuery,
  ): Promise<void> {
    const report = await this.rangeReport(request, query);
    const scope = report.scope.kind === 'range' ? `${report.scope.from}_${report.scope.to}` : '';
    sendCsv(response, `participation-${scope}.csv`, this.participation.csv(report));
  }
}
