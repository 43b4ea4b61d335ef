import { ErrorCode, uuidSchema, type Account, type MemberRole } from '@crossroads/shared';
import { bearerToken, type BearerAuth } from '../auth/bearer';
import type { HttpRequest as Request } from '../auth/http';
import { AppError } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import type { LiveSession } from '../sessions/live-session';
import type { ParticipantRow, SessionRepository } from '../sessions/session-repository';
import type { SessionsService } from '../sessions/sessions.service';

/** Who is asking about a session over REST. */
export type SessionAccessor =
  | { kind: 'staff'; account: Account; memberRole: MemberRole | 'admin' }
  | { kind: 'participant'; participant: ParticipantRow };

/**
 * The REST access rules of the debrief (the session's staff, its own trainees by participant
 * token, read-only review links; the same error codes), read through the async ports
 * (SessionsService.session() and the SessionRepository), so the knowledge-check and course
 * endpoints run on either database. Built by each controller from its injected services.
 */
export class PortSessionAccess {
  constructor(
    private readonly sessions: Pick<SessionsService, 'session'>,
    private readonly repository: SessionRepository,
    private readonly auth: Pick<BearerAuth, 'account'>,
  ) {}

  async live(id: string): Promise<LiveSession> {
    if (!uuidSchema.safeParse(id).success)
      throw new AppError(ErrorCode.NotFound, 'No such session.');
    return this.sessions.session(id);
  }

  /** A staff account for endpoints not tied to one session; trainees are refused. */
  async account(request: Request): Promise<Account> {
    const token = bearerToken(request);
    if (token && (await this.repository.participantByTokenHash(hashToken(token))))
      throw new AppError(ErrorCode.Forbidden, 'Trainees cannot use this endpoint.');
    // Synchronous: BearerGuard resolved the token before the handler ran.
    return this.auth.account(request);
  }

  /** A member of the session's staff (or an administrator); trainees are refused. */
  async staff(
    request: Request,
    live: LiveSession,
    need: 'staff' | 'facilitator' = 'staff',
  ): Promise<Account> {
    const account = await this.account(request);
    const role = await this.repository.memberRole(live.id, account.id);
    const ok =
      account.role === 'admin' ||
      (need === 'staff' ? role !== undefined : role === 'owner' || role === 'facilitator');
    if (!ok)
      throw new AppError(
        ErrorCode.Forbidden,
        `Only the session's ${need === 'staff' ? 'members' : 'facilitators'} may do this.`,
      );
    return account;
  }

  /** The staff account or this session's own participant. */
  async accessor(request: Request, live: LiveSession): Promise<SessionAccessor> {
    const token = bearerToken(request);
    if (!token)
      throw new AppError(ErrorCode.Unauthenticated, 'Authorization: Bearer <token> required.');
    const participant = await this.repository.participantByTokenHash(hashToken(token));
    if (participant) {
      if (participant.session_id !== live.id)
        throw new AppError(ErrorCode.Forbidden, 'Not your session.');
      return { kind: 'participant', participant };
    }
    const account = await this.staff(request, live);
    return {
      kind: 'staff',
      account,
      memberRole: (await this.repository.memberRole(live.id, account.id)) ?? 'admin',
    };
  }

  /** This session's own trainee (a participant token of this session). */
  async participant(request: Request, live: LiveSession): Promise<ParticipantRow> {
    const who = await this.accessor(request, live);
    if (who.kind !== 'participant')
      throw new AppError(ErrorCode.Forbidden, 'Only the session’s trainees answer this.');
    return who.participant;
  }

  /** The session a live review link opens: 404 for an unknown token, 410 for a revoked or expired one. */
  async review(token: string, now = Date.now()): Promise<LiveSession> {
    const link = /^[A-Za-z0-9_-]{16,128}$/.test(token)
      ? await this.repository.reviewLink(hashToken(token))
      : undefined;
    if (!link) throw new AppError(ErrorCode.NotFound, 'No such review link.');
    const expired = link.expires_at !== null && Date.parse(link.expires_at) <= now;
    if (link.revoked_at !== null || expired)
      throw new AppError(ErrorCode.LinkGone, 'This review link was revoked or has expired.');
    return this.sessions.session(link.session_id);
  }
}
