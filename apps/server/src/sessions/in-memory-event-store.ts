import type { LogEvent, SessionSettings, SessionStatus } from '@crossroads/shared';
import {
  sessionRowChanges,
  type AppendRequest,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type Fence,
  type NewParticipant,
  type RecordedCommand,
  type StoredEvent,
} from './ports';

/** The session-row columns the store keeps in step with the log (see sessionRowChanges). */
export interface SessionRowProjection {
  status: SessionStatus;
  settings: SessionSettings | null;
  debriefReleased: boolean;
  startedAt: string | null;
  endedAt: string | null;
}

interface SessionLog {
  events: StoredEvent[];
  checkpoints: Checkpoint[];
  row: SessionRowProjection;
  participants: Map<string, NewParticipant>;
}

/**
 * An EventStore in memory, for unit tests of hosts. It keeps the same contract as the database
 * stores (expected head, command ids, projections, checkpoints), and lets a test play "another
 * process" by appending behind a host's back.
 */
export class InMemoryEventStore implements EventStore {
  private readonly sessions = new Map<string, SessionLog>();
  /** How many appends were tried (any outcome), for tests. */
  appends = 0;
  /** Session leases as a fenced append sees them (session_leases): tests set them directly. */
  readonly leases = new Map<string, Fence>();

  private log(sessionId: string): SessionLog {
    let log = this.sessions.get(sessionId);
    if (!log) {
      log = {
        events: [],
        checkpoints: [],
        row: {
          status: 'lobby',
          settings: null,
          debriefReleased: false,
          startedAt: null,
          endedAt: null,
        },
        participants: new Map(),
      };
      this.sessions.set(sessionId, log);
    }
    return log;
  }

  /** The session row as the projections left it. */
  row(sessionId: string): SessionRowProjection {
    return this.log(sessionId).row;
  }

  participant(sessionId: string, id: string): NewParticipant | undefined {
    return this.log(sessionId).participants.get(id);
  }

  /** The session's participant rows as the appends left them. */
  participants(sessionId: string): NewParticipant[] {
    return [...this.log(sessionId).participants.values()];
  }

  append(request: AppendRequest): Promise<AppendResult> {
    this.appends += 1;
    const log = this.log(request.sessionId);
    if (request.fence) {
      const lease = this.leases.get(request.sessionId);
      if (lease?.owner !== request.fence.owner || lease.token !== request.fence.token) {
        return Promise.resolve({ kind: 'fenced', holder: lease ? { ...lease } : null });
      }
    }
    const head = log.events.length;
    if (head !== request.expectedHead) return Promise.resolve({ kind: 'stale', head });
    // The request's id is looked up; the events' own ids stand for the unique key.
    const ids = [request.commandId, ...request.events.map((e) => e.commandId)];
    for (const id of ids) {
      const prior = id === undefined || id === null ? undefined : this.findCommand(log, id);
      if (prior) return Promise.resolve({ kind: 'duplicate', seq: prior.seq });
    }
    request.events.forEach((stored, i) => {
      if (stored.event.seq !== head + i + 1) {
        throw new Error(`event ${i} has seq ${stored.event.seq}, expected ${head + i + 1}`);
      }
    });
    log.events.push(...request.events);
    if (request.participant) log.participants.set(request.participant.id, request.participant);
    for (const { event } of request.events) {
      for (const change of sessionRowChanges(event)) {
        if (change.kind === 'status') {
          log.row.status = change.status;
          if (change.status === 'running') log.row.startedAt ??= change.at;
          if (change.status === 'ended') log.row.endedAt = change.at;
        } else if (change.kind === 'settings') log.row.settings = change.settings;
        else if (change.kind === 'debriefReleased') log.row.debriefReleased = true;
        else {
          const p = log.participants.get(change.participant);
          if (p) log.participants.set(p.id, { ...p, team_id: change.team, role: change.role });
        }
      }
    }
    if (request.checkpoint) {
      log.checkpoints = [...log.checkpoints, structuredClone(request.checkpoint)].slice(-2);
    }
    return Promise.resolve({ kind: 'appended' });
  }

  private findCommand(log: SessionLog, commandId: string): RecordedCommand | undefined {
    const stored = log.events.find((e) => e.commandId === commandId);
    return stored
      ? { seq: stored.event.seq, actor: stored.actor, digest: stored.commandDigest ?? null }
      : undefined;
  }

  readFrom(sessionId: string, afterSeq: number, limit?: number): Promise<LogEvent[]> {
    const events = this.log(sessionId)
      .events.slice(Math.max(0, afterSeq))
      .map((e) => e.event);
    return Promise.resolve(limit === undefined ? events : events.slice(0, limit));
  }

  readTypes(sessionId: string, types: readonly string[]): Promise<LogEvent[]> {
    const wanted = new Set(types);
    return Promise.resolve(
      this.log(sessionId)
        .events.map((e) => e.event)
        .filter((e) => wanted.has(e.type)),
    );
  }

  head(sessionId: string): Promise<number> {
    return Promise.resolve(this.log(sessionId).events.length);
  }

  latestCheckpoint(sessionId: string): Promise<Omit<Checkpoint, 'at'> | undefined> {
    const latest = this.log(sessionId).checkpoints.at(-1);
    return Promise.resolve(
      latest ? { seq: latest.seq, teams: structuredClone(latest.teams) } : undefined,
    );
  }

  command(sessionId: string, commandId: string): Promise<RecordedCommand | undefined> {
    return Promise.resolve(this.findCommand(this.log(sessionId), commandId));
  }
}
