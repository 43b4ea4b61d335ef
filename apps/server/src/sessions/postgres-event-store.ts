import { Injectable } from '@nestjs/common';
import type { LogEvent } from '@crossroads/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import {
  sessionRowChanges,
  type AppendRequest,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type NewParticipant,
  type RecordedCommand,
  type StoredEvent,
} from './ports';
import { fenceHolds, fenceQuery } from './session-leases';
import { eventRowValues, rowToEvent } from './session-store';

/**
 * First key of the advisory locks taken here (the second is the session): "CROS" in ASCII, so
 * these locks never meet another user of pg_advisory_xact_lock on the same database.
 */
const LOCK_NAMESPACE = 0x43524f53;

/** Columns of one events row, in the order of the INSERT below. */
const EVENT_COLUMNS = 12;

class Stale extends Error {
  constructor(readonly head: number) {
    super('stale head');
  }
}
class Duplicate extends Error {
  constructor(readonly seq: number) {
    super('duplicate command');
  }
}
class Fenced extends Error {
  constructor(readonly holder: { owner: string; token: number } | null) {
    super('session lease lost');
  }
}

/** True for PostgreSQL's unique_violation (a primary key or UNIQUE constraint refused a row). */
export function isPostgresUniqueViolation(error: unknown): boolean {
  const codeOf = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && 'code' in value
      ? (value as { code: unknown }).code
      : undefined;
  const driverError =
    typeof error === 'object' && error !== null && 'driverError' in error
      ? (error as { driverError: unknown }).driverError
      : undefined;
  return codeOf(error) === '23505' || codeOf(driverError) === '23505';
}

/**
 * The EventStore on PostgreSQL, for servers that share one database. Appends are serialised per
 * session by the database, never by this process's memory: each append is one transaction that
 * first takes a transaction-scoped advisory lock on the session, so concurrent writers (in this
 * process or any other) queue there and each sees the head its predecessor committed. The
 * primary key (session_id, seq) and UNIQUE (session_id, command_id) stand behind the lock: a
 * writer that did not take it still cannot insert a second event at a seq or record a command
 * twice, and its violation is answered as `stale` or `duplicate`, as the port says.
 *
 * Every method uses the DataSource's pool; an append holds one connection from BEGIN to COMMIT.
 */
