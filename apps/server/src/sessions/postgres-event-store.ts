import { Injectable } from '@nestjs/common';
import type { LogEvent } from '@crossroads/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import type { SqlValue } from '../database/sql';
import {
  sessionRowChanges,
  type AppendRequest,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type RecordedCommand,
} from './ports';
import { fenceHolds, fenceQuery } from './session-leases';
import { eventRowValues, rowToEvent } from './session-store';

/**
 * First key of the advisory locks taken here (the second is the session): "CROS" in ASCII, so
 * these locks never meet another user of pg_advisory_xact_lock on the same database.
 */
const LOCK_NAMESPACE = 0x43524f53;

/** The part of node-postgres' pooled client append() uses (simple-protocol queries). */
interface PgClient {
  query(text: string): Promise<PgResult | PgResult[]>;
  escapeLiteral(value: string): string;
}
interface PgResult {
  rows: Record<string, unknown>[];
}

/** Gives a runner's connection back to the pool as broken (the pool closes it). */
async function discard(runner: QueryRunner, error: unknown): Promise<void> {
  // TypeORM's postgres runner releases with an error this way (release() takes none).
  const pg = runner as unknown as { releasePostgresConnection(err?: unknown): Promise<void> };
  await pg.releasePostgresConnection(error);
}

/** Runs several statements in one message (one round trip) and answers their results in order. */
async function multi(client: PgClient, statements: string[]): Promise<PgResult[]> {
  const results = await client.query(statements.join(';\n'));
  return Array.isArray(results) ? results : [results];
}

/**
 * A value as an SQL literal: strings quoted by node-postgres (quotes doubled, backslashes in an
 * E'' string), numbers only when finite. What a bound parameter of the same value would store.
 */
