import {
  Body,
  Controller,
  Get,
  HttpCode,
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
import { BearerAuth, bearerToken } from '../auth/bearer';
import type { HttpRequest as Request, HttpResponse as Response } from '../auth/http';
import { AppError, parseOrThrow, RestErrorFilter } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import type { LiveSession } from '../sessions/live-session';
import { SessionAccess } from '../sessions/session-access';
import { SessionStore } from '../sessions/session-store';
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
 */
@UseFilters(RestErrorFilter)
@Controller()
export class ReportsController {
  constructor(
    private readonly access: SessionAccess,
    private readonly sessions: SessionsService,
    private readonly store: SessionStore,
    private readonly auth: BearerAuth,
    private readonly aar: AarService,
    private readonly participation: ParticipationService,
  ) {}

  /** A staff account for endpoints not tied to one session; trainees are refused. */
  private account(request: Request): Account {
    const token = bearerToken(request);
    if (token && this.store.participantByTokenHash(hashToken(token)))
      throw new AppError(ErrorCode.Forbidden, 'Trainees cannot use this endpoint.');
    return this.auth.account(request);
  }

  private lang(query: unknown, live?: LiveSession): Language {
    return parseOrThrow(langQuerySchema, query, 'query').lang ?? live?.settings.language ?? 'en';
  }

  // ---- after-action report --------------------------------------------------------------------

  @Get('sessions/:id/aar')
  getAar(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Param('id') id: string,
    @Query() query: unknown,
  ): AfterActionReport {
    const live = this.access.live(id);
    this.access.staff(request, live);
    if (parseOrThrow(langQuerySchema, query, 'query').download)
      response.setHeader('Content-Disposition', `attachment; filename="aar-${live.id}.json"`);
    return this.aar.report(live);
  }

  @Put('sessions/:id/aar')
  saveAar(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): AfterActionReport {
    const live = this.access.live(id);
    const account = this.access.staff(request, live, 'facilitator');
    return this.aar.save(live, account, parseOrThrow(aarEditsSchema, body, 'AAR edits'));
  }

  @Get('sessions/:id/aar/revisions')
  aarRevisions(@Req() request: Request, @Param('id') id: string): AarRevision[] {
    const live = this.access.live(id);
    this.access.staff(request, live);
    return this.aar.revisions(live);
  }

  @Get('sessions/:id/aar.csv')
  aarCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
    @Query() query: unknown,
  ): void {
    const live = this.access.live(id);
    this.access.staff(request, live);
    sendCsv(response, `aar-${live.id}.csv`, aarCsv(this.aar.report(live), this.lang(query, live)));
  }

  @Get('reviews/:token/aar')
  reviewAar(@Param('token') token: string): AfterActionReport {
    return this.aar.report(this.access.review(token));
  }

  @Get('reviews/:token/aar.csv')
  reviewAarCsv(
    @Res() response: Response,
    @Param('token') token: string,
    @Query() query: unknown,
  ): void {
    const live = this.access.review(token);
    sendCsv(response, `aar-${live.id}.csv`, aarCsv(this.aar.report(live), this.lang(query, live)));
  }

  // ---- improvement plan -----------------------------------------------------------------------

  @Post('sessions/:id/improvement-items')
  @HttpCode(201)
  createItem(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): ImprovementItem {
    const live = this.access.live(id);
    const account = this.access.staff(request, live, 'facilitator');
    const input = parseOrThrow(createImprovementItemSchema, body, 'improvement item');
    return this.aar.createItem(live, account, input);
  }

  /** Items of every session the caller is a member of (administrators: all), e.g. the open ones. */
  @Get('improvement-items')
  listItems(@Req() request: Request, @Query() query: unknown): ImprovementItem[] {
    const account = this.account(request);
    const filter = parseOrThrow(itemsQuerySchema, query, 'query');
    const ids =
      account.role === 'admin' ? null : this.store.sessionsForAccount(account.id).map((s) => s.id);
    return this.aar.items(ids, filter, (id) => this.load(id));
  }

  @Patch('improvement-items/:itemId')
  updateItem(
    @Req() request: Request,
    @Param('itemId') itemId: string,
    @Body() body: unknown,
  ): ImprovementItem {
    const row = uuidSchema.safeParse(itemId).success ? this.aar.item(itemId) : undefined;
    if (!row) throw new AppError(ErrorCode.NotFound, 'No such improvement item.');
    const live = this.access.live(row.session_id);
    const account = this.access.staff(request, live, 'facilitator');
    const input = parseOrThrow(updateImprovementItemSchema, body, 'improvement item');
    if (input.session !== undefined) this.access.staff(request, this.access.live(input.session));
    return this.aar.updateItem(row, live, account, input);
  }

  private load(id: string): LiveSession | undefined {
    try {
      return this.sessions.load(id);
    } catch {
      return undefined;
    }
  }

  // ---- participation report -------------------------------------------------------------------

  private sessionReport(request: Request, id: string): ParticipationReport {
    const live = this.access.live(id);
    this.access.staff(request, live);
    return this.participation.report([live], { kind: 'session', session: live.id }, 'staff');
  }

  @Get('sessions/:id/participation')
  sessionParticipation(@Req() request: Request, @Param('id') id: string): ParticipationReport {
    return this.sessionReport(request, id);
  }

  @Get('sessions/:id/participation.csv')
  sessionParticipationCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
  ): void {
    const report = this.sessionReport(request, id);
    sendCsv(response, `participation-${id}.csv`, this.participation.csv(report));
  }

  private reviewReport(token: string): ParticipationReport {
    const live = this.access.review(token);
    return this.participation.report(
      [live],
      { kind: 'session', session: live.id },
      'pseudonymised',
    );
  }

  @Get('reviews/:token/participation')
  reviewParticipation(@Param('token') token: string): ParticipationReport {
    return this.reviewReport(token);
  }

  @Get('reviews/:token/participation.csv')
  reviewParticipationCsv(@Res() response: Response, @Param('token') token: string): void {
    const report = this.reviewReport(token);
    sendCsv(
      response,
      `participation-${report.sessions[0]?.id ?? 'review'}.csv`,
      this.participation.csv(report),
    );
  }

  /** Sessions started (or, never started, created) between from and to, inclusive. */
  private rangeReport(request: Request, query: unknown): ParticipationReport {
    const account = this.account(request);
    const { from, to } = parseOrThrow(participationRangeQuerySchema, query, 'date range');
    if (from > to) throw new AppError(ErrorCode.InvalidPayload, '"from" is after "to".');
    const rows = this.store.sessionsForAccount(account.role === 'admin' ? null : account.id);
    const sessions = rows
      .filter((r) => {
        const day = (r.started_at ?? r.created_at).slice(0, 10);
        return day >= from && day <= to;
      })
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .flatMap((r) => {
        const live = this.load(r.id);
        return live ? [live] : [];
      });
    return this.participation.report(sessions, { kind: 'range', from, to }, 'staff');
  }

  @Get('participation')
  rangeParticipation(@Req() request: Request, @Query() query: unknown): ParticipationReport {
    return this.rangeReport(request, query);
  }

  @Get('participation.csv')
  rangeParticipationCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Query() query: unknown,
  ): void {
    const report = this.rangeReport(request, query);
    const scope = report.scope.kind === 'range' ? `${report.scope.from}_${report.scope.to}` : '';
    sendCsv(response, `participation-${scope}.csv`, this.participation.csv(report));
  }
}
