import { Injectable } from '@nestjs/common';
import type {
  LogEvent,
  MemberRole,
  Presence,
  SessionSettings,
  SessionStatus,
  TeamRef,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import type { StoredEvent } from './ports';
import { Sqlite } from './sqlite';

export type { StoredEvent } from './ports';

/** How long presence changes are gathered before they are written in one transaction. */
const PRESENCE_BATCH_MS = 250;

export interface SessionRow {
  id: string;
  scenario_id: string;
  scenario_version: string;
  rubric_version: string | null;
  settings: string;
  status: SessionStatus;
  join_code: string;
  owner_id: string;
  debrief_released: number;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  /** SessionDetails as JSON; NULL when none were given (or before SessionDetails1765065600000). */
  details: string | null;
}

export interface ParticipantRow {
  id: string;
  session_id: string;
  display_name: string;
  team_id: string | null;
  role: string | null;
  token_hash: string;
  presence: Presence;
  joined_at: string;
  last_seen_at: string | null;
}

interface EventRow {
  session_id: string;
  seq: number;
  at: string;
  time: number | null;
  team: string | null;
  role: string | null;
  participant: string | null;
  type: string;
  payload: string;
  command_id: string | null;
  actor: string | null;
}

/** The values of one events row, in the column order both stores insert them. */
export function eventRowValues(
  sessionId: string,
  { event, commandId, actor, commandDigest }: StoredEvent,
): unknown[] {
  return [
    sessionId,
    event.seq,
    event.at,
    event.time,
    event.team,
    event.role,
    event.participant,
    event.type,
    JSON.stringify(event.payload),
    commandId,
    actor,
    commandDigest ?? null,
  ];
}

export function rowToEvent(row: EventRow): LogEvent {
  // The payload was validated against logEventSchema before it was written.
  return {
    seq: row.seq,
    at: row.at,
    time: row.time,
    team: row.team,
    role: row.role,
    participant: row.participant,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
  } as LogEvent;
}

/**
 * Every SQL statement about sessions, in one place. All methods are synchronous (better-sqlite3);
 * callers compose them inside `sqlite.immediate(...)` when several must commit together.
 */
@Injectable()
export class SessionStore {
  constructor(
    readonly sqlite: Sqlite,
    @InjectPinoLogger('SessionStore') private readonly logger: PinoLogger,
  ) {}

  // ---- sessions ---------------------------------------------------------------------------

  insertSession(row: SessionRow, teams: TeamRef[]): void {
    this.sqlite.immediate(() => {
      this.sqlite
        .sql(
          `INSERT INTO sessions (id, scenario_id, scenario_version, rubric_version, settings, status, join_code,
             owner_id, debrief_released, created_at, started_at, ended_at, details)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.id,
          row.scenario_id,
          row.scenario_version,
          row.rubric_version,
          row.settings,
          row.status,
          row.join_code,
          row.owner_id,
          row.debrief_released,
          row.created_at,
          row.started_at,
          row.ended_at,
          row.details,
        );
      teams.forEach((team, position) => {
        this.sqlite
          .sql('INSERT INTO teams (session_id, id, name, position) VALUES (?, ?, ?, ?)')
          .run(row.id, team.id, team.name, position);
      });
      this.sqlite
        .sql(
          'INSERT INTO session_members (session_id, account_id, role, added_at) VALUES (?, ?, ?, ?)',
        )
        .run(row.id, row.owner_id, 'owner', row.created_at);
    });
  }

  session(id: string): SessionRow | undefined {
    return this.sqlite.sql('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  }

  sessionByJoinCode(code: string): SessionRow | undefined {
    return this.sqlite.sql('SELECT * FROM sessions WHERE join_code = ?').get(code) as
      SessionRow | undefined;
  }

  joinCodeTaken(code: string): boolean {
    return this.sqlite.sql('SELECT 1 FROM sessions WHERE join_code = ?').get(code) !== undefined;
  }

  sessionsWithStatus(statuses: SessionStatus[]): SessionRow[] {
    const marks = statuses.map(() => '?').join(', ');
    return this.sqlite
      .sql(`SELECT * FROM sessions WHERE status IN (${marks}) ORDER BY created_at`)
      .all(...statuses) as SessionRow[];
  }

  sessionsForAccount(
    accountId: string | null,
  ): (SessionRow & { member_role: MemberRole | null })[] {
    if (accountId === null) {
      return this.sqlite
        .sql('SELECT s.*, NULL AS member_role FROM sessions s ORDER BY s.created_at DESC LIMIT 500')
        .all() as (SessionRow & { member_role: null })[];
    }
    return this.sqlite
      .sql(
        `SELECT s.*, m.role AS member_role FROM sessions s
         JOIN session_members m ON m.session_id = s.id AND m.account_id = ?
         ORDER BY s.created_at DESC LIMIT 500`,
      )
      .all(accountId) as (SessionRow & { member_role: MemberRole })[];
  }

  setStatus(id: string, status: SessionStatus, at: string): void {
    const column = status === 'running' ? 'started_at' : status === 'ended' ? 'ended_at' : null;
    if (column === 'started_at') {
      this.sqlite
        .sql('UPDATE sessions SET status = ?, started_at = COALESCE(started_at, ?) WHERE id = ?')
        .run(status, at, id);
    } else if (column === 'ended_at') {
      this.sqlite
        .sql('UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?')
        .run(status, at, id);
    } else {
      this.sqlite.sql('UPDATE sessions SET status = ? WHERE id = ?').run(status, id);
    }
  }

  setSettings(id: string, settings: SessionSettings): void {
    this.sqlite
      .sql('UPDATE sessions SET settings = ? WHERE id = ?')
      .run(JSON.stringify(settings), id);
  }

  setDebriefReleased(id: string): void {
    this.sqlite.sql('UPDATE sessions SET debrief_released = 1 WHERE id = ?').run(id);
  }

  teams(sessionId: string): TeamRef[] {
    return this.sqlite
      .sql('SELECT id, name FROM teams WHERE session_id = ? ORDER BY position')
      .all(sessionId) as TeamRef[];
  }

  // ---- members ------------------------------------------------------------------------------

  memberRole(sessionId: string, accountId: string): MemberRole | undefined {
    const row = this.sqlite
      .sql('SELECT role FROM session_members WHERE session_id = ? AND account_id = ?')
      .get(sessionId, accountId) as { role: MemberRole } | undefined;
    return row?.role;
  }

  upsertMember(sessionId: string, accountId: string, role: MemberRole, at: string): void {
    this.sqlite
      .sql(
        `INSERT INTO session_members (session_id, account_id, role, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, account_id) DO UPDATE SET role = excluded.role`,
      )
      .run(sessionId, accountId, role, at);
  }

  removeMember(sessionId: string, accountId: string): number {
    return this.sqlite
      .sql(
        "DELETE FROM session_members WHERE session_id = ? AND account_id = ? AND role <> 'owner'",
      )
      .run(sessionId, accountId).changes;
  }

  members(sessionId: string): { account_id: string; role: MemberRole; added_at: string }[] {
    return this.sqlite
      .sql(
        'SELECT account_id, role, added_at FROM session_members WHERE session_id = ? ORDER BY added_at',
      )
      .all(sessionId) as { account_id: string; role: MemberRole; added_at: string }[];
  }

  // ---- review links ---------------------------------------------------------------------------

  insertReviewLink(
    sessionId: string,
    tokenHash: string,
    label: string | null,
    at: string,
    expiresAt: string,
  ): void {
    this.sqlite
      .sql(
        'INSERT INTO review_links (session_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(sessionId, tokenHash, label, at, expiresAt);
  }

  /** The session a live review link opens (not revoked, not past its expiry), else undefined. */
  reviewLinkSession(tokenHash: string, now = Date.now()): string | undefined {
    const link = this.reviewLink(tokenHash);
    if (!link || link.revoked_at !== null) return undefined;
    if (link.expires_at !== null && Date.parse(link.expires_at) <= now) return undefined;
    return link.session_id;
  }

  /** A review link by its token hash, live or not. */
  reviewLink(tokenHash: string):
    | {
        session_id: string;
        created_at: string;
        expires_at: string | null;
        revoked_at: string | null;
      }
    | undefined {
    return this.sqlite
      .sql(
        'SELECT session_id, created_at, expires_at, revoked_at FROM review_links WHERE token_hash = ?',
      )
      .get(tokenHash) as
      | {
          session_id: string;
          created_at: string;
          expires_at: string | null;
          revoked_at: string | null;
        }
      | undefined;
  }

  /** Revokes one link of a session (by token hash) or all of them; returns how many. */
  revokeReviewLinks(sessionId: string, at: string, tokenHash?: string): number {
    const sql =
      'UPDATE review_links SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL' +
      (tokenHash === undefined ? '' : ' AND token_hash = ?');
    const params = tokenHash === undefined ? [at, sessionId] : [at, sessionId, tokenHash];
    return this.sqlite.sql(sql).run(...params).changes;
  }

  // ---- participants -----------------------------------------------------------------------

  insertParticipant(row: ParticipantRow): void {
    this.sqlite
      .sql(
        `INSERT INTO participants (id, session_id, display_name, team_id, role, token_hash, presence, joined_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.session_id,
        row.display_name,
        row.team_id,
        row.role,
        row.token_hash,
        row.presence,
        row.joined_at,
        row.last_seen_at,
      );
  }

  participantByTokenHash(hash: string): ParticipantRow | undefined {
    return this.sqlite.sql('SELECT * FROM participants WHERE token_hash = ?').get(hash) as
      ParticipantRow | undefined;
  }

  participant(id: string): ParticipantRow | undefined {
    return this.sqlite.sql('SELECT * FROM participants WHERE id = ?').get(id) as
      ParticipantRow | undefined;
  }

  participants(sessionId: string): ParticipantRow[] {
    return this.sqlite
      .sql('SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id')
      .all(sessionId) as ParticipantRow[];
  }

  countParticipants(sessionId: string): number {
    return (
      this.sqlite
        .sql('SELECT COUNT(*) AS n FROM participants WHERE session_id = ?')
        .get(sessionId) as {
        n: number;
      }
    ).n;
  }

  moveParticipant(id: string, team: string, role: string): void {
    this.sqlite
      .sql('UPDATE participants SET team_id = ?, role = ? WHERE id = ?')
      .run(team, role, id);
  }

  private readonly pendingPresence: { id: string; presence: Presence; at: string }[] = [];
  private presenceTimer: NodeJS.Timeout | null = null;

  /**
   * Presence changes are written in batches, one transaction per PRESENCE_BATCH_MS: after a network
   * blip a whole room reconnects at once, and one write per change made the database the slowest
   * part of the reconnect storm. Memory holds the current presence; a crash may lose the last
   * fraction of a second of the presence log, never an event. Readers of presence_log call
   * flushPresence() first.
   */
  queuePresence(change: { id: string; presence: Presence; at: string }): void {
    this.pendingPresence.push(change);
    if (this.presenceTimer) return;
    this.presenceTimer = setTimeout(() => {
      try {
        this.flushPresence();
      } catch (error) {
        this.logger.warn({ err: error }, 'presence not saved');
      }
    }, PRESENCE_BATCH_MS);
    this.presenceTimer.unref();
  }

  /** Writes the queued presence changes now, in one transaction. */
  flushPresence(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    const changes = this.pendingPresence.splice(0);
    if (changes.length === 0) return;
    this.sqlite.immediate(() => {
      for (const c of changes) this.setPresence(c.id, c.presence, c.at);
    });
  }

  setPresence(id: string, presence: Presence, at: string): void {
    this.sqlite
      .sql('UPDATE participants SET presence = ?, last_seen_at = ? WHERE id = ?')
      .run(presence, at, id);
    // Kept for hours of play and attendance (participation report).
    this.sqlite
      .sql(
        'INSERT INTO presence_log (session_id, participant_id, presence, at) SELECT session_id, id, ?, ? FROM participants WHERE id = ?',
      )
      .run(presence, at, id);
  }

  // ---- events -------------------------------------------------------------------------------

  head(sessionId: string): number {
    const row = this.sqlite
      .sql('SELECT MAX(seq) AS head FROM events WHERE session_id = ?')
      .get(sessionId) as { head: number | null };
    return row.head ?? 0;
  }

  /** Inserts events (their seq already assigned). Throws on a UNIQUE violation. */
  insertEvents(sessionId: string, events: StoredEvent[]): void {
    const insert = this.sqlite.sql(
      `INSERT INTO events (session_id, seq, at, time, team, role, participant, type, payload, command_id, actor, command_digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const stored of events) insert.run(...eventRowValues(sessionId, stored));
  }

  /** The seq and actor of the event that recorded this command, if it was applied. */
  command(
    sessionId: string,
    commandId: string,
  ): { seq: number; actor: string | null; digest: string | null } | undefined {
    return this.sqlite
      .sql(
        'SELECT seq, actor, command_digest AS digest FROM events WHERE session_id = ? AND command_id = ?',
      )
      .get(sessionId, commandId) as
      { seq: number; actor: string | null; digest: string | null } | undefined;
  }

  eventsAfter(sessionId: string, afterSeq: number, limit = -1): LogEvent[] {
    return (
      this.sqlite
        .sql('SELECT * FROM events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?')
        .all(sessionId, afterSeq, limit) as EventRow[]
    ).map(rowToEvent);
  }

  /** The last `limit` events of the given types, oldest first. */
  lastEventsOfTypes(sessionId: string, types: string[], limit: number): LogEvent[] {
    const marks = types.map(() => '?').join(', ');
    const rows = this.sqlite
      .sql(
        `SELECT * FROM events WHERE session_id = ? AND type IN (${marks}) ORDER BY seq DESC LIMIT ?`,
      )
      .all(sessionId, ...types, limit) as EventRow[];
    return rows.reverse().map(rowToEvent);
  }

  /** The last `limit` events of the given types in one team, oldest first. */
  lastEventsOfTeam(sessionId: string, team: string, types: string[], limit: number): LogEvent[] {
    const marks = types.map(() => '?').join(', ');
    const rows = this.sqlite
      .sql(
        `SELECT * FROM events WHERE session_id = ? AND type IN (${marks}) AND team = ?
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(sessionId, ...types, team, limit) as EventRow[];
    return rows.reverse().map(rowToEvent);
  }

  /** The last `limit` events not of the given types, oldest first. */
  lastEventsExcept(sessionId: string, types: string[], limit: number): LogEvent[] {
    const marks = types.map(() => '?').join(', ');
    const rows = this.sqlite
      .sql(
        `SELECT * FROM events WHERE session_id = ? AND type NOT IN (${marks}) ORDER BY seq DESC LIMIT ?`,
      )
      .all(sessionId, ...types, limit) as EventRow[];
    return rows.reverse().map(rowToEvent);
  }

  /** Pinned notes with their author (actor), oldest first. */
  notes(
    sessionId: string,
    limit: number,
  ): { event: Extract<LogEvent, { type: 'note.pinned' }>; actor: string | null }[] {
    const rows = this.sqlite
      .sql(
        `SELECT * FROM events WHERE session_id = ? AND type = 'note.pinned' ORDER BY seq DESC LIMIT ?`,
      )
      .all(sessionId, limit) as EventRow[];
    return rows.reverse().map((row) => ({
      event: rowToEvent(row) as Extract<LogEvent, { type: 'note.pinned' }>,
      actor: row.actor,
    }));
  }

  /** Every event of a session, in seq order, a page at a time (for exports). */
  *allEvents(sessionId: string, pageSize = 1000): Generator<LogEvent> {
    let after = 0;
    for (;;) {
      const page = this.eventsAfter(sessionId, after, pageSize);
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1]?.seq ?? after;
    }
  }

  // ---- checkpoints -------------------------------------------------------------------------

  saveCheckpoint(sessionId: string, seq: number, teams: unknown, at: string): void {
    this.sqlite
      .sql(
        'INSERT OR REPLACE INTO checkpoints (session_id, seq, teams, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(sessionId, seq, JSON.stringify(teams), at);
    // Keep the last two: one spare if the latest turns out unreadable.
    this.sqlite
      .sql(
        `DELETE FROM checkpoints WHERE session_id = ? AND seq NOT IN
           (SELECT seq FROM checkpoints WHERE session_id = ? ORDER BY seq DESC LIMIT 2)`,
      )
      .run(sessionId, sessionId);
  }

  latestCheckpoint(sessionId: string): { seq: number; teams: unknown } | undefined {
    const row = this.sqlite
      .sql('SELECT seq, teams FROM checkpoints WHERE session_id = ? ORDER BY seq DESC LIMIT 1')
      .get(sessionId) as { seq: number; teams: string } | undefined;
    return row ? { seq: row.seq, teams: JSON.parse(row.teams) as unknown } : undefined;
  }
}
