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
import { isUniqueViolation } from './sqlite';

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
 * The EventStore on the embedded SQLite database (better-sqlite3). An append is one
 * `BEGIN IMMEDIATE` transaction that runs synchronously from BEGIN to COMMIT: no other JavaScript
 * in this process interleaves with it, and SQLite's write lock serialises other processes on the
 * same file behind it. The promise only wraps the finished result.
 */
@Injectable()
export class SqliteEventStore implements EventStore {
  constructor(private readonly store: SessionStore) {}

  append(request: AppendRequest): Promise<AppendResult> {
    const { sessionId } = request;
    try {
      this.store.sqlite.immediate(() => {
        if (request.fence) {
          const lease = this.store.sqlite.sql(fenceQuery('sqlite')).get(sessionId) as
            { owner: string; token: number } | undefined;
          if (!fenceHolds(request.fence, lease)) throw new Fenced(lease ?? null);
        }
        const head = this.store.head(sessionId);
        if (head !== request.expectedHead) throw new Stale(head);
        if (request.commandId !== undefined) {
          const prior = this.store.command(sessionId, request.commandId);
          if (prior) throw new Duplicate(prior.seq);
        }
        this.store.insertEvents(sessionId, request.events);
        if (request.participant) this.store.insertParticipant(request.participant);
        for (const { event } of request.events) {
          for (const change of sessionRowChanges(event)) {
            if (change.kind === 'status') this.store.setStatus(sessionId, change.status, change.at);
            else if (change.kind === 'settings') this.store.setSettings(sessionId, change.settings);
            else if (change.kind === 'debriefReleased') this.store.setDebriefReleased(sessionId);
            else this.store.moveParticipant(change.participant, change.team, change.role);
          }
        }
        const checkpoint = request.checkpoint;
        if (checkpoint) {
          this.store.saveCheckpoint(sessionId, checkpoint.seq, checkpoint.teams, checkpoint.at);
        }
      });
    } catch (error) {
      if (error instanceof Stale) return Promise.resolve({ kind: 'stale', head: error.head });
      if (error instanceof Duplicate) return Promise.resolve({ kind: 'duplicate', seq: error.seq });
      if (error instanceof Fenced) return Promise.resolve({ kind: 'fenced', holder: error.holder });
      if (isUniqueViolation(error)) return Promise.resolve(this.afterViolation(request));
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve({ kind: 'appended' });
  }

  /** A unique key refused the insert: the command was recorded meanwhile, or the head moved. */
  private afterViolation(request: AppendRequest): AppendResult {
    const commandId =
      request.commandId ?? request.events.find((e) => e.commandId !== null)?.commandId;
    const prior =
      commandId === undefined || commandId === null
        ? undefined
        : this.store.command(request.sessionId, commandId);
    if (prior) return { kind: 'duplicate', seq: prior.seq };
    return { kind: 'stale', head: this.store.head(request.sessionId) };
  }

  readFrom(sessionId: string, afterSeq: number, limit?: number): Promise<LogEvent[]> {
    return Promise.resolve(this.store.eventsAfter(sessionId, afterSeq, limit ?? -1));
  }

  readTypes(sessionId: string, types: readonly string[]): Promise<LogEvent[]> {
    return Promise.resolve(this.store.lastEventsOfTypes(sessionId, [...types], -1));
  }

  head(sessionId: string): Promise<number> {
    return Promise.resolve(this.store.head(sessionId));
  }

  latestCheckpoint(sessionId: string): Promise<Omit<Checkpoint, 'at'> | undefined> {
    return Promise.resolve(this.store.latestCheckpoint(sessionId));
  }

  command(sessionId: string, commandId: string): Promise<RecordedCommand | undefined> {
    return Promise.resolve(this.store.command(sessionId, commandId));
  }
}
