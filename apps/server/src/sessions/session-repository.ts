import type { MemberRole, TeamRef } from '@crossroads/shared';
import type { InMemoryEventStore } from './in-memory-event-store';
import type { NewParticipant } from './ports';
import type { ParticipantRow, SessionRow, SessionStore } from './session-store';

export type { ParticipantRow, SessionRow } from './session-store';

/** Injection token of the sessions' SessionRepository (SqlSessionRepository on either engine). */
export const SESSION_REPOSITORY = Symbol('SESSION_REPOSITORY');

export interface MemberRow {
  account_id: string;
  role: MemberRole;
  added_at: string;
}

export interface ReviewLinkRow {
  session_id: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/**
 * Everything about a session that is not its event log: the session row, its teams, its staff
 * (members), its participants and its review links. Async for the same reason as EventStore: a
 * network database cannot answer synchronously, and callers written against a synchronous store
 * would silently rely on nothing running between their reads and writes.
 *
 * Participants are never written here: a participant row is inserted together with its
 * `participant.joined` event by EventStore.append, and the session row's status, settings and
 * debrief flag follow the log through the same append (sessionRowChanges). So an implementation
 * reads what its EventStore wrote; the two are built over the same database.
 */
export interface SessionRepository {
  /** Inserts the session row, its teams (in order) and its owner as a member, all or nothing. */
  createSession(row: SessionRow, teams: TeamRef[]): Promise<void>;
  session(id: string): Promise<SessionRow | undefined>;
  sessionByJoinCode(code: string): Promise<SessionRow | undefined>;
  joinCodeTaken(code: string): Promise<boolean>;
  /** Oldest first. */
  sessionsWithStatus(statuses: SessionRow['status'][]): Promise<SessionRow[]>;
  /**
   * Newest first, at most 500: the sessions an account is a member of, with its role; every
   * session (role null) when `accountId` is null (admins).
   */
  sessionsForAccount(
    accountId: string | null,
  ): Promise<(SessionRow & { member_role: MemberRole | null })[]>;
  /** In their position order. */
  teams(sessionId: string): Promise<TeamRef[]>;

  memberRole(sessionId: string, accountId: string): Promise<MemberRole | undefined>;
  /** Adds a member or changes its role. */
  upsertMember(sessionId: string, accountId: string, role: MemberRole, at: string): Promise<void>;
  /** Removes a member other than the owner; answers how many rows went (0 or 1). */
  removeMember(sessionId: string, accountId: string): Promise<number>;
  /** Oldest first. */
  members(sessionId: string): Promise<MemberRow[]>;

  insertReviewLink(
    sessionId: string,
    tokenHash: string,
    label: string | null,
    at: string,
    expiresAt: string,
  ): Promise<void>;
  /** A review link by its token hash, live or not. */
  reviewLink(tokenHash: string): Promise<ReviewLinkRow | undefined>;
  /** Revokes one link of a session (by token hash) or all its live ones; answers how many. */
  revokeReviewLinks(sessionId: string, at: string, tokenHash?: string): Promise<number>;

  participant(id: string): Promise<ParticipantRow | undefined>;
  participantByTokenHash(hash: string): Promise<ParticipantRow | undefined>;
  /** In joining order (joined_at, then id). */
  participants(sessionId: string): Promise<ParticipantRow[]>;
}

/**
 * The SessionRepository on the server's database, SQLite or PostgreSQL alike: SessionStore's
 * statements (SqlClient, SQL both engines accept) behind the port.
 */
export class SqlSessionRepository implements SessionRepository {
  constructor(private readonly store: SessionStore) {}

