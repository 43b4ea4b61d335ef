import { randomUUID } from 'node:crypto';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  addMemberRequestSchema,
  debriefEnvelopeSchema,
  joinInfoSchema,
  joinResponseSchema,
  logEventSchema,
  replayFrameSchema,
  reviewLinkSchema,
  revokeReviewLinksResponseSchema,
  roleViewSchema,
  sessionListItemSchema,
  sessionMemberSchema,
  sessionMetaSchema,
  compactSessionDetails,
  createReviewLinkRequestSchema,
  createSessionRequestSchema,
  csvRow,
  CSV_BOM,
  CSV_LINE_END,
  defaultTeamName,
  ErrorCode,
  joinRequestSchema,
  replayQuerySchema,
  revokeReviewLinksRequestSchema,
  updateSessionRequestSchema,
  type Account,
  type DebriefEnvelope,
  type JoinInfo,
  type JoinResponse,
  type MemberRole,
  type ReplayFrame,
  type ReplayQuery,
  type ReviewLink,
  type RevokeReviewLinksResponse,
  type RoleView,
  type SessionListItem,
  type SessionMember,
  type SessionMeta,
  type SessionSettings,
} from '@crossroads/shared';
import { z } from 'zod';
import type { HttpRequest as Request, HttpResponse as Response } from '../auth/http';
import { AccountsService } from '../accounts/accounts.service';
import { BearerAuth } from '../auth/bearer';
import { AppError, RestErrorFilter } from '../auth/rest-error';
import { ZodBody, ZodQuery, type Valid } from '../auth/zod-params';
import { hashToken, newJoinCode, newToken } from '../auth/tokens';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ApiRoute, uuidParam } from '../openapi/api-route';
import type { AppConfig } from '../config';
import { publicOriginFor } from '../public-origin';
import { InjectConfig } from '../config.module';
import { ParticipationService } from '../reports/participation.service';
import type { LiveSession } from './live-session';
import { checkDisplayNameShape } from './display-name';
import { replayFrame } from './replay';
import { SESSION_REPOSITORY, type SessionRepository } from './session-repository';
import type { ParticipantRow } from './session-store';
import { SessionAccess, type SessionAccessor } from './session-access';
import { SessionViews, toParticipant } from './session-views';
import { SessionsService } from './sessions.service';

