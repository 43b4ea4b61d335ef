import { Inject, Injectable } from '@nestjs/common';
import type { LogEvent, MemberRole, Presence, SessionStatus, TeamRef } from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import type { SessionRowChange, StoredEvent } from './ports';
import { SQL_CLIENT, type SqlClient, type SqlExecutor, type SqlValue } from '../database/sql';

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
): SqlValue[] {
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

/** One SQL statement with its values. */
export type Statement = readonly [sql: string, params: SqlValue[]];

/** The append's statements (SqliteEventStore runs them in its transaction; the reads also below). */
export const HEAD_SQL = 'SELECT MAX(seq) AS head FROM events WHERE session_id = ?';
export const COMMAND_SQL =
  'SELECT seq, actor, command_digest AS digest FROM events WHERE session_id = ? AND command_id = ?';
const INSERT_EVENT_SQL = `INSERT INTO events (session_id, seq, at, time, team, role, participant, type, payload, command_id, actor, command_digest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Inserts one event (its seq already assigned); fails on a UNIQUE violation. */
export function insertEventStatement(sessionId: string, stored: StoredEvent): Statement {
  return [INSERT_EVENT_SQL, eventRowValues(sessionId, stored)];
}

/**
 * The sessions or participants row change a logged event makes (sessionRowChanges). A status of
 * `running` keeps the first start; `ended` sets ended_at.
 */
export function rowChangeStatement(sessionId: string, change: SessionRowChange): Statement {
  switch (change.kind) {
    case 'status':
      if (change.status === 'running') {
        return [
          'UPDATE sessions SET status = ?, started_at = COALESCE(started_at, ?) WHERE id = ?',
          [change.status, change.at, sessionId],
        ];
      }
      if (change.status === 'ended') {
        return [
          'UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?',
          [change.status, change.at, sessionId],
        ];
      }
      return ['UPDATE sessions SET status = ? WHERE id = ?', [change.status, sessionId]];
    case 'settings':
      return [
        'UPDATE sessions SET settings = ? WHERE id = ?',
        [JSON.stringify(change.settings), sessionId],
      ];
    case 'debriefReleased':
      return ['UPDATE sessions SET debrief_released = 1 WHERE id = ?', [sessionId]];
    case 'participantMoved':
      return [
        'UPDATE participants SET team_id = ?, role = ? WHERE id = ?',
        [change.team, change.role, change.participant],
      ];
  }
}

export function insertParticipantStatement(row: ParticipantRow): Statement {
  return [
    `INSERT INTO participants (id, session_id, display_name, team_id, role, token_hash, presence, joined_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.session_id,
      row.display_name,
      row.team_id,
      row.role,
      row.token_hash,
      row.presence,
      row.joined_at,
      row.last_seen_at,
    ],
  ];
}

