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
import { SessionStore } from './session-store';
import { isUniqueViolation } from '../database/sql';

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

/**
 * The EventStore on the embedded SQLite database, over the SqlClient. An append is one
 * `BEGIN IMMEDIATE` transaction: SqliteSqlClient queues every other statement of this process
 * behind it until it commits, and SQLite's write lock serialises other processes on the same file.
 */
@Injectable()
export class SqliteEventStore implements EventStore {
  constructor(private readonly store: SessionStore) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const { sessionId } = request;
    const { store } = this;
    try {
      await store.sql.transaction(async (tx) => {
        if (request.fence) {
          const lease = await tx.get<{ owner: string; token: number }>(fenceQuery('sqlite'), [
            sessionId,
          ]);
          if (!fenceHolds(request.fence, lease)) throw new Fenced(lease ?? null);
        }
        const head = await store.head(sessionId, tx);
        if (head !== request.expectedHead) throw new Stale(head);
        if (request.commandId !== undefined) {
          const prior = await store.command(sessionId, request.commandId, tx);
          if (prior) throw new Duplicate(prior.seq);
        }
        await store.insertEvents(sessionId, request.events, tx);
        if (request.participant) await store.insertParticipant(request.participant, tx);
        for (const { event } of request.events) {
          for (const change of sessionRowChanges(event)) {
            if (change.kind === 'status') {
              await store.setStatus(sessionId, change.status, change.at, tx);
            } else if (change.kind === 'settings') {
              await store.setSettings(sessionId, change.settings, tx);
            } else if (change.kind === 'debriefReleased') {
              await store.setDebriefReleased(sessionId, tx);
            } else {
              await store.moveParticipant(change.participant, change.team, change.role, tx);
            }
          }
        }
        const checkpoint = request.checkpoint;
        if (checkpoint) {
          await store.saveCheckpoint(
            sessionId,
            checkpoint.seq,
            checkpoint.teams,
            checkpoint.at,
            tx,
          );
        }
      });
    } catch (error) {
      if (error instanceof Stale) return { kind: 'stale', head: error.head };
      if (error instanceof Duplicate) return { kind: 'duplicate', seq: error.seq };
      if (error instanceof Fenced) return { kind: 'fenced', holder: error.holder };
      if (isUniqueViolation(error)) return this.afterViolation(request);
      throw error;
    }
    return { kind: 'appended' };
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