/** `team-a`, `team-b`, … `team-z`, `team-aa`, … */
export function teamId(index: number): string {
  let n = index;
  let id = '';
  do {
    id = String.fromCharCode(97 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `team-${id}`;
}

const sessionId = { id: uuidParam() };
type AddMemberBody = Valid<typeof addMemberRequestSchema>;

@UseFilters(RestErrorFilter)
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(SESSION_REPOSITORY) private readonly repository: SessionRepository,
    private readonly views: SessionViews,
    private readonly catalogue: CatalogueService,
    private readonly accounts: AccountsService,
    private readonly auth: BearerAuth,
    @InjectConfig() private readonly config: AppConfig,
    private readonly participation: ParticipationService,
    private readonly sessionAccess: SessionAccess,
  ) {}

  // ---- access (SessionAccess: the rules every controller shares) -------------------------------

  private live(request: Request, id: string): Promise<LiveSession> {
    return this.sessionAccess.live(request, id);
  }

  private staff(
    request: Request,
    live: LiveSession,
    need: 'staff' | 'facilitator' | 'owner',
  ): Promise<Account> {
    return this.sessionAccess.staff(request, live, need);
  }

  private access(request: Request, live: LiveSession): Promise<SessionAccessor> {
    return this.sessionAccess.accessor(request, live);
  }

  private meta(live: LiveSession, request: Request): SessionMeta {
    return this.views.meta(live, true, publicOriginFor(this.config, request.headers));
  }

  // ---- sessions -------------------------------------------------------------------------------

  @Post('sessions')
  @ApiRoute({
    summary: 'Create a session (returns the join code)',
    tags: ['sessions'],
    bearer: true,
    status: 201,
    response: sessionMetaSchema,
    description: 'created',
    errors: [400, 401, 404],
  })
  async create(
    @Req() request: Request,
    @ZodBody(createSessionRequestSchema, 'session') body: Valid<typeof createSessionRequestSchema>,
  ): Promise<SessionMeta> {
    const account = this.auth.account(request);
    const input = body.value;
    const runtime = this.catalogue.runtime(input.scenario, input.version);
    if (!runtime) {
      throw new AppError(
        ErrorCode.NotFound,
        `No scenario ${input.scenario}${input.version ? `@${input.version}` : ''} in the catalogue.`,
      );
    }
    const names =
      typeof input.teams === 'number'
        ? Array.from({ length: input.teams }, (_, i) => defaultTeamName(i, input.language))
        : input.teams;
    const teams = names.map((name, i) => ({ id: teamId(i), name }));
    const settings: SessionSettings = {
      feedbackPolicy: input.feedbackPolicy,
      scoresVisibleToTrainees: input.scoresVisibleToTrainees,
      timeRatio: input.timeRatio,
      language: input.language,
      ...(input.timeLimitMinutes !== undefined ? { timeLimitMinutes: input.timeLimitMinutes } : {}),
    };
    const details = compactSessionDetails(input.details);
    const id = randomUUID();
    for (let attempt = 0; ; attempt += 1) {
      const code = newJoinCode(attempt < 20 ? undefined : 8);
      if (await this.repository.joinCodeTaken(code)) continue;
      try {
        await this.repository.createSession(
          {
            id,
            scenario_id: runtime.id,
            scenario_version: runtime.version,
            rubric_version: runtime.rubricVersion,
            settings: JSON.stringify(settings),
            status: 'lobby',
            join_code: code,
            owner_id: account.id,
            debrief_released: 0,
            created_at: new Date().toISOString(),
            started_at: null,
            ended_at: null,
            details: details ? JSON.stringify(details) : null,
          },
          teams,
        );
        break;
      } catch (error) {
        if (attempt > 30) throw error;
      }
    }
    return this.meta(await this.sessions.session(id), request);
  }

  @Get('sessions')
  @ApiRoute({
    summary: 'Sessions you are a member of (admins: all)',
    tags: ['sessions'],
    bearer: true,
    response: z.array(sessionListItemSchema),
    description: 'sessions',
    errors: [401],
  })
  async list(@Req() request: Request): Promise<SessionListItem[]> {
    const account = this.auth.account(request);
    const rows = await this.repository.sessionsForAccount(
      account.role === 'admin' ? null : account.id,
    );
    const items: SessionListItem[] = [];
    // One session at a time: loading hundreds at once would hold that many rebuilds in memory.
    for (const row of rows) {
      try {
        const live = await this.sessions.session(row.id);
        const memberRole =
          row.member_role ?? (await this.repository.memberRole(row.id, account.id)) ?? null;
        const meta = this.views.meta(
          live,
          memberRole !== 'observer',
          publicOriginFor(this.config, request.headers),
        );
        items.push({ ...meta, participants: live.participants.size, memberRole });
      } catch {
        // A session whose scenario left the catalogue is not listed rather than failing the list.
      }
    }
    return items;
  }

  @Get('sessions/:id')
  @ApiRoute({
    summary: 'Session metadata (staff)',
    tags: ['sessions'],
    bearer: true,
    response: sessionMetaSchema,
    description: 'session',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async get(@Req() request: Request, @Param('id') id: string): Promise<SessionMeta> {
    const live = await this.live(request, id);
    const account = await this.staff(request, live, 'staff');
    // Observers watch; the join code (who may come in) is for those who run the session.
    const role = await this.repository.memberRole(live.id, account.id);
    const runs = role === 'owner' || role === 'facilitator' || account.role === 'admin';
    return this.views.meta(live, runs, publicOriginFor(this.config, request.headers));
  }

  @Patch('sessions/:id')
  @ApiRoute({
    summary: 'Change settings (facilitator)',
    tags: ['sessions'],
    bearer: true,
    response: sessionMetaSchema,
    description: 'session',
    errors: [400, 401, 403, 404, 409, 503],
    params: sessionId,
  })
  async update(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(updateSessionRequestSchema, 'settings') body: Valid<typeof updateSessionRequestSchema>,
  ): Promise<SessionMeta> {
    const live = await this.live(request, id);
    const account = await this.staff(request, live, 'facilitator');
    const patch = body.value;
    if (live.status === 'ended')
      throw new AppError(ErrorCode.SessionNotRunning, 'The session has ended.');
    await this.sessions.write({
      kind: 'settings',
      sessionId: live.id,
      actor: `account:${account.id}`,
      patch,
    });
    return this.meta(live, request);
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  @ApiRoute({
    summary: 'End the session (facilitator)',
    tags: ['sessions'],
    bearer: true,
    response: sessionMetaSchema,
    description: 'session',
    errors: [401, 403, 404, 503],
    params: sessionId,
  })
  async end(@Req() request: Request, @Param('id') id: string): Promise<SessionMeta> {
    const live = await this.live(request, id);
    const account = await this.staff(request, live, 'facilitator');
    // Checked again where the session runs (this process's copy may be behind its owner's).
    if (live.status !== 'ended') {
      await this.sessions.write({
        kind: 'end',
        sessionId: live.id,
        actor: `account:${account.id}`,
      });
    }
    return this.meta(live, request);
  }

  // ---- members --------------------------------------------------------------------------------

  @Get('sessions/:id/members')
  @ApiRoute({
    summary: 'Co-facilitators and observers (staff)',
    tags: ['sessions'],
    bearer: true,
    response: z.array(sessionMemberSchema),
    description: 'members',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async members(@Req() request: Request, @Param('id') id: string): Promise<SessionMember[]> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'staff');
    const members = await this.repository.members(live.id);
    const accounts = await Promise.all(members.map((m) => this.accounts.byId(m.account_id)));
    return members.flatMap((m, i) => {
      const account = accounts[i];
      return account ? [{ account, role: m.role, addedAt: m.added_at }] : [];
    });
  }

  @Post('sessions/:id/observers')
  @ApiRoute({
    summary: 'Add an observer (owner)',
    tags: ['sessions'],
    bearer: true,
    status: 201,
    response: sessionMemberSchema,
    description: 'member',
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  addObserver(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(addMemberRequestSchema, 'member') body: AddMemberBody,
  ): Promise<SessionMember> {
    return this.addMember(request, id, body, 'observer');
  }

  @Post('sessions/:id/facilitators')
  @ApiRoute({
    summary: 'Add a co-facilitator (owner)',
    tags: ['sessions'],
    bearer: true,
    status: 201,
    response: sessionMemberSchema,
    description: 'member',
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  addFacilitator(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(addMemberRequestSchema, 'member') body: AddMemberBody,
  ): Promise<SessionMember> {
    return this.addMember(request, id, body, 'facilitator');
  }

  private async addMember(
    request: Request,
    id: string,
    body: AddMemberBody,
    role: MemberRole,
  ): Promise<SessionMember> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'owner');
    const { username } = body.value;
    const account = await this.accounts.byUsername(username);
    if (!account) throw new AppError(ErrorCode.NotFound, `No account ${username}.`);
    if ((await this.repository.memberRole(live.id, account.id)) === 'owner') {
      throw new AppError(ErrorCode.InvalidPayload, 'The owner is already a member.');
    }
    const at = new Date().toISOString();
    await this.repository.upsertMember(live.id, account.id, role, at);
    // A facilitator made observer loses the console's rights on the sockets already open.
    await this.sessions.recheckSockets((entry) => entry.sessionId === live.id);
    return { account, role, addedAt: at };
  }

  @Delete('sessions/:id/members/:accountId')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Remove a co-facilitator or observer (owner; the owner cannot be removed)',
    tags: ['sessions'],
    bearer: true,
    status: 204,
    response: null,
    description: 'removed',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async removeMember(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('accountId') accountId: string,
  ): Promise<void> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'owner');
    if ((await this.repository.removeMember(live.id, accountId)) === 0) {
      throw new AppError(ErrorCode.NotFound, 'No such member (the owner cannot be removed).');
    }
    await this.sessions.recheckSockets((entry) => entry.sessionId === live.id);
  }

  // ---- trainees -------------------------------------------------------------------------------

  @Get('join/:code')
  @ApiRoute({
    summary: 'What the join screen shows',
    tags: ['trainees'],
    response: joinInfoSchema,
    description: 'info',
    errors: [404, 429],
  })
  async joinInfo(@Req() request: Request, @Param('code') code: string): Promise<JoinInfo> {
    this.auth.throttle(request, 'join');
    const live = await this.byCode(code);
    return {
      session: live.id,
      scenario: {
        title: live.runtime.title,
        contentWarnings: live.runtime.summary([]).contentWarnings,
      },
      status: live.status,
      teams: live.teams.map((t) => ({
        ...t,
        members: [...live.participants.values()].filter((p) => p.team_id === t.id).length,
      })),
      roles: live.runtime.agencies.filter((a) => a.playable !== 'facilitator'),
      language: live.settings.language,
    };
  }

  private async byCode(raw: string): Promise<LiveSession> {
    const code = raw.trim().toUpperCase();
    const row = /^[A-Z0-9]{4,12}$/.test(code)
      ? await this.repository.sessionByJoinCode(code)
      : undefined;
    if (!row) throw new AppError(ErrorCode.NotFound, 'No session with this join code.');
    return this.sessions.session(row.id);
  }

  @Post('join')
  @ApiRoute({
    summary: 'Join a session with its code',
    tags: ['trainees'],
    status: 201,
    response: joinResponseSchema,
    description: 'joined',
    errors: [400, 404, 409, 429, 503],
  })
  async join(
    @Req() request: Request,
    @ZodBody(joinRequestSchema, 'join') body: Valid<typeof joinRequestSchema>,
  ): Promise<JoinResponse> {
    this.auth.throttle(request, 'join');
    const input = body.value;
    const live = await this.byCode(input.code);
    if (live.status === 'ended')
      throw new AppError(ErrorCode.SessionNotRunning, 'This session has ended.');
    const members = [...live.participants.values()];
    const count = (team: string, role?: string) =>
      members.filter((p) => p.team_id === team && (role === undefined || p.role === role)).length;
    const team =
      input.team && live.hasTeam(input.team)
        ? input.team
        : ([...live.teams].sort((a, b) => count(a.id) - count(b.id))[0]?.id ?? null);
    const roles = live.playableRoles();
    const required = live.runtime.agencies
      .filter((a) => a.playable === 'required')
      .map((a) => a.id);
    const role =
      team === null
        ? null
        : input.role && roles.includes(input.role)
          ? input.role
          : ([...roles].sort(
              (a, b) =>
                count(team, a) - count(team, b) ||
                Number(!required.includes(a)) - Number(!required.includes(b)),
            )[0] ?? null);
    // Whether a teammate has the name already is checked by the host, inside the queued join.
    checkDisplayNameShape(input.displayName);
    const token = newToken();
    const row: ParticipantRow = {
      id: randomUUID(),
      session_id: live.id,
      display_name: input.displayName,
      team_id: team,
      role,
      token_hash: hashToken(token),
      presence: 'left',
      joined_at: new Date().toISOString(),
      last_seen_at: null,
    };
    await this.sessions.write({ kind: 'join', sessionId: live.id, row });
    await this.participation.saveProfile(row, input.profile);
    return {
      participantToken: token,
      participant: toParticipant(row),
      session: this.views.meta(live, false, publicOriginFor(this.config, request.headers)),
    };
  }

  // ---- views & exports ---------------------------------------------------------------------------

  @Get('sessions/:id/teams/:team/views/:role')
  @ApiRoute({
    summary: 'What one agency of one team sees now (staff)',
    tags: ['sessions'],
    bearer: true,
    response: roleViewSchema,
    description: 'view',
    errors: [401, 403, 404, 409],
    params: sessionId,
  })
  async roleView(
    @Req() request: Request,
    @Param('id') id: string,
    @Param('team') team: string,
    @Param('role') role: string,
  ): Promise<RoleView> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'staff');
    if (!live.hasTeam(team)) throw new AppError(ErrorCode.NotFound, `No team ${team}.`);
    if (!live.runtime.agencies.some((a) => a.id === role))
      throw new AppError(ErrorCode.NotFound, `No agency ${role}.`);
    await this.views.freshenScores(live);
    const view = this.views.view(live, team, role);
    if (!view) throw new AppError(ErrorCode.SessionNotRunning, 'The session has not started yet.');
    return view;
  }

  @Get('sessions/:id/events.jsonl')
  @ApiRoute({
    summary: 'The event log, one LogEvent per line (staff)',
    tags: ['exports'],
    bearer: true,
    response: { contentType: 'application/x-ndjson', lines: logEventSchema },
    description: 'NDJSON',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async eventsJsonl(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'staff');
    response.status(200);
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="session-${live.id}.jsonl"`);
    for await (const event of this.sessions.allEvents(live.id))
      response.write(`${JSON.stringify(event)}\n`);
    response.end();
  }

  @Get('sessions/:id/decisions.csv')
  @ApiRoute({
    summary: 'Decisions and signatures as CSV (staff)',
    tags: ['exports'],
    bearer: true,
    response: { contentType: 'text/csv' },
    description: 'CSV',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async decisionsCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'staff');
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="decisions-${live.id}.csv"`);
    response.write(
      CSV_BOM +
        'seq,at,time,team,role,participant,display_name,type,decision,option,confidence,rationale' +
        CSV_LINE_END,
    );
    for await (const e of this.sessions.allEvents(live.id)) {
      if (e.type !== 'decision.made' && e.type !== 'joint.signed') continue;
      const p = e.payload as {
        decision: string;
        option: string;
        confidence?: number;
        rationale?: string;
      };
      const who = e.participant ? live.participants.get(e.participant)?.display_name : '';
      response.write(
        csvRow([
          e.seq,
          e.at,
          e.time,
          e.team,
          e.role,
          e.participant,
          who,
          e.type,
          p.decision,
          p.option,
          p.confidence,
          p.rationale,
        ]) + CSV_LINE_END,
      );
    }
    response.end();
  }

  @Get('sessions/:id/scores.csv')
  @ApiRoute({
    summary: 'Team scores and endings as CSV (staff)',
    tags: ['exports'],
    bearer: true,
    response: { contentType: 'text/csv' },
    description: 'CSV',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async scoresCsv(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'staff');
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="scores-${live.id}.csv"`);
    response.write(
      CSV_BOM +
        'team,team_name,evidence,rights,red_lines,ending,ending_kind,scenario_minutes' +
        CSV_LINE_END,
    );
    const scores = live.runtime.scores(
      await this.sessions.eventLog(live.id),
      live.row.rubric_version,
    );
    await this.views.freshenScores(live);
    for (const team of live.teams) {
      const card = this.views.card(live, team.id);
      const score = scores.get(team.id);
      response.write(
        csvRow([
          team.id,
          team.name,
          score?.evidence,
          score?.rights,
          score?.redLines.join(' '),
          card?.ended?.id,
          card?.ended?.kind,
          card?.clock.minutes,
        ]) + CSV_LINE_END,
      );
    }
    response.end();
  }

  @Get('sessions/:id/debrief')
  @ApiRoute({
    summary: 'Debrief (staff; trainees once released, own team only)',
    tags: ['exports'],
    bearer: true,
    response: debriefEnvelopeSchema,
    description: 'debrief',
    errors: [401, 403, 404],
    params: sessionId,
  })
  async debrief(@Req() request: Request, @Param('id') id: string): Promise<DebriefEnvelope> {
    const live = await this.live(request, id);
    const access = await this.access(request, live);
    if (access.kind === 'staff') return this.staffDebrief(live);
    if (!live.debriefReleased) {
      throw new AppError(ErrorCode.Forbidden, 'The facilitator has not released the debrief yet.');
    }
    const { team_id: team, role } = access.participant;
    if (!team || !role) throw new AppError(ErrorCode.Forbidden, 'You are not in a team.');
    return {
      ...this.debriefHeader(live, (p) => p.team_id === team),
      teams: live.teams.filter((t) => t.id === team),
      debrief: live.runtime.debrief(await this.sessions.eventLog(live.id), {
        rubricVersion: live.row.rubric_version,
        recipient: { team, role },
        teams: [team],
      }),
    };
  }

  /**
   * What every debrief envelope carries besides the scores: the session details, the times, the agencies'
   * names and the display names `named` lets this reader see (the rest appear as pseudonyms).
   */
  private debriefHeader(
    live: LiveSession,
    named: (participant: ParticipantRow) => boolean,
  ): Omit<DebriefEnvelope, 'teams' | 'debrief'> {
    const participants: Record<string, string> = {};
    for (const p of live.participants.values()) if (named(p)) participants[p.id] = p.display_name;
    return {
      session: live.id,
      seq: live.head,
      generatedAt: new Date().toISOString(),
      ...(live.details ? { details: live.details } : {}),
      language: live.settings.language,
      startedAt: live.startedAt,
      endedAt: live.endedAt,
      agencies: live.runtime.agencies,
      participants,
    };
  }

  /** The debrief every member of the session's staff sees: all teams (`named`: whose names). */
  private async staffDebrief(live: LiveSession, named = true): Promise<DebriefEnvelope> {
    const events = await this.sessions.eventLog(live.id);
    return {
      ...this.debriefHeader(live, () => named),
      teams: live.teams,
      debrief: live.runtime.debrief(events, { rubricVersion: live.row.rubric_version }),
    };
  }

  // ---- review links -----------------------------------------------------------------------------

  @Post('sessions/:id/review-links')
  @ApiRoute({
    summary: 'Create a read-only debrief link for reviewers (facilitator)',
    tags: ['exports'],
    bearer: true,
    status: 201,
    response: reviewLinkSchema,
    description: 'link',
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  async createReviewLink(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(createReviewLinkRequestSchema, 'review link', { optional: true })
    body: Valid<typeof createReviewLinkRequestSchema>,
  ): Promise<ReviewLink> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'facilitator');
    const input = body.value;
    const token = newToken();
    const now = Date.now();
    const createdAt = new Date(now).toISOString();
    const expiresAt = new Date(now + this.sessionAccess.reviewLinkLifetimeMs()).toISOString();
    await this.repository.insertReviewLink(
      live.id,
      hashToken(token),
      input.label || null,
      createdAt,
      expiresAt,
    );
    const origin = publicOriginFor(this.config, request.headers);
    return { token, url: `${origin}/review/${token}`, createdAt, expiresAt };
  }

  /** Revokes every review link of the session (`token` in the body: only that one). */
  @Delete('sessions/:id/review-links')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Revoke one review link (by its token) or every live one (facilitator)',
    tags: ['exports'],
    bearer: true,
    response: revokeReviewLinksResponseSchema,
    description: 'how many links were revoked',
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  async revokeReviewLinks(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodBody(revokeReviewLinksRequestSchema, 'revocation', { optional: true })
    body: Valid<typeof revokeReviewLinksRequestSchema>,
  ): Promise<RevokeReviewLinksResponse> {
    const live = await this.live(request, id);
    await this.staff(request, live, 'facilitator');
    // No body (or an empty one) revokes every link; a malformed one revokes nothing.
    const { token } = body.value;
    const revoked = await this.repository.revokeReviewLinks(
      live.id,
      new Date().toISOString(),
      token === undefined ? undefined : hashToken(token),
    );
    if (token !== undefined && revoked === 0)
      throw new AppError(ErrorCode.NotFound, 'No such live review link in this session.');
    return { revoked };
  }

  @Get('reviews/:token')
  @ApiRoute({
    summary: 'The staff debrief through a read-only review link (no auth)',
    tags: ['exports'],
    response: debriefEnvelopeSchema,
    description: 'debrief',
    errors: [404, 410],
  })
  async review(@Param('token') token: string): Promise<DebriefEnvelope> {
    // A reviewer holds a link, not an account: trainees stay pseudonymous to them.
    return this.staffDebrief(await this.sessionAccess.review(token), false);
  }

  // ---- replay -----------------------------------------------------------------------------------

  /** What one agency of one team saw at a moment (staff: any; a trainee: its own, once released). */
  @Get('sessions/:id/replay')
  @ApiRoute({
    summary:
      'What one agency of one team saw at a moment of the log, recomputed from the log prefix (staff: any team and agency; a trainee: its own, once the debrief is released)',
    tags: ['exports'],
    bearer: true,
    response: replayFrameSchema,
    description: 'frame',
    errors: [400, 401, 403, 404],
    params: sessionId,
  })
  async replay(
    @Req() request: Request,
    @Param('id') id: string,
    @ZodQuery(replayQuerySchema, 'replay query') query: Valid<typeof replayQuerySchema>,
  ): Promise<ReplayFrame> {
    const live = await this.live(request, id);
    const access = await this.access(request, live);
    const input = query.value;
    if (access.kind === 'participant') {
      if (!live.debriefReleased) {
        throw new AppError(
          ErrorCode.Forbidden,
          'The facilitator has not released the debrief yet.',
        );
      }
      if (
        access.participant.team_id !== input.team ||
        access.participant.role !== (input.role ?? access.participant.role)
      ) {
        throw new AppError(
          ErrorCode.Forbidden,
          'A trainee replays only their own team and agency.',
        );
      }
    }
    return access.kind === 'participant'
      ? this.replayOf(live, input, true, access.participant.role)
      : this.replayOf(live, input, false);
  }

  @Get('reviews/:token/replay')
  @ApiRoute({
    summary: 'The replay through a read-only review link (no auth; any team and agency)',
    tags: ['exports'],
    response: replayFrameSchema,
    description: 'frame',
    errors: [400, 404, 410],
  })
  async reviewReplay(
    @Param('token') token: string,
    @ZodQuery(replayQuerySchema, 'replay query') query: Valid<typeof replayQuerySchema>,
  ): Promise<ReplayFrame> {
    const live = await this.sessionAccess.review(token);
    return this.replayOf(live, query.value, false);
  }

  private async replayOf(
    live: LiveSession,
    input: ReplayQuery,
    redact: boolean,
    defaultRole?: string | null,
  ): Promise<ReplayFrame> {
    if (!live.hasTeam(input.team)) throw new AppError(ErrorCode.NotFound, `No team ${input.team}.`);
    const role = input.role ?? defaultRole ?? live.playableRoles()[0];
    if (role === undefined || !live.runtime.agencies.some((a) => a.id === role))
      throw new AppError(ErrorCode.NotFound, `No agency ${role ?? ''}.`);
    return replayFrame(live, await this.sessions.eventLog(live.id), {
      team: input.team,
      role,
      seq: input.seq,
      redact,
    });
  }
}