@Injectable()
export class PostgresEventStore implements EventStore {
  constructor(private readonly dataSource: DataSource) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const { events, expectedHead } = request;
    if (events.length === 0) throw new Error('append needs at least one event');
    events.forEach((stored, i) => {
      if (stored.event.seq !== expectedHead + i + 1) {
        throw new Error(
          `event ${i} has seq ${stored.event.seq}, expected ${expectedHead + i + 1} (after the expected head)`,
        );
      }
    });
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        await this.appendIn(runner, request);
        await runner.commitTransaction();
        return { kind: 'appended' };
      } catch (error) {
        await runner.rollbackTransaction();
        if (error instanceof Stale) return { kind: 'stale', head: error.head };
        if (error instanceof Duplicate) return { kind: 'duplicate', seq: error.seq };
        if (error instanceof Fenced) return { kind: 'fenced', holder: error.holder };
        if (isPostgresUniqueViolation(error)) return await this.afterViolation(request);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private async appendIn(runner: QueryRunner, request: AppendRequest): Promise<void> {
    const { sessionId } = request;
    await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LOCK_NAMESPACE,
      sessionId,
    ]);
    if (request.fence) {
      const [lease] = (await runner.query(fenceQuery('postgres').replace('?', '$1'), [
        sessionId,
      ])) as { owner: string; token: number }[];
      if (!fenceHolds(request.fence, lease)) {
        throw new Fenced(lease ? { owner: lease.owner, token: Number(lease.token) } : null);
      }
    }
    const head = await this.headIn(runner, sessionId);
    if (head !== request.expectedHead) throw new Stale(head);
    if (request.commandId !== undefined) {
      const prior = await this.commandIn(runner, sessionId, request.commandId);
      if (prior) throw new Duplicate(prior.seq);
    }
    await this.insertEvents(runner, sessionId, request.events);
    if (request.participant) await this.insertParticipant(runner, request.participant);
    for (const { event } of request.events) {
      for (const change of sessionRowChanges(event)) {
        if (change.kind === 'status') {
          // A resume keeps the first start; only the end sets ended_at.
          await runner.query(
            `UPDATE sessions SET status = $1::varchar,
                    started_at = CASE WHEN $1::varchar = 'running' THEN COALESCE(started_at, $2::varchar) ELSE started_at END,
                    ended_at = CASE WHEN $1::varchar = 'ended' THEN $2::varchar ELSE ended_at END
              WHERE id = $3`,
            [change.status, change.at, sessionId],
          );
        } else if (change.kind === 'settings') {
          await runner.query('UPDATE sessions SET settings = $1 WHERE id = $2', [
            JSON.stringify(change.settings),
            sessionId,
          ]);
        } else if (change.kind === 'debriefReleased') {
          await runner.query('UPDATE sessions SET debrief_released = 1 WHERE id = $1', [sessionId]);
        } else {
          await runner.query('UPDATE participants SET team_id = $1, role = $2 WHERE id = $3', [
            change.team,
            change.role,
            change.participant,
          ]);
        }
      }
    }
    if (request.checkpoint) await this.saveCheckpoint(runner, sessionId, request.checkpoint);
  }

  private async insertEvents(
    runner: QueryRunner,
    sessionId: string,
    events: StoredEvent[],
  ): Promise<void> {
    // One statement for the whole batch: one round trip however many events a command made.
    const params: unknown[] = [];
    const rows = events.map((stored, row) => {
      params.push(...eventRowValues(sessionId, stored));
      const marks = Array.from(
        { length: EVENT_COLUMNS },
        (_, i) => `$${row * EVENT_COLUMNS + i + 1}`,
      );
      return `(${marks.join(', ')})`;
    });
    await runner.query(
      `INSERT INTO events (session_id, seq, at, time, team, role, participant, type, payload, command_id, actor, command_digest)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }

  private async insertParticipant(runner: QueryRunner, row: NewParticipant): Promise<void> {
    await runner.query(
      `INSERT INTO participants (id, session_id, display_name, team_id, role, token_hash, presence, joined_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
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
    );
  }

  private async saveCheckpoint(
    runner: QueryRunner,
    sessionId: string,
    checkpoint: Checkpoint,
  ): Promise<void> {
    await runner.query(
      `INSERT INTO checkpoints (session_id, seq, teams, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, seq) DO UPDATE SET teams = EXCLUDED.teams, created_at = EXCLUDED.created_at`,
      [sessionId, checkpoint.seq, JSON.stringify(checkpoint.teams), checkpoint.at],
    );
    // Keep the last two: one spare if the latest turns out unreadable.
    await runner.query(
      `DELETE FROM checkpoints WHERE session_id = $1 AND seq NOT IN
         (SELECT seq FROM checkpoints WHERE session_id = $1 ORDER BY seq DESC LIMIT 2)`,
      [sessionId],
    );
  }

  /** A unique key refused the insert: the command was recorded meanwhile, or the head moved. */
  private async afterViolation(request: AppendRequest): Promise<AppendResult> {
    const commandId =
      request.commandId ?? request.events.find((e) => e.commandId !== null)?.commandId ?? null;
    const prior = commandId === null ? undefined : await this.command(request.sessionId, commandId);
    if (prior) return { kind: 'duplicate', seq: prior.seq };
    return { kind: 'stale', head: await this.head(request.sessionId) };
  }

  async readFrom(sessionId: string, afterSeq: number, limit?: number): Promise<LogEvent[]> {
    // LIMIT NULL is no limit.
    const rows = (await this.dataSource.query(
      'SELECT * FROM events WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [sessionId, afterSeq, limit ?? null],
    )) as Parameters<typeof rowToEvent>[0][];
    return rows.map(rowToEvent);
  }

  async readTypes(sessionId: string, types: readonly string[]): Promise<LogEvent[]> {
    const rows = (await this.dataSource.query(
      'SELECT * FROM events WHERE session_id = $1 AND type = ANY($2) ORDER BY seq',
      [sessionId, [...types]],
    )) as Parameters<typeof rowToEvent>[0][];
    return rows.map(rowToEvent);
  }

  head(sessionId: string): Promise<number> {
    return this.headIn(this.dataSource, sessionId);
  }

  async latestCheckpoint(sessionId: string): Promise<Omit<Checkpoint, 'at'> | undefined> {
    const rows = (await this.dataSource.query(
      'SELECT seq, teams FROM checkpoints WHERE session_id = $1 ORDER BY seq DESC LIMIT 1',
      [sessionId],
    )) as { seq: number; teams: string }[];
    const row = rows[0];
    return row ? { seq: row.seq, teams: JSON.parse(row.teams) as unknown } : undefined;
  }

  command(sessionId: string, commandId: string): Promise<RecordedCommand | undefined> {
    return this.commandIn(this.dataSource, sessionId, commandId);
  }

  private async headIn(
    db: Pick<DataSource | QueryRunner, 'query'>,
    sessionId: string,
  ): Promise<number> {
    const rows = (await db.query(
      'SELECT COALESCE(MAX(seq), 0) AS head FROM events WHERE session_id = $1',
      [sessionId],
    )) as { head: number }[];
    return Number(rows[0]?.head ?? 0);
  }

  private async commandIn(
    db: Pick<DataSource | QueryRunner, 'query'>,
    sessionId: string,
    commandId: string,
  ): Promise<RecordedCommand | undefined> {
    const rows = (await db.query(
      'SELECT seq, actor, command_digest AS digest FROM events WHERE session_id = $1 AND command_id = $2',
      [sessionId, commandId],
    )) as RecordedCommand[];
    return rows[0];
  }
}