  createSession(row: SessionRow, teams: TeamRef[]): Promise<void> {
    return this.store.insertSession(row, teams);
  }
  session(id: string): Promise<SessionRow | undefined> {
    return this.store.session(id);
  }
  sessionByJoinCode(code: string): Promise<SessionRow | undefined> {
    return this.store.sessionByJoinCode(code);
  }
  joinCodeTaken(code: string): Promise<boolean> {
    return this.store.joinCodeTaken(code);
  }
  sessionsWithStatus(statuses: SessionRow['status'][]): Promise<SessionRow[]> {
    return this.store.sessionsWithStatus(statuses);
  }
  sessionsForAccount(
    accountId: string | null,
  ): Promise<(SessionRow & { member_role: MemberRole | null })[]> {
    return this.store.sessionsForAccount(accountId);
  }
  teams(sessionId: string): Promise<TeamRef[]> {
    return this.store.teams(sessionId);
  }
  memberRole(sessionId: string, accountId: string): Promise<MemberRole | undefined> {
    return this.store.memberRole(sessionId, accountId);
  }
  upsertMember(sessionId: string, accountId: string, role: MemberRole, at: string): Promise<void> {
    return this.store.upsertMember(sessionId, accountId, role, at);
  }
  removeMember(sessionId: string, accountId: string): Promise<number> {
    return this.store.removeMember(sessionId, accountId);
  }
  members(sessionId: string): Promise<MemberRow[]> {
    return this.store.members(sessionId);
  }
  insertReviewLink(
    sessionId: string,
    tokenHash: string,
    label: string | null,
    at: string,
    expiresAt: string,
  ): Promise<void> {
    return this.store.insertReviewLink(sessionId, tokenHash, label, at, expiresAt);
  }
  reviewLink(tokenHash: string): Promise<ReviewLinkRow | undefined> {
    return this.store.reviewLink(tokenHash);
  }
  revokeReviewLinks(sessionId: string, at: string, tokenHash?: string): Promise<number> {
    return this.store.revokeReviewLinks(sessionId, at, tokenHash);
  }
  participant(id: string): Promise<ParticipantRow | undefined> {
    return this.store.participant(id);
  }
  participantByTokenHash(hash: string): Promise<ParticipantRow | undefined> {
    return this.store.participantByTokenHash(hash);
  }
  participants(sessionId: string): Promise<ParticipantRow[]> {
    return this.store.participants(sessionId);
  }
}

/**
 * A SessionRepository in memory, for unit tests, over an InMemoryEventStore: the participants and
 * the log-driven columns of the session row are read from the event store, as a database
 * repository reads what its EventStore's appends wrote.
 */
export class InMemorySessionRepository implements SessionRepository {
  private readonly rows = new Map<string, SessionRow>();
  private readonly teamsOf = new Map<string, TeamRef[]>();
  private readonly membersOf = new Map<string, Map<string, MemberRow>>();
  private readonly links = new Map<string, ReviewLinkRow & { label: string | null }>();

  constructor(private readonly events: InMemoryEventStore) {}

  createSession(row: SessionRow, teams: TeamRef[]): Promise<void> {
    if (this.rows.has(row.id)) return Promise.reject(new Error(`session ${row.id} exists`));
    if ([...this.rows.values()].some((r) => r.join_code === row.join_code)) {
      return Promise.reject(new Error(`join code ${row.join_code} is taken`));
    }
    this.rows.set(row.id, { ...row });
    this.teamsOf.set(
      row.id,
      teams.map((t) => ({ ...t })),
    );
    this.membersOf.set(
      row.id,
      new Map([
        [row.owner_id, { account_id: row.owner_id, role: 'owner', added_at: row.created_at }],
      ]),
    );
    return Promise.resolve();
  }

  /** The stored row with the columns the log drives as the event store projected them. */
  private project(row: SessionRow): SessionRow {
    const p = this.events.row(row.id);
    return {
      ...row,
      status: p.status,
      settings: p.settings === null ? row.settings : JSON.stringify(p.settings),
      debrief_released: p.debriefReleased ? 1 : row.debrief_released,
      started_at: p.startedAt ?? row.started_at,
      ended_at: p.endedAt ?? row.ended_at,
    };
  }

  session(id: string): Promise<SessionRow | undefined> {
    const row = this.rows.get(id);
    return Promise.resolve(row && this.project(row));
  }

  sessionByJoinCode(code: string): Promise<SessionRow | undefined> {
    const row = [...this.rows.values()].find((r) => r.join_code === code);
    return Promise.resolve(row && this.project(row));
  }

  joinCodeTaken(code: string): Promise<boolean> {
    return Promise.resolve([...this.rows.values()].some((r) => r.join_code === code));
  }

