import { Injectable } from '@nestjs/common';
import { ErrorCode, uuidSchema, type Account, type MemberRole } from '@crossroads/shared';
import { BearerAuth, bearerToken } from '../auth/bearer';
import type { HttpRequest as Request } from '../auth/http';
import { AppError } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import type { LiveSession } from './live-session';
import { SessionStore, type ParticipantRow } from './session-store';
import { SessionsService } from './sessions.service';

/** Who is asking about a session over REST. */
export type SessionAccessor =
  | { kind: 'staff'; account: Account; memberRole: MemberRole | 'admin' }
  | { kind: 'participant'; participant: ParticipantRow };

/**
 * The REST access rules of the debrief, for the endpoints built on it (knowledge checks, reports):
 * the session's staff (members, administrators), its own trainees by participant token, and
 * read-only review links. Every failure is an AppError with the same codes as the debrief.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly sessions: SessionsService,
    private readonly store: SessionStore,
    private readonly auth: BearerAuth,
  ) {}

  live(id: string): LiveSession {
    if (!uuidSchema.safeParse(id).success)
      throw new AppError(ErrorCode.NotFound, 'No such session.');
    return this.sessions.load(id);
  }

  /** A member of the session's staff (or an administrator); trainees are refused. */
  staff(request: Request, live: LiveSession, need: 'staff' | 'facilitator' = 'staff'): Account {
    const token = bearerToken(request);
    if (token && this.store.participantByTokenHash(hashToken(token))) {
      throw new AppError(ErrorCode.Forbidden, 'Trainees cannot use this endpoint.');
    }
    const account = this.auth.account(request);
    const role = this.store.memberRole(live.id, account.id);
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
  accessor(request: Request, live: LiveSession): SessionAccessor {
    const token = bearerToken(request);
    if (!token)
      throw new AppError(ErrorCode.Unauthenticated, 'Authorization: Bearer <token> required.');
    const participant = this.store.participantByTokenHash(hashToken(token));
    if (participant) {
      if (participant.session_id !== live.id)
        throw new AppError(ErrorCode.Forbidden, 'Not your session.');
      return { kind: 'participant', participant };
    }
    const account = this.staff(request, live);
    return {
      kind: 'staff',
      account,
      memberRole: this.store.memberRole(live.id, account.id) ?? 'admin',
    };
  }

  /** This session's own trainee (a participant token of this session). */
  participant(request: Request, live: LiveSession): ParticipantRow {
    const who = this.accessor(request, live);
    if (who.kind !== 'participant')
      throw new AppError(ErrorCode.Forbidden, 'Only the session’s trainees answer this.');
    return who.participant;
  }

  /** The session a live review link opens: 404 for an unknown token, 410 for a revoked or expired one. */
  review(token: string): LiveSession {
    const link = /^[A-Za-z0-9_-]{16,128}$/.test(token)
      ? this.store.reviewLink(hashToken(token))
      : undefined;
    if (!link) throw new AppError(ErrorCode.NotFound, 'No such review link.');
    if (this.store.reviewLinkSession(hashToken(token)) === undefined)
      throw new AppError(ErrorCode.LinkGone, 'This review link was revoked or has expired.');
    return this.sessions.load(link.session_id);
  }
}