/** Saves a checkpoint and keeps the last two: one spare if the latest turns out unreadable. */
export function checkpointStatements(
  sessionId: string,
  seq: number,
  teams: unknown,
  at: string,
): Statement[] {
  return [
    [
      `INSERT INTO checkpoints (session_id, seq, teams, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, seq) DO UPDATE SET teams = excluded.teams, created_at = excluded.created_at`,
      [sessionId, seq, JSON.stringify(teams), at],
    ],
    [
      `DELETE FROM checkpoints WHERE session_id = ? AND seq NOT IN
         (SELECT seq FROM checkpoints WHERE session_id = ? ORDER BY seq DESC LIMIT 2)`,
      [sessionId, sessionId],
    ],
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

type MemberListRow = { account_id: string; role: MemberRole; added_at: string };
type ReviewLinkState = {
  session_id: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
};

/** `?, ?, ?` for a list of values. */
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The event types `ix_events_type` holds, as its WHERE lists them (migration
 * LeanEventAppends1765152010000): the ones read by type. Chat is the only frequent one of them.
 */
const TYPE_INDEXED_EVENTS = [
  'broadcast.sent',
  'chat.message',
  'note.pinned',
  'session.ended',
  'session.paused',
  'session.resumed',
  'session.started',
];
const typeIndexed = new Set(TYPE_INDEXED_EVENTS);
const TYPE_INDEX_TERM = ` AND type IN (${TYPE_INDEXED_EVENTS.map((t) => `'${t}'`).join(', ')})`;

/**
 * `FROM events WHERE session_id = ? AND type IN (?, …)`, made to read the session's rows of these
 * types through ix_events_type where that reads fewer rows than the session's range of the key.
 * PostgreSQL's planner finds it alone. SQLite's, without statistics, always prefers the key of a
 * WITHOUT ROWID table (a whole session's range for a status event or a note), and uses a partial
 * index only for a query that repeats the index's WHERE as written, so on SQLite the index is named
 * and its WHERE repeated (same rows): for the rare types, and for chat within one team (read in seq
 * order from the index); the last chat lines of all teams are quicker backwards through the key.
 */
function eventsOfTypesFrom(
  dialect: SqlClient['dialect'],
  types: readonly string[],
  inOneTeam: boolean,
): string {
  const throughIndex =
    dialect === 'sqlite' &&
    types.length > 0 &&
    types.every((t) => typeIndexed.has(t)) &&
    (inOneTeam || !types.includes('chat.message'));
  return throughIndex
    ? `FROM events INDEXED BY ix_events_type WHERE session_id = ? AND type IN (${marks(types)})${TYPE_INDEX_TERM}`
    : `FROM events WHERE session_id = ? AND type IN (${marks(types)})`;
}

/**
 * Every SQL statement about sessions, in one place, on either engine (SqlClient: `?` placeholders
 * and SQL both SQLite and PostgreSQL accept). The writes that must commit together take an
 * executor: callers pass the `tx` of their `sql.transaction(...)`; without one a statement runs on
 * its own.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(SQL_CLIENT) readonly sql: SqlClient,
    @InjectPinoLogger('SessionStore') private readonly logger: PinoLogger,
  ) {}

  // ---- sessions ---------------------------------------------------------------------------

  /** The session row, its teams (in order) and its owner as a member, all or nothing. */
  insertSession(row: SessionRow, teams: TeamRef[]): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO sessions (id, scenario_id, scenario_version, rubric_version, settings, status, join_code,
           owner_id, debrief_released, created_at, started_at, ended_at, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
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
        ],
      );
      for (const [position, team] of teams.entries()) {
        await tx.run('INSERT INTO teams (session_id, id, name, position) VALUES (?, ?, ?, ?)', [
          row.id,
          team.id,
          team.name,
          position,
        ]);
      }
      await tx.run(
        'INSERT INTO session_members (session_id, account_id, role, added_at) VALUES (?, ?, ?, ?)',
        [row.id, row.owner_id, 'owner', row.created_at],
      );
    });
  }

  session(id: string): Promise<SessionRow | undefined> {
    return this.sql.get<SessionRow>('SELECT * FROM sessions WHERE id = ?', [id]);
  }

  sessionByJoinCode(code: string): Promise<SessionRow | undefined> {
    return this.sql.get<SessionRow>('SELECT * FROM sessions WHERE join_code = ?', [code]);
  }

  async joinCodeTaken(code: string): Promise<boolean> {
    return (
      (await this.sql.get('SELECT 1 AS taken FROM sessions WHERE join_code = ?', [code])) !==
      undefined
    );
  }

  sessionsWithStatus(statuses: SessionStatus[]): Promise<SessionRow[]> {
    return this.sql.all<SessionRow>(
      `SELECT * FROM sessions WHERE status IN (${marks(statuses)}) ORDER BY created_at`,
      statuses,
    );
  }

  sessionsForAccount(
    accountId: string | null,
  ): Promise<(SessionRow & { member_role: MemberRole | null })[]> {
    if (accountId === null) {
      return this.sql.all<SessionRow & { member_role: null }>(
        'SELECT s.*, NULL AS member_role FROM sessions s ORDER BY s.created_at DESC LIMIT 500',
      );
    }
    return this.sql.all<SessionRow & { member_role: MemberRole }>(
      `SELECT s.*, m.role AS member_role FROM sessions s
       JOIN session_members m ON m.session_id = s.id AND m.account_id = ?
       ORDER BY s.created_at DESC LIMIT 500`,
      [accountId],
    );
  }

  teams(sessionId: string): Promise<TeamRef[]> {
    return this.sql.all<TeamRef>(
      'SELECT id, name FROM teams WHERE session_id = ? ORDER BY position',
      [sessionId],
    );
  }

  // ---- members ------------------------------------------------------------------------------

  async memberRole(sessionId: string, accountId: string): Promise<MemberRole | undefined> {
    const row = await this.sql.get<{ role: MemberRole }>(
      'SELECT role FROM session_members WHERE session_id = ? AND account_id = ?',
      [sessionId, accountId],
    );
    return row?.role;
  }

  async upsertMember(
    sessionId: string,
    accountId: string,
    role: MemberRole,
    at: string,
  ): Promise<void> {
    await this.sql.run(
      `INSERT INTO session_members (session_id, account_id, role, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, account_id) DO UPDATE SET role = excluded.role`,
      [sessionId, accountId, role, at],
    );
  }

  /**
   * Takes a co-facilitator or observer off a session. The session also leaves any course of theirs
   * (a member may file a session in a course of their own): a course must not go on showing a
   * removed member the session's scores and trainees, nor keep its owner from filing it elsewhere.
   */
  removeMember(sessionId: string, accountId: string): Promise<number> {
    return this.sql.transaction(async (tx) => {
      const { changes } = await tx.run(
        "DELETE FROM session_members WHERE session_id = ? AND account_id = ? AND role <> 'owner'",
        [sessionId, accountId],
      );
      if (changes > 0)
        await tx.run(
          `DELETE FROM course_sessions WHERE session_id = ?
           AND course_id IN (SELECT id FROM courses WHERE owner_id = ?)`,
          [sessionId, accountId],
        );
      return changes;
    });
  }

  members(sessionId: string): Promise<MemberListRow[]> {
    return this.sql.all<MemberListRow>(
      'SELECT account_id, role, added_at FROM session_members WHERE session_id = ? ORDER BY added_at',
      [sessionId],
    );
  }

  // ---- review links ---------------------------------------------------------------------------

  async insertReviewLink(
    sessionId: string,
    tokenHash: string,
    label: string | null,
    at: string,
    expiresAt: string,
  ): Promise<void> {
    await this.sql.run(
      'INSERT INTO review_links (session_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [sessionId, tokenHash, label, at, expiresAt],
    );
  }

  /** A review link by its token hash, live or not. */
  reviewLink(tokenHash: string): Promise<ReviewLinkState | undefined> {
    return this.sql.get<ReviewLinkState>(
      'SELECT session_id, created_at, expires_at, revoked_at FROM review_links WHERE token_hash = ?',
      [tokenHash],
    );
  }

  /** Revokes one link of a session (by token hash) or all of them; returns how many. */
  async revokeReviewLinks(sessionId: string, at: string, tokenHash?: string): Promise<number> {
    const sql =
      'UPDATE review_links SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL' +
      (tokenHash === undefined ? '' : ' AND token_hash = ?');
    const params = tokenHash === undefined ? [at, sessionId] : [at, sessionId, tokenHash];
    return (await this.sql.run(sql, params)).changes;
  }

  // ---- participants -----------------------------------------------------------------------

  participantByTokenHash(hash: string): Promise<ParticipantRow | undefined> {
    return this.sql.get<ParticipantRow>('SELECT * FROM participants WHERE token_hash = ?', [hash]);
  }

  participant(id: string): Promise<ParticipantRow | undefined> {
    return this.sql.get<ParticipantRow>('SELECT * FROM participants WHERE id = ?', [id]);
  }

  participants(sessionId: string): Promise<ParticipantRow[]> {
    return this.sql.all<ParticipantRow>(
      'SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id',
      [sessionId],
    );
  }

  async countParticipants(sessionId: string): Promise<number> {
    const row = await this.sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM participants WHERE session_id = ?',
      [sessionId],
    );
    return row?.n ?? 0;
  }

  private readonly pendingPresence: { id: string; presence: Presence; at: string }[] = [];
  private presenceTimer: NodeJS.Timeout | null = null;
  /** The batch being written: batches commit one after the other, so the last change wins. */
  private presenceWrite: Promise<void> = Promise.resolve();

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
      this.flushPresence().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'presence not saved'),
      );
    }, PRESENCE_BATCH_MS);
    this.presenceTimer.unref();
  }

  /**
   * Writes the queued presence changes now, in one transaction, after any batch still being
   * written (on PostgreSQL two transactions on two connections could otherwise commit out of order).
   */
  flushPresence(): Promise<void> {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    const changes = this.pendingPresence.splice(0);
    const write = this.presenceWrite.then(async () => {
      if (changes.length === 0) return;
      await this.sql.transaction(async (tx) => {
        for (const c of changes) await this.setPresence(c.id, c.presence, c.at, tx);
      });
    });
    this.presenceWrite = write.catch(() => undefined);
    return write;
  }

  async setPresence(
    id: string,
    presence: Presence,
    at: string,
    db: SqlExecutor = this.sql,
  ): Promise<void> {
    await db.run('UPDATE participants SET presence = ?, last_seen_at = ? WHERE id = ?', [
      presence,
      at,
      id,
    ]);
    // Kept for hours of play and attendance (participation report).
    await db.run(
      'INSERT INTO presence_log (session_id, participant_id, presence, at) SELECT session_id, id, ?, ? FROM participants WHERE id = ?',
      [presence, at, id],
    );
  }

  // ---- events -------------------------------------------------------------------------------

  async head(sessionId: string): Promise<number> {
    const row = await this.sql.get<{ head: number | null }>(HEAD_SQL, [sessionId]);
    return row?.head ?? 0;
  }

  /** The seq and actor of the event that recorded this command, if it was applied. */
  command(
    sessionId: string,
    commandId: string,
  ): Promise<{ seq: number; actor: string | null; digest: string | null } | undefined> {
    return this.sql.get<{ seq: number; actor: string | null; digest: string | null }>(COMMAND_SQL, [
      sessionId,
      commandId,
    ]);
  }

  /** Events with seq > afterSeq in seq order; at most `limit` when given. */
  async eventsAfter(sessionId: string, afterSeq: number, limit?: number): Promise<LogEvent[]> {
    const rows =
      limit === undefined
        ? await this.sql.all<EventRow>(
            'SELECT * FROM events WHERE session_id = ? AND seq > ? ORDER BY seq',
            [sessionId, afterSeq],
          )
        : await this.sql.all<EventRow>(
            'SELECT * FROM events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
            [sessionId, afterSeq, limit],
          );
    return rows.map(rowToEvent);
  }

  /** Every event of the given types, in seq order. */
  async eventsOfTypes(sessionId: string, types: readonly string[]): Promise<LogEvent[]> {
    const rows = await this.sql.all<EventRow>(
      `SELECT * ${eventsOfTypesFrom(this.sql.dialect, types, false)} ORDER BY seq`,
      [sessionId, ...types],
    );
    return rows.map(rowToEvent);
  }

  /** The last `limit` events of the given types, oldest first. */
  async lastEventsOfTypes(sessionId: string, types: string[], limit: number): Promise<LogEvent[]> {
    const rows = await this.sql.all<EventRow>(
      `SELECT * ${eventsOfTypesFrom(this.sql.dialect, types, false)} ORDER BY seq DESC LIMIT ?`,
      [sessionId, ...types, limit],
    );
    return rows.reverse().map(rowToEvent);
  }

  /** The last `limit` events of the given types in one team, oldest first. */
  async lastEventsOfTeam(
    sessionId: string,
    team: string,
    types: string[],
    limit: number,
  ): Promise<LogEvent[]> {
    const rows = await this.sql.all<EventRow>(
      `SELECT * ${eventsOfTypesFrom(this.sql.dialect, types, true)} AND team = ?
       ORDER BY seq DESC LIMIT ?`,
      [sessionId, ...types, team, limit],
    );
    return rows.reverse().map(rowToEvent);
  }

  /** The last `limit` events not of the given types, oldest first. */
  async lastEventsExcept(sessionId: string, types: string[], limit: number): Promise<LogEvent[]> {
    const rows = await this.sql.all<EventRow>(
      `SELECT * FROM events WHERE session_id = ? AND type NOT IN (${marks(types)}) ORDER BY seq DESC LIMIT ?`,
      [sessionId, ...types, limit],
    );
    return rows.reverse().map(rowToEvent);
  }

  /** Pinned notes with their author (actor), oldest first. */
  async notes(
    sessionId: string,
    limit: number,
  ): Promise<{ event: Extract<LogEvent, { type: 'note.pinned' }>; actor: string | null }[]> {
    const rows = await this.sql.all<EventRow>(
      `SELECT * ${eventsOfTypesFrom(this.sql.dialect, ['note.pinned'], false)} ORDER BY seq DESC LIMIT ?`,
      [sessionId, 'note.pinned', limit],
    );
    return rows.reverse().map((row) => ({
      event: rowToEvent(row) as Extract<LogEvent, { type: 'note.pinned' }>,
      actor: row.actor,
    }));
  }

  /** Every event of a session, in seq order, a page at a time (for exports). */
  async *allEvents(sessionId: string, pageSize = 1000): AsyncGenerator<LogEvent> {
    let after = 0;
    for (;;) {
      const page = await this.eventsAfter(sessionId, after, pageSize);
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1]?.seq ?? after;
    }
  }

  // ---- checkpoints -------------------------------------------------------------------------

  async latestCheckpoint(sessionId: string): Promise<{ seq: number; teams: unknown } | undefined> {
    const row = await this.sql.get<{ seq: number; teams: string }>(
      'SELECT seq, teams FROM checkpoints WHERE session_id = ? ORDER BY seq DESC LIMIT 1',
      [sessionId],
    );
    return row ? { seq: row.seq, teams: JSON.parse(row.teams) as unknown } : undefined;
  }
}