function sqlLiteral(client: Pick<PgClient, 'escapeLiteral'>, value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return client.escapeLiteral(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new Error(`no SQL literal for ${typeof value} ${String(value)}`);
}

type Literal = (value: SqlValue) => string;

/**
 * BEGIN, the session's advisory lock (concurrent writers of the session queue there), the fence
 * (FOR SHARE: a takeover, which updates the lease row, waits until this append has committed, so
 * the new owner reads the log with it), the head, and the command when asked: each its own
 * statement, run in this order, so each sees what was committed before the lock was granted.
 */
function checkStatements(request: AppendRequest, literal: Literal): string[] {
  const session = literal(request.sessionId);
  return [
    'BEGIN',
    `SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${session}))`,
    ...(request.fence ? [fenceQuery('postgres').replace('?', session)] : []),
    `SELECT COALESCE(MAX(seq), 0) AS head FROM events WHERE session_id = ${session}`,
    ...(request.commandId !== undefined
      ? [
          `SELECT seq, actor, command_digest AS digest FROM events WHERE session_id = ${session} AND command_id = ${literal(request.commandId)}`,
        ]
      : []),
  ];
}

/** What checkStatements found that refuses the append, in the port's order, or null. */
function checkResults(request: AppendRequest, results: PgResult[]): AppendResult | null {
  let at = 2; // after BEGIN and the lock
  if (request.fence) {
    const lease = results[at++]?.rows[0] as { owner: string; token: number } | undefined;
    if (!fenceHolds(request.fence, lease)) {
      return {
        kind: 'fenced',
        holder: lease ? { owner: lease.owner, token: Number(lease.token) } : null,
      };
    }
  }
  const head = Number((results[at++]?.rows[0] as { head: number } | undefined)?.head ?? 0);
  if (head !== request.expectedHead) return { kind: 'stale', head };
  if (request.commandId !== undefined) {
    const prior = results[at]?.rows[0] as RecordedCommand | undefined;
    if (prior) return { kind: 'duplicate', seq: Number(prior.seq) };
  }
  return null;
}

/** The events (one INSERT for the batch), the participant, the session-row projections, the checkpoint. */
function writeStatements(request: AppendRequest, literal: Literal): string[] {
  const { sessionId } = request;
  const session = literal(sessionId);
  const rows = request.events.map(
    (stored) => `(${eventRowValues(sessionId, stored).map(literal).join(', ')})`,
  );
  const statements = [
    `INSERT INTO events (session_id, seq, at, time, team, role, participant, type, payload, command_id, actor, command_digest)
     VALUES ${rows.join(', ')}`,
  ];
  const participant = request.participant;
  if (participant) {
    const values = [
      participant.id,
      participant.session_id,
      participant.display_name,
      participant.team_id,
      participant.role,
      participant.token_hash,
      participant.presence,
      participant.joined_at,
      participant.last_seen_at,
    ].map(literal);
    statements.push(
      `INSERT INTO participants (id, session_id, display_name, team_id, role, token_hash, presence, joined_at, last_seen_at)
       VALUES (${values.join(', ')})`,
    );
  }
  for (const { event } of request.events) {
    for (const change of sessionRowChanges(event)) {
      if (change.kind === 'status') {
        const status = `${literal(change.status)}::varchar`;
        const at = `${literal(change.at)}::varchar`;
        // A resume keeps the first start; only the end sets ended_at.
        statements.push(
          `UPDATE sessions SET status = ${status},
                  started_at = CASE WHEN ${status} = 'running' THEN COALESCE(started_at, ${at}) ELSE started_at END,
                  ended_at = CASE WHEN ${status} = 'ended' THEN ${at} ELSE ended_at END
            WHERE id = ${session}`,
        );
      } else if (change.kind === 'settings') {
        statements.push(
          `UPDATE sessions SET settings = ${literal(JSON.stringify(change.settings))} WHERE id = ${session}`,
        );
      } else if (change.kind === 'debriefReleased') {
        statements.push(`UPDATE sessions SET debrief_released = 1 WHERE id = ${session}`);
      } else {
        statements.push(
          `UPDATE participants SET team_id = ${literal(change.team)}, role = ${literal(change.role)} WHERE id = ${literal(change.participant)}`,
        );
      }
    }
  }
  const checkpoint = request.checkpoint;
  if (checkpoint) {
    statements.push(
      `INSERT INTO checkpoints (session_id, seq, teams, created_at)
       VALUES (${session}, ${literal(checkpoint.seq)}, ${literal(JSON.stringify(checkpoint.teams))}, ${literal(checkpoint.at)})
       ON CONFLICT (session_id, seq) DO UPDATE SET teams = EXCLUDED.teams, created_at = EXCLUDED.created_at`,
      // Keep the last two: one spare if the latest turns out unreadable.
      `DELETE FROM checkpoints WHERE session_id = ${session} AND seq NOT IN
         (SELECT seq FROM checkpoints WHERE session_id = ${session} ORDER BY seq DESC LIMIT 2)`,
    );
  }
  return statements;
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

  /**
   * Two round trips to the database, not one per statement: the checks go in one message (BEGIN,
   * the session's advisory lock, the fence, the head, the command) and the writes with the COMMIT
   * in another, as simple-protocol queries whose values are quoted literals. A command waits for
   * the one before it in its session's host, so each round trip (a wake-up of the database and of
   * this event loop, tens of milliseconds on a busy machine) was paid in line by every later
   * command of the session: seven of them per append had become the session's throughput limit.
   */
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
    // TypeORM's postgres runner connects to a pooled node-postgres client and answers it.
    const client = (await runner.connect()) as PgClient;
    const literal = (value: SqlValue) => sqlLiteral(client, value);
    let open = false;
    try {
      open = true;
      const refusal = checkResults(request, await multi(client, checkStatements(request, literal)));
      if (refusal) {
        await client.query('ROLLBACK');
        open = false;
        return refusal;
      }
      await multi(client, [...writeStatements(request, literal), 'COMMIT']);
      open = false;
      return { kind: 'appended' };
    } catch (error) {
      // A failed statement leaves the transaction aborted, the rest of its message skipped.
      // A connection that cannot even roll back goes out of the pool, not back into it.
      if (open) await client.query('ROLLBACK').catch(() => discard(runner, error));
      if (isPostgresUniqueViolation(error)) return await this.afterViolation(request);
      throw error;
    } finally {
      await runner.release();
    }
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
