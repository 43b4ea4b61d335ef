import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, uuidSchema, type Account, type MemberRole } from '@crossroads/shared';
import { BearerAuth, bearerToken } from '../auth/bearer';
import type { HttpRequest as Request } from '../auth/http';
import { AppError } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import type { LiveSession } from './live-session';
import {
  SESSION_REPOSITORY,
  type ParticipantRow,
  type SessionRepository,
} from './session-repository';
import { NO_SUCH_SESSION, SessionsService } from './sessions.service';

/** Default lifetime of a review link (CROSSROADS_REVIEW_LINK_DAYS). */
export const REVIEW_LINK_DAYS = 30;

/** Who is asking about a session over REST. */
export type SessionAccessor =
  | { kind: 'staff'; account: Account; memberRole: MemberRole | 'admin' }
  | { kind: 'participant'; participant: ParticipantRow };

/**
 * Who may read or change a session over REST: its staff (members by role, administrators), its
 * own trainees by participant token, and holders of a live review link. One copy for every
 * controller (sessions, reports, knowledge checks, courses), read through the async ports so it
 * holds on either database.
 */
@Injectable()
export class SessionAccess {
  constructor(
    @Inject(SessionsService) private readonly sessions: Pick<SessionsService, 'session'>,
    @Inject(SESSION_REPOSITORY) private readonly repository: SessionRepository,
    @Inject(BearerAuth) private readonly auth: Pick<BearerAuth, 'account'>,
    @InjectConfig() private readonly config: Pick<AppConfig, 'reviewLinkDays'>,
  ) {}

  /** How long a review link works from its creation. */
  reviewLinkLifetimeMs(): number {
    return (this.config.reviewLinkDays ?? REVIEW_LINK_DAYS) * 24 * 60 * 60 * 1000;
  }

  /**
   * Session `id` for a caller with a right to know it exists: its staff (members, administrators)
   * and its own trainees. Anyone else is answered exactly as for a session that does not exist (404,
   * `missing`), and a caller without credentials 401 whatever the id, so nobody can probe which
   * session ids exist. Checked before the session is loaded. What a caller who knows the session
   * may do there is for staff(), accessor() and participant() (403).
   */
  async live(request: Request, id: string, missing = NO_SUCH_SESSION): Promise<LiveSession> {
    const token = bearerToken(request);
    const participant = token
      ? await this.repository.participantByTokenHash(hashToken(token))
      : undefined;
    let known = uuidSchema.safeParse(id).success;
    if (participant) known &&= participant.session_id === id;
    else {
      // Who asks comes first: without an account's token the answer is 401, whatever the id.
      const account = this.auth.account(request);
      known &&=
        account.role === 'admin' ||
        (await this.repository.memberRole(id, account.id)) !== undefined;
    }
    if (!known) throw new AppError(ErrorCode.NotFound, missing);
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

  /**
   * A member of the session's staff with at least `need` (an administrator always); trainees are
   * refused.
   */
  async staff(
    request: Request,
    live: LiveSession,
    need: 'staff' | 'facilitator' | 'owner' = 'staff',
  ): Promise<Account> {
    const account = await this.account(request);
    const role = await this.repository.memberRole(live.id, account.id);
    // Not a member: live() answered them as for no session; should they have stopped being one
    // since, they hear the same here.
    if (role === undefined && account.role !== 'admin')
      throw new AppError(ErrorCode.NotFound, NO_SUCH_SESSION);
    const ok =
      account.role === 'admin' ||
      (need === 'staff'
        ? role !== undefined
        : need === 'facilitator'
          ? role === 'owner' || role === 'facilitator'
          : role === 'owner');
    if (!ok)
      throw new AppError(
        ErrorCode.Forbidden,
        `Only the session's ${need === 'staff' ? 'members' : need === 'facilitator' ? 'facilitators' : 'owner'} may do this.`,
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
        throw new AppError(ErrorCode.NotFound, NO_SUCH_SESSION);
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

  /**
   * The session a live review link opens: 404 for an unknown token, 410 for a revoked or expired
   * one. A link made before links had an expiry (expires_at NULL) lasts the configured lifetime
   * from its creation.
   */
  async review(token: string, now = Date.now()): Promise<LiveSession> {
    const link = /^[A-Za-z0-9_-]{16,128}$/.test(token)
      ? await this.repository.reviewLink(hashToken(token))
      : undefined;
    if (!link) throw new AppError(ErrorCode.NotFound, 'No such review link.');
    if (link.revoked_at !== null)
      throw new AppError(ErrorCode.LinkGone, 'This review link was revoked by the facilitator.');
    const expires =
      link.expires_at !== null
        ? Date.parse(link.expires_at)
        : Date.parse(link.created_at) + this.reviewLinkLifetimeMs();
    if (now >= expires)
      throw new AppError(ErrorCode.LinkGone, 'This review link has expired; ask for a new one.');
    return this.sessions.session(link.session_id);
  }
}