  sessionsWithStatus(statuses: SessionRow['status'][]): Promise<SessionRow[]> {
    return Promise.resolve(
      [...this.rows.values()]
        .map((r) => this.project(r))
        .filter((r) => statuses.includes(r.status))
        .sort((a, b) => a.created_at.localeCompare(b.created_at)),
    );
  }

  sessionsForAccount(
    accountId: string | null,
  ): Promise<(SessionRow & { member_role: MemberRole | null })[]> {
    type Listed = SessionRow & { member_role: MemberRole | null };
    const rows = [...this.rows.values()].flatMap((r): Listed[] => {
      if (accountId === null) return [{ ...this.project(r), member_role: null }];
      const member = this.membersOf.get(r.id)?.get(accountId);
      return member ? [{ ...this.project(r), member_role: member.role }] : [];
    });
    rows.sort((a, b) => b.created_at.localeCompare(a.created_at));
    return Promise.resolve(rows.slice(0, 500));
  }

  teams(sessionId: string): Promise<TeamRef[]> {
    return Promise.resolve((this.teamsOf.get(sessionId) ?? []).map((t) => ({ ...t })));
  }

  memberRole(sessionId: string, accountId: string): Promise<MemberRole | undefined> {
    return Promise.resolve(this.membersOf.get(sessionId)?.get(accountId)?.role);
  }

  upsertMember(sessionId: string, accountId: string, role: MemberRole, at: string): Promise<void> {
    const members = this.membersOf.get(sessionId);
    if (!members) return Promise.reject(new Error(`no session ${sessionId}`));
    const prior = members.get(accountId);
    members.set(accountId, { account_id: accountId, role, added_at: prior?.added_at ?? at });
    return Promise.resolve();
  }

  removeMember(sessionId: string, accountId: string): Promise<number> {
    const members = this.membersOf.get(sessionId);
    const member = members?.get(accountId);
    if (!members || !member || member.role === 'owner') return Promise.resolve(0);
    members.delete(accountId);
    return Promise.resolve(1);
  }

  members(sessionId: string): Promise<MemberRow[]> {
    return Promise.resolve(
      [...(this.membersOf.get(sessionId)?.values() ?? [])]
        .map((m) => ({ ...m }))
        .sort((a, b) => a.added_at.localeCompare(b.added_at)),
    );
  }

  insertReviewLink(
    sessionId: string,
    tokenHash: string,
    label: string | null,
    at: string,
    expiresAt: string,
  ): Promise<void> {
    if (this.links.has(tokenHash)) return Promise.reject(new Error('review link exists'));
    this.links.set(tokenHash, {
      session_id: sessionId,
      label,
      created_at: at,
      expires_at: expiresAt,
      revoked_at: null,
    });
    return Promise.resolve();
  }

  reviewLink(tokenHash: string): Promise<ReviewLinkRow | undefined> {
    const link = this.links.get(tokenHash);
    if (!link) return Promise.resolve(undefined);
    return Promise.resolve({
      session_id: link.session_id,
      created_at: link.created_at,
      expires_at: link.expires_at,
      revoked_at: link.revoked_at,
    });
  }

  revokeReviewLinks(sessionId: string, at: string, tokenHash?: string): Promise<number> {
    let revoked = 0;
    for (const [hash, link] of this.links) {
      if (link.session_id !== sessionId || link.revoked_at !== null) continue;
      if (tokenHash !== undefined && hash !== tokenHash) continue;
      link.revoked_at = at;
      revoked += 1;
    }
    return Promise.resolve(revoked);
  }

  participant(id: string): Promise<ParticipantRow | undefined> {
    return Promise.resolve(this.allParticipants().find((p) => p.id === id));
  }

  participantByTokenHash(hash: string): Promise<ParticipantRow | undefined> {
    return Promise.resolve(this.allParticipants().find((p) => p.token_hash === hash));
  }

  participants(sessionId: string): Promise<ParticipantRow[]> {
    return Promise.resolve(
      this.events
        .participants(sessionId)
        .map(copy)
        .sort((a, b) => a.joined_at.localeCompare(b.joined_at) || a.id.localeCompare(b.id)),
    );
  }

  private allParticipants(): ParticipantRow[] {
    return [...this.rows.keys()].flatMap((id) => this.events.participants(id).map(copy));
  }
}

function copy(p: NewParticipant): ParticipantRow {
  return { ...p };
}
