import { Injectable } from '@nestjs/common';
import type { LogEvent } from '@crossroads/shared';
import {
  sessionRowChanges,
  type AppendRequest,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type RecordedCommand,
} from './ports';
import { fenceHolds, fenceQuery } from './session-leases';
import {
  COMMAND_SQL,
  HEAD_SQL,
  SessionStore,
  checkpointStatements,
  insertEventStatement,
  insertParticipantStatement,
  rowChangeStatement,
} from './session-store';
import { SqliteSqlClient, isUniqueViolation, type SqliteTx } from '../database/sql';

/**
 * The EventStore on the embedded SQLite database. An append's statements run synchronously in a
 * `BEGIN IMMEDIATE` transaction (SqliteSqlClient.grouped): SQLite's write lock serialises other
 * processes on the same file, and nothing of this process can run in between. The appends of one
 * turn of the event loop (commands of several sessions read from their sockets together) share the
 * transaction, each in a savepoint of its own, and each answers only once it is committed. It is
 * the server's one database write per command, so it runs the fewest statements it can: the fence
 * (with one), the head, the command id only when the writer did not look it up itself, then the
 * writes.
 */
@Injectable()
export class SqliteEventStore implements EventStore {
  private readonly sql: SqliteSqlClient;

  constructor(private readonly store: SessionStore) {
    if (!(store.sql instanceof SqliteSqlClient)) {
      throw new Error('SqliteEventStore needs the SQLite SqlClient');
    }
    this.sql = store.sql;
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    try {
      return await this.sql.grouped((tx) => appendIn(tx, request));
    } catch (error) {
      if (isUniqueViolation(error)) return this.afterViolation(request);
      throw error;
    }
  }

  /** A unique key refused the insert: the command was recorded meanwhile, or the head moved. */
  private async afterViolation(request: AppendRequest): Promise<AppendResult> {
    const commandId =
      request.commandId ?? request.events.find((e) => e.commandId !== null)?.commandId;
    const prior =
      commandId === undefined || commandId === null
        ? undefined
        : await this.store.command(request.sessionId, commandId);
    if (prior) return { kind: 'duplicate', seq: prior.seq };
    return { kind: 'stale', head: await this.store.head(request.sessionId) };
  }

  readFrom(sessionId: string, afterSeq: number, limit?: number): Promise<LogEvent[]> {
    return this.store.eventsAfter(sessionId, afterSeq, limit);
  }

  readTypes(sessionId: string, types: readonly string[]): Promise<LogEvent[]> {
    return this.store.eventsOfTypes(sessionId, types);
  }

  head(sessionId: string): Promise<number> {
    return this.store.head(sessionId);
  }

  latestCheckpoint(sessionId: string): Promise<Omit<Checkpoint, 'at'> | undefined> {
    return this.store.latestCheckpoint(sessionId);
  }

  command(sessionId: string, commandId: string): Promise<RecordedCommand | undefined> {
    return this.store.command(sessionId, commandId);
  }
}

/** The lease row of the session (one string, so the client's prepared statement is found at once). */
const FENCE_SQL = fenceQuery('sqlite');

/**
 * The append's checks and writes inside its transaction. A refused append returns before it wrote
 * anything, so its (empty) transaction commits as well as it would roll back.
 */
function appendIn(tx: SqliteTx, request: AppendRequest): AppendResult {
  const { sessionId } = request;
  if (request.fence) {
    const lease = tx.get<{ owner: string; token: number }>(FENCE_SQL, [sessionId]);
    if (!fenceHolds(request.fence, lease)) return { kind: 'fenced', holder: lease ?? null };
  }
  const head = tx.get<{ head: number | null }>(HEAD_SQL, [sessionId])?.head ?? 0;
  if (head !== request.expectedHead) return { kind: 'stale', head };
  if (request.commandId !== undefined) {
    const prior = tx.get<{ seq: number }>(COMMAND_SQL, [sessionId, request.commandId]);
    if (prior) return { kind: 'duplicate', seq: prior.seq };
  }
  for (const stored of request.events) tx.run(...insertEventStatement(sessionId, stored));
  if (request.participant) tx.run(...insertParticipantStatement(request.participant));
  for (const { event } of request.events) {
    for (const change of sessionRowChanges(event)) tx.run(...rowChangeStatement(sessionId, change));
  }
  const checkpoint = request.checkpoint;
  if (checkpoint) {
    for (const statement of checkpointStatements(
      sessionId,
      checkpoint.seq,
      checkpoint.teams,
      checkpoint.at,
    )) {
      tx.run(...statement);
    }
  }
  return { kind: 'appended' };
}
