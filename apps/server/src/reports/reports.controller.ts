import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  aarEditsSchema,
  createImprovementItemSchema,
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
import { AppError, parseOrThrow, RestErrorFilter } from '../auth/rest-error';
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
    .pipe(z.array(improvementStatusSchema).optional()),
  agency: z.string().max(64).optional(),
  scenario: z.string().max(64).optional(),
});

const langQuerySchema = z.object({
  lang: languageSchema.optional(),
  download: z.string().optional(),
});

function sendCsv(response: Response, name: string, body: string): void {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  response.end(body);
}

/**
 * After-action reports, improvement plans and participation reports, under the debrief's access
 * rules: staff of the session (facilitators edit), read-only review links, never trainees.
 * Sessions and access are read through the async ports (SessionsService.session(), the
 * SessionRepository), so these endpoints run on either database.
 */
@UseFilters(RestErrorFilter)
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

  private live(id: string): Promise<LiveSession> {
    return this.access.live(id);
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

  private lang(query: unknown, live?: LiveSession): Language {
    return parseOrThrow(langQuerySchema, query, 'query').lang ?? live?.settings.language ?? 'en';
  }

  // ---- after-action report --------------------------------------------------------------------

  @Get('sessions/:id/aar')
  async getAar(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Param('id') id: string,
    @Query() query: unknown,
  ): Promise<AfterActionReport> {
    const live = await this.live(id);
    await this.staff(request, live);
    if (parseOrThrow(langQuerySchema, query, 'query').download)
      response.setHeader('Content-Disposition', `attachment; filename="aar-${live.id}.json"`);
    return this.aar.report(live);
  }

  @Put('sessions/:id/aar')
  async saveAar(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<AfterActionReport> {
    const live = await this.live(id);
    const account = await this.staff(request, live, 'facilitator');
    return this.aar.save(live, account, parseOrThrow(aarEditsSchema, body, 'AAR edits'));
  }

  @Get('sessions/:id/aar/revisions')
  async aarRevisions(@Req() request: Request, @Param('id') id: string): Promise<AarRevision[]> {
    const live = await this.live(id);
    await this.staff(request, live);
    return this.aar.revisions(live);
  }

  @Get('sessions/:id/aar.csv')
  async aarCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
    @Query() query: unknown,
  ): Promise<void> {
    const live = await this.live(id);
    await this.staff(request, live);
    const report = await this.aar.report(live);
    sendCsv(response, `aar-${live.id}.csv`, aarCsv(report, this.lang(query, live)));
  }

  @Get('reviews/:token/aar')
  async reviewAar(@Param('token') token: string): Promise<AfterActionReport> {
    return this.aar.report(await this.review(token));
  }

  @Get('reviews/:token/aar.csv')
  async reviewAarCsv(
    @Res() response: Response,
    @Param('token') token: string,
    @Query() query: unknown,
  ): Promise<void> {
    const live = await this.review(token);
    const report = await this.aar.report(live);
    sendCsv(response, `aar-${live.id}.csv`, aarCsv(report, this.lang(query, live)));
  }

  // ---- improvement plan -----------------------------------------------------------------------

  @Post('sessions/:id/improvement-items')
  @HttpCode(201)
  async createItem(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ImprovementItem> {
    const live = await this.live(id);
    const account = await this.staff(request, live, 'facilitator');
    const input = parseOrThrow(createImprovementItemSchema, body, 'improvement item');
    return this.aar.createItem(live, account, input);
  }

  /** Items of every session the caller is a member of (administrators: all), e.g. the open ones. */
  @Get('improvement-items')
  async listItems(@Req() request: Request, @Query() query: unknown): Promise<ImprovementItem[]> {
    const account = await this.account(request);
    const filter = parseOrThrow(itemsQuerySchema, query, 'query');
    return this.aar.items(account.role === 'admin' ? null : account.id, filter, (id) =>
      this.load(id),
    );
  }

  @Patch('improvement-items/:itemId')
  async updateItem(
    @Req() request: Request,
    @Param('itemId') itemId: string,
    @Body() body: unknown,
  ): Promise<ImprovementItem> {
    const row = uuidSchema.safeParse(itemId).success ? await this.aar.item(itemId) : undefined;
    if (!row) throw new AppError(ErrorCode.NotFound, 'No such improvement item.');
    const live = await this.live(row.session_id);
    const account = await this.staff(request, live, 'facilitator');
    const input = parseOrThrow(updateImprovementItemSchema, body, 'improvement item');
    if (input.session !== undefined) await this.staff(request, await this.live(input.session));
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
    const live = await this.live(id);
    await this.staff(request, live);
    return this.participation.report([live], { kind: 'session', session: live.id }, 'staff');
  }

  @Get('sessions/:id/participation')
  sessionParticipation(
    @Req() request: Request,
    @Param('id') id: string,
  ): Promise<ParticipationReport> {
    return this.sessionReport(request, id);
  }

  @Get('sessions/:id/participation.csv')
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
  reviewParticipation(@Param('token') token: string): Promise<ParticipationReport> {
    return this.reviewReport(token);
  }

  @Get('reviews/:token/participation.csv')
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
  private async rangeReport(request: Request, query: unknown): Promise<ParticipationReport> {
    const account = await this.account(request);
    const { from, to } = parseOrThrow(participationRangeQuerySchema, query, 'date range');
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
  rangeParticipation(
    @Req() request: Request,
    @Query() query: unknown,
  ): Promise<ParticipationReport> {
    return this.rangeReport(request, query);
  }

  @Get('participation.csv')
  async rangeParticipationCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Query() query: unknown,
  ): Promise<void> {
    const report = await this.rangeReport(request, query);
    const scope = report.scope.kind === 'range' ? `${report.scope.from}_${report.scope.to}` : '';
    sendCsv(response, `participation-${scope}.csv`, this.participation.csv(report));
  }
}
