import { createHash, randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  commandPermissions,
  commandSchemas,
  ErrorCode,
  requestAnswerer,
  TRAINEE_COMMANDS,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type Handshake,
  type LogEvent,
  type LogEventType,
  type Presence,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { AccountsService } from '../accounts/accounts.service';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { AppError, parseOrThrow } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { TeamState } from '../catalogue/runtime';
import { isEngineEvent, LiveSession, RunningTime, STATUS_EVENT_TYPES } from './live-session';
import { actorId, type Principal } from './principal';
import { SessionHub, type SocketEntry } from './session-hub';
import {
  sessionOptions,
  singleProcessLease,
  type ClockLease,
  type SessionOptions,
} from './session-options';
import { SessionStore, type ParticipantRow } from './session-store';
import { isUniqueViolation } from './sqlite';

/** An event before it has a seq/at/time. */
export interface Draft {
  type: LogEventType;
  payload: unknown;
  team: string | null;
  role: string | null;
  participant: string | null;
  /** For multi-team commands: skip this team instead of failing when the engine refuses. */
  optional?: boolean;
}

interface Prepared {
  events: LogEvent[];
  states: Map<string, TeamState>;
}

class StaleHead extends Error {}
class DuplicateCommand extends Error {
  constructor(readonly seq: number) {
    super('duplicate command');
  }
}

/** What `commit` did. */
export interface Committed {
  events: LogEvent[];
  /** Set when the command id had been applied before (nothing new was written). */
  duplicateSeq?: number;
}

const MAX_ATTEMPTS = 8;

/** JSON with object keys sorted, so equal payloads give equal text whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of a command's name and validated payload without its commandId. */
export function commandDigest(name: CommandName, payload: object): string {
  const { commandId: _id, ...rest } = payload as { commandId?: string };
  return createHash('sha256')
    .update(`${name}\u0000${canonical(rest)}`)
    .digest('hex');
}

/**
 * The authoritative command path of every session:
 * authorise (from the principal) → validate (zod) → check status → run the engine on copies of the
 * team states → append the events with the next seq in one IMMEDIATE transaction → apply in memory
 * → publish. If the database head moved (another writer), the session catches up from the log and
 * the command is planned again; UNIQUE(session_id, command_id) makes repeats harmless.
 */
@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly live = new Map<string, LiveSession>();
  private readonly options: SessionOptions;
  private readonly lease: ClockLease = singleProcessLease;
  private ticker: NodeJS.Timeout | undefined;
  /** Ticker work waiting for its turn (see later()). */
  private readonly tickWork: (() => void)[] = [];
  /** Connected sockets per participant (presence), and pending away→left timers. */
  private readonly sockets = new Map<string, number>();
  private readonly leftTimers = new Map<string, NodeJS.Timeout>();
  /** Set when the module is destroyed: sockets still disconnect afterwards, but the database is closing. */
  private closing = false;
  private readonly unsubscribe: () => void;

  constructor(
    readonly store: SessionStore,
    private readonly catalogue: CatalogueService,
    private readonly accounts: AccountsService,
    readonly hub: SessionHub,
    @InjectPinoLogger('Sessions') private readonly logger: PinoLogger,
    @InjectConfig() config: AppConfig,
  ) {
    this.options = sessionOptions(config);
    this.unsubscribe = accounts.onCredentialsChanged((accountId) =>
      this.recheckSockets(
        (entry) =>
          entry.principal.kind !== 'participant' && entry.principal.account.id === accountId,
      ),
    );
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  onApplicationBootstrap(): void {
    const restored = this.store.sessionsWithStatus(['running', 'paused']);
    for (const row of restored) {
      try {
        const live = this.load(row.id);
        this.logger.info(
          { session: row.id, status: live.status, seq: live.head, teams: live.states.size },
          'session restored',
        );
      } catch (error) {
        this.logger.error({ session: row.id, err: error }, 'session could not be restored');
      }
    }
    this.ticker = setInterval(() => this.tick(), this.options.tickMs);
    this.ticker.unref();
  }

  onModuleDestroy(): void {
    try {
      this.store.flushPresence();
    } catch (error) {
      this.logger.warn({ err: error }, 'presence not saved');
    }
    this.closing = true;
    this.unsubscribe();
    if (this.ticker) clearInterval(this.ticker);
    this.tickWork.length = 0;
    for (const timer of this.leftTimers.values()) clearTimeout(timer);
    this.leftTimers.clear();
    for (const live of this.live.values()) {
      if (live.scoreRefresh) clearTimeout(live.scoreRefresh);
      live.scoreRefresh = null;
    }
  }

  // ---- loading ------------------------------------------------------------------------------

  /** The live session, rebuilt from its last checkpoint and the later events if not in memory. */
  load(sessionId: string): LiveSession {
    const cached = this.live.get(sessionId);
    if (cached) return cached;
    const row = this.store.session(sessionId);
    if (!row) throw new AppError(ErrorCode.NotFound, 'No such session.');
    const runtime = this.catalogue.runtime(row.scenario_id, row.scenario_version);
    if (!runtime) {
      throw new AppError(
        ErrorCode.Internal,
        `Scenario ${row.scenario_id}@${row.scenario_version} is not in the catalogue.`,
      );
    }
    const live = new LiveSession(row, runtime, this.store.teams(sessionId));
    for (const p of this.store.participants(sessionId)) live.participants.set(p.id, p);
    const checkpoint = this.store.latestCheckpoint(sessionId);
    let after = 0;
    if (checkpoint) {
      live.states = new Map(Object.entries(checkpoint.teams as Record<string, TeamState>));
      live.head = checkpoint.seq;
      live.lastCheckpoint = checkpoint.seq;
      after = checkpoint.seq;
    }
    // Metadata comes from the session row; states from the checkpoint plus the tail of the log.
    for (const event of this.store.eventsAfter(sessionId, after)) {
      if (!live.apply(event)) {
        this.logger.warn(
          { session: sessionId, seq: event.seq, type: event.type },
          'engine refused a logged event',
        );
      }
    }
    live.status = row.status;
    live.head = Math.max(live.head, this.store.head(sessionId));
    // The running time needs every status event, not only those after the checkpoint.
    live.running = new RunningTime();
    for (const event of this.store.lastEventsOfTypes(sessionId, [...STATUS_EVENT_TYPES], 1e9)) {
      live.running.apply(event);
    }
    this.live.set(sessionId, live);
    return live;
  }

  /** Applies events another writer committed since our head. */
  private catchUp(live: LiveSession): LogEvent[] {
    const head = this.store.head(live.id);
    if (head === live.head) return [];
    const events = this.store.eventsAfter(live.id, live.head);
    for (const event of events) {
      live.apply(event);
      if (event.type === 'participant.joined' || event.type === 'participant.moved') {
        const id =
          event.type === 'participant.joined' ? event.participant : event.payload.participant;
        const row = id ? this.store.participant(id) : undefined;
        if (row) live.participants.set(row.id, row);
      }
    }
    return events;
  }

  // ---- the write path -----------------------------------------------------------------------

  private prepare(live: LiveSession, drafts: Draft[]): Prepared {
    const states = new Map(live.states);
    const events: LogEvent[] = [];
    const at = new Date().toISOString();
    let seq = live.head;
    for (const draft of drafts) {
      const state = draft.team === null ? undefined : states.get(draft.team);
      const event = {
        seq: seq + 1,
        at,
        time: state === undefined ? null : live.runtime.clock(state),
        team: draft.team,
        role: draft.role,
        participant: draft.participant,
        type: draft.type,
        payload: draft.payload,
      } as LogEvent;
      if (event.type === 'session.started') {
        for (const team of event.payload.teams)
          states.set(team.id, live.runtime.initialState(team.id));
      } else if (isEngineEvent(event)) {
        if (state === undefined) {
          if (draft.optional) continue;
          throw new AppError(ErrorCode.SessionNotRunning, 'The team has no scenario state yet.');
        }
        const outcome = live.runtime.step(state, event);
        if (!outcome.ok) {
          if (draft.optional) continue;
          throw new AppError(outcome.code, outcome.message);
        }
        states.set(event.team as string, outcome.state);
      }
      events.push(event);
      seq += 1;
    }
    return { events, states };
  }

  /** DB changes that mirror an event's metadata (inside the commit transaction). */
  private persistMeta(live: LiveSession, event: LogEvent): void {
    switch (event.type) {
      case 'session.started':
        this.store.setStatus(live.id, 'running', event.at);
        break;
      case 'session.paused':
        this.store.setStatus(live.id, 'paused', event.at);
        break;
      case 'session.resumed':
        this.store.setStatus(live.id, 'running', event.at);
        break;
      case 'session.ended':
        this.store.setStatus(live.id, 'ended', event.at);
        break;
      case 'debrief.released':
        this.store.setDebriefReleased(live.id);
        break;
      case 'settings.changed':
        this.store.setSettings(live.id, event.payload.settings);
        break;
      case 'participant.moved':
        this.store.moveParticipant(
          event.payload.participant,
          event.payload.team,
          event.payload.role,
        );
        break;
      default:
        break;
    }
  }

  /**
   * Plans `build()` against the current state and appends its events atomically.
   * `build` may throw AppError (nothing is written). `extra` runs inside the transaction.
   */
  commit(
    live: LiveSession,
    build: () => Draft[],
    options: {
      commandId?: string;
      /** Stored with the command id: see commandDigest(). */
      commandDigest?: string;
      /** The caller found no event with this command id just before calling. */
      checkedCommand?: boolean;
      actor?: string | null;
      extra?: (events: LogEvent[]) => void;
    } = {},
  ): Committed {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      // The transaction checks the head again; reading it here too only saves a wasted plan when
      // another process wrote, so the first attempt trusts the in-memory head.
      if (attempt > 0) this.catchUp(live);
      const prepared = this.prepare(live, build());
      if (prepared.events.length === 0) return { events: [] };
      const last = prepared.events[prepared.events.length - 1] as LogEvent;
      try {
        this.store.sqlite.immediate(() => {
          if (this.store.head(live.id) !== live.head) throw new StaleHead();
          // execute() looked the command id up just before, in the same synchronous turn, and
          // UNIQUE(session_id, command_id) guards the insert; only a retry (another writer got in
          // first, maybe with this very command) needs to look again.
          if (options.commandId && (attempt > 0 || options.checkedCommand !== true)) {
            const prior = this.store.command(live.id, options.commandId);
            if (prior) throw new DuplicateCommand(prior.seq);
          }
          this.store.insertEvents(
            live.id,
            prepared.events.map((event) => ({
              event,
              // The last event carries the command id, so a repeat is answered with the last seq.
              commandId: event === last ? (options.commandId ?? null) : null,
              commandDigest: event === last ? (options.commandDigest ?? null) : null,
              actor: options.actor ?? null,
            })),
          );
          for (const event of prepared.events) this.persistMeta(live, event);
          options.extra?.(prepared.events);
          if (
            prepared.states.size > 0 &&
            last.seq - live.lastCheckpoint >= this.options.checkpointEvery
          ) {
            this.store.saveCheckpoint(
              live.id,
              last.seq,
              Object.fromEntries(prepared.states),
              last.at,
            );
          }
        });
      } catch (error) {
        if (error instanceof StaleHead) continue;
        if (error instanceof DuplicateCommand) return { events: [], duplicateSeq: error.seq };
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      live.states = prepared.states;
      for (const event of prepared.events) live.applyMeta(event);
      if (
        prepared.states.size > 0 &&
        last.seq - live.lastCheckpoint >= this.options.checkpointEvery
      ) {
        live.lastCheckpoint = last.seq;
      }
      return { events: prepared.events };
    }
    throw new AppError(ErrorCode.Internal, 'The session is busy; try again.');
  }

  /** Commits and publishes; returns the committed events. */
  commitAndPublish(
    live: LiveSession,
    build: () => Draft[],
    options: Parameters<SessionsService['commit']>[2] = {},
  ): Committed {
    const committed = this.commit(live, build, options);
    if (committed.events.length > 0) this.hub.publish(live, committed.events);
    return committed;
  }

  // ---- handshake ----------------------------------------------------------------------------

  /** Resolves a validated handshake to a principal and its session, or throws AppError. */
  authenticate(handshake: Handshake): {
    principal: Principal;
    live: LiveSession;
    /** Staff only: the login behind the socket, re-checked on every command. */
    login?: { tokenHash: string; expiresAt: number };
  } {
    const { credential } = handshake;
    if (credential.kind === 'participant') {
      const row = this.store.participantByTokenHash(hashToken(credential.token));
      if (!row) throw new AppError(ErrorCode.Unauthenticated, 'Unknown participant token.');
      if (handshake.session && handshake.session !== row.session_id) {
        throw new AppError(ErrorCode.Forbidden, 'This token belongs to another session.');
      }
      const live = this.load(row.session_id);
      if (!live.participants.has(row.id)) live.participants.set(row.id, row);
      return {
        principal: { kind: 'participant', participantId: row.id, sessionId: row.session_id },
        live,
      };
    }
    const tokenHash = hashToken(credential.token);
    const login = this.accounts.login(tokenHash);
    if (!login) throw new AppError(ErrorCode.Unauthenticated, 'Unknown or expired token.');
    const { account } = login;
    if (!handshake.session) {
      throw new AppError(ErrorCode.InvalidPayload, 'Staff must name the session to join.');
    }
    const live = this.load(handshake.session);
    const memberRole = this.store.memberRole(live.id, account.id);
    const withLogin = { live, login: { tokenHash, expiresAt: login.expiresAt } };
    if (credential.kind === 'facilitator') {
      if (memberRole === 'owner' || memberRole === 'facilitator') {
        return { principal: { kind: 'facilitator', account, memberRole }, ...withLogin };
      }
      if (account.role === 'admin') {
        return {
          principal: { kind: 'facilitator', account, memberRole: 'facilitator' },
          ...withLogin,
        };
      }
      throw new AppError(ErrorCode.Forbidden, 'You are not a facilitator of this session.');
    }
    if (memberRole === undefined && account.role !== 'admin') {
      throw new AppError(ErrorCode.Forbidden, 'You are not a member of this session.');
    }
    return { principal: { kind: 'observer', account }, ...withLogin };
  }

  /**
   * Who a connected socket is *now*: its principal re-derived from the current state (the login
   * still valid, the account still a member with the same rights, the trainee still in the
   * session). Throws AppError with the reason when the socket may no longer act as it connected.
   */
  recheck(entry: SocketEntry, now = Date.now()): Principal {
    const { principal } = entry;
    if (principal.kind === 'participant') {
      const live = this.live.get(entry.sessionId);
      if (live?.participants.has(principal.participantId)) return principal;
      if (this.store.participant(principal.participantId)) return principal;
      throw new AppError(ErrorCode.Unauthenticated, 'Your place in this session was removed.');
    }
    const login =
      entry.tokenHash === undefined ? undefined : this.accounts.login(entry.tokenHash, now);
    if (!login || login.account.id !== principal.account.id) {
      throw new AppError(
        ErrorCode.Unauthenticated,
        'Your login has ended (logged out, expired or password changed). Log in again.',
      );
    }
    const { account } = login;
    const admin = account.role === 'admin';
    const memberRole = this.store.memberRole(entry.sessionId, account.id);
    if (principal.kind === 'facilitator') {
      if (memberRole === 'owner' || memberRole === 'facilitator') {
        return { kind: 'facilitator', account, memberRole };
      }
      if (admin) return { kind: 'facilitator', account, memberRole: 'facilitator' };
      if (memberRole === 'observer') {
        throw new AppError(
          ErrorCode.Forbidden,
          'You are now an observer of this session, no longer a facilitator: open the observer view.',
        );
      }
      throw new AppError(ErrorCode.Forbidden, "You were removed from this session's staff.");
    }
    if (memberRole === undefined && !admin) {
      throw new AppError(ErrorCode.Forbidden, "You were removed from this session's staff.");
    }
    return { kind: 'observer', account };
  }

  /**
   * Re-checks every open session socket that `which` selects and closes, with a notice giving the
   * reason, those that may no longer act as they connected (removal, role change, logout, expiry).
   */
  recheckSockets(which: (entry: SocketEntry) => boolean): void {
    const server = this.hub.server;
    if (!server) return;
    for (const socket of server.sockets.sockets.values()) {
      const entry = this.hub.principals.get(socket.id);
      if (!entry || !which(entry)) continue;
      try {
        entry.principal = this.recheck(entry);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.hub.revoke(socket, { code: error.code, message: error.message });
      }
    }
  }

  // ---- commands -----------------------------------------------------------------------------

  /** Runs one command for an authenticated principal. Never throws: errors become rejected acks. */
  execute(principal: Principal, sessionId: string, name: CommandName, raw: unknown): CommandAck {
    try {
      if (!commandPermissions[name].includes(principal.kind)) {
        throw new AppError(ErrorCode.Forbidden, `A ${principal.kind} may not send ${name}.`);
      }
      const payload = parseOrThrow(
        commandSchemas[name],
        raw,
        `${name} payload`,
      ) as CommandPayload<CommandName>;
      const live = this.load(sessionId);
      if (name === 'session.sync') return { status: 'accepted', seq: live.head };

      const digest = commandDigest(name, payload);
      const prior = this.store.command(live.id, payload.commandId);
      if (prior) return this.duplicate(principal, prior, digest);

      this.checkStatus(live, principal, name);
      const committed = this.commitAndPublish(
        live,
        () => this.plan(live, principal, name, payload),
        {
          commandId: payload.commandId,
          commandDigest: digest,
          checkedCommand: true,
          actor: actorId(principal),
        },
      );
      if (committed.duplicateSeq !== undefined) {
        // Another writer recorded this id first: the same checks as for an earlier repeat.
        const raced = this.store.command(live.id, payload.commandId);
        if (raced) return this.duplicate(principal, raced, digest);
        return { status: 'accepted', seq: committed.duplicateSeq, duplicate: true };
      }
      const last = committed.events[committed.events.length - 1];
      if (!last) throw new AppError(ErrorCode.ConditionNotMet, 'Nothing to do.');
      this.afterCommit(live, committed.events);
      return { status: 'accepted', seq: last.seq };
    } catch (error) {
      if (error instanceof AppError) {
        return { status: 'rejected', code: error.code, message: error.message };
      }
      this.logger.error({ err: error, command: name, session: sessionId }, 'command failed');
      return {
        status: 'rejected',
        code: ErrorCode.Internal,
        message: 'Something failed on the server; nothing was changed.',
      };
    }
  }

  /**
   * A command id seen before: the same sender with the same command is a harmless repeat (acked
   * with the first seq); anything else reusing the id is refused, and nothing is changed.
   */
  private duplicate(
    principal: Principal,
    prior: { seq: number; actor: string | null; digest: string | null },
    digest: string,
  ): CommandAck {
    if (prior.actor !== actorId(principal)) {
      throw new AppError(
        ErrorCode.CommandIdReused,
        'This commandId was already used by someone else; send the command with a new id.',
      );
    }
    // Commands recorded before digests were stored (digest null) count as the same.
    if (prior.digest !== null && prior.digest !== digest) {
      throw new AppError(
        ErrorCode.CommandIdReused,
        'This commandId was already used for a different command; send it with a new id.',
      );
    }
    return { status: 'accepted', seq: prior.seq, duplicate: true };
  }

  private checkStatus(live: LiveSession, principal: Principal, name: CommandName): void {
    const status = live.status;
    if (name === 'session.start') {
      if (status !== 'lobby')
        throw new AppError(
          ErrorCode.SessionNotRunning,
          `The session is ${status}, not waiting to start.`,
        );
      return;
    }
    if (name === 'debrief.release' || name === 'note.pin') return;
    if (status === 'ended')
      throw new AppError(ErrorCode.SessionNotRunning, 'The session has ended.');
    if (name === 'session.pause' && status !== 'running') {
      throw new AppError(ErrorCode.SessionNotRunning, `The session is ${status}, not running.`);
    }
    if (name === 'session.resume' && status !== 'paused') {
      throw new AppError(ErrorCode.SessionNotRunning, `The session is ${status}, not paused.`);
    }
    if (principal.kind === 'participant' && TRAINEE_COMMANDS.includes(name)) {
      if (status === 'paused')
        throw new AppError(ErrorCode.SessionPaused, 'The session is paused.');
      if (status === 'lobby' && name !== 'chat.send') {
        throw new AppError(ErrorCode.SessionNotRunning, 'The session has not started yet.');
      }
    }
    if (
      ['inject.release', 'clock.advance', 'request.answer'].includes(name) &&
      status === 'lobby'
    ) {
      throw new AppError(ErrorCode.SessionNotRunning, 'The session has not started yet.');
    }
  }

  private seat(
    live: LiveSession,
    principal: Principal,
  ): { participant: ParticipantRow; team: string; role: string } {
    if (principal.kind !== 'participant') throw new AppError(ErrorCode.Forbidden, 'Trainees only.');
    const participant = live.participants.get(principal.participantId);
    if (!participant) throw new AppError(ErrorCode.Unauthenticated, 'Unknown participant.');
    if (!participant.team_id || !participant.role) {
      throw new AppError(
        ErrorCode.Forbidden,
        'You have no team and role yet; ask the facilitator.',
      );
    }
    return { participant, team: participant.team_id, role: participant.role };
  }

  private requireTeam(live: LiveSession, team: string): void {
    if (!live.hasTeam(team))
      throw new AppError(ErrorCode.NotFound, `No team ${team} in this session.`);
  }

  /** The events a command writes (or an AppError). Runs again if another writer got in first. */
  private plan(
    live: LiveSession,
    principal: Principal,
    name: CommandName,
    payload: CommandPayload<CommandName>,
  ): Draft[] {
    const session = (type: LogEventType, p: unknown = {}): Draft[] => [
      { type, payload: p, team: null, role: null, participant: null },
    ];
    switch (name) {
      case 'session.start':
        return session('session.started', {
          scenario: live.runtime.id,
          version: live.runtime.version,
          teams: live.teams,
        });
      case 'session.pause': {
        const p = payload as CommandPayload<'session.pause'>;
        return session('session.paused', p.reason ? { reason: p.reason } : {});
      }
      case 'session.resume':
        return session('session.resumed');
      case 'session.end':
        return session('session.ended', { reason: 'facilitator' });
      case 'debrief.release':
        if (live.debriefReleased)
          throw new AppError(ErrorCode.AlreadyDecided, 'The debrief is already released.');
        return session('debrief.released');
      case 'broadcast.send': {
        const p = payload as CommandPayload<'broadcast.send'>;
        if (p.team) this.requireTeam(live, p.team);
        return [
          {
            type: 'broadcast.sent',
            payload: { message: p.message },
            team: p.team ?? null,
            role: null,
            participant: null,
          },
        ];
      }
      case 'inject.release': {
        const p = payload as CommandPayload<'inject.release'>;
        if (live.runtime.injectTargets(p.inject) === undefined) {
          throw new AppError(ErrorCode.NotFound, `No inject ${p.inject} in this scenario.`);
        }
        if (p.team !== 'all') this.requireTeam(live, p.team);
        const teams = p.team === 'all' ? live.teams.map((t) => t.id) : [p.team];
        return teams.map((team) => ({
          type: 'inject.released',
          payload: { inject: p.inject },
          team,
          role: null,
          participant: null,
          optional: teams.length > 1,
        }));
      }
      case 'clock.advance': {
        const p = payload as CommandPayload<'clock.advance'>;
        if (p.team) this.requireTeam(live, p.team);
        const teams = p.team ? [p.team] : live.teams.map((t) => t.id);
        return teams.map((team) => ({
          type: 'clock.ticked',
          payload: { minutes: p.minutes },
          team,
          role: null,
          participant: null,
          optional: teams.length > 1,
        }));
      }
      case 'participant.move': {
        const p = payload as CommandPayload<'participant.move'>;
        this.requireTeam(live, p.team);
        if (!live.participants.has(p.participant)) {
          throw new AppError(ErrorCode.NotFound, 'No such participant in this session.');
        }
        if (!live.playableRoles().includes(p.role)) {
          throw new AppError(
            ErrorCode.InvalidPayload,
            `${p.role} is not an agency trainees can play here.`,
          );
        }
        return [
          {
            type: 'participant.moved',
            payload: p.participant
              ? { participant: p.participant, team: p.team, role: p.role }
              : {},
            team: p.team,
            role: null,
            participant: null,
          },
        ];
      }
      case 'note.pin': {
        const p = payload as CommandPayload<'note.pin'>;
        if (p.seq < 1 || p.seq > live.head)
          throw new AppError(ErrorCode.NotFound, `No event ${p.seq}.`);
        return session('note.pinned', { seq: p.seq, text: p.text });
      }
      case 'request.answer': {
        const p = payload as CommandPayload<'request.answer'>;
        if (principal.kind === 'participant') {
          const { participant, team, role } = this.seat(live, principal);
          if ((p.team !== undefined && p.team !== team) || p.teams !== undefined) {
            throw new AppError(
              ErrorCode.Forbidden,
              'You can only answer requests in your own team.',
            );
          }
          const info = this.requestInfo(live, team, p.requestInstance);
          if (info.to !== role)
            throw new AppError(
              ErrorCode.WrongRole,
              'This request is not addressed to your agency.',
            );
          return [
            {
              type: 'request.answered',
              payload: { request: p.requestInstance, granted: p.granted, reason: p.reason },
              team,
              role,
              participant: participant.id,
            },
          ];
        }
        const teams = p.teams ?? (p.team === undefined ? [] : [p.team]);
        if (teams.length === 0 || (p.team !== undefined && p.teams !== undefined))
          throw new AppError(
            ErrorCode.InvalidPayload,
            'Facilitators must name the team (or, to answer several teams at once, the teams).',
          );
        if (new Set(teams).size !== teams.length)
          throw new AppError(ErrorCode.InvalidPayload, 'A team is named twice.');
        // All or nothing: one team that cannot take this answer refuses the whole command.
        return teams.map((team) => {
          this.requireTeam(live, team);
          const info = this.requestInfo(live, team, p.requestInstance);
          const agency = live.runtime.agencies.find((a) => a.id === info.to);
          const members = [...live.participants.values()]
            .filter((m) => m.team_id === team)
            .map((m) => ({ role: m.role, presence: m.presence }));
          if (requestAnswerer(agency, members, info.to) === 'trainees') {
            throw new AppError(
              ErrorCode.Forbidden,
              `Requests to ${info.to} in ${live.team(team)?.name ?? team} are answered by the trainees playing it.`,
            );
          }
          return {
            type: 'request.answered' as const,
            payload: { request: p.requestInstance, granted: p.granted, reason: p.reason },
            team,
            role: info.to,
            participant: null,
          };
        });
      }
      case 'decision.submit': {
        const p = payload as CommandPayload<'decision.submit'>;
        const { participant, team, role } = this.seat(live, principal);
        const body: Record<string, unknown> = { decision: p.decision, option: p.option };
        if (p.rationale) body.rationale = p.rationale;
        if (p.confidence !== undefined) body.confidence = p.confidence;
        return [{ type: 'decision.made', payload: body, team, role, participant: participant.id }];
      }
      case 'joint.sign': {
        const p = payload as CommandPayload<'joint.sign'>;
        const { participant, team, role } = this.seat(live, principal);
        return [
          {
            type: 'joint.signed',
            payload: { decision: p.decision, option: p.option },
            team,
            role,
            participant: participant.id,
          },
        ];
      }
      case 'request.send': {
        const p = payload as CommandPayload<'request.send'>;
        const { participant, team, role } = this.seat(live, principal);
        return [
          {
            type: 'request.sent',
            payload: p.justification
              ? { request: p.request, justification: p.justification }
              : { request: p.request },
            team,
            role,
            participant: participant.id,
          },
        ];
      }
      case 'chat.send': {
        const p = payload as CommandPayload<'chat.send'>;
        const { participant, team, role } = this.seat(live, principal);
        return [
          {
            type: 'chat.message',
            payload: { text: p.text },
            team,
            role,
            participant: participant.id,
          },
        ];
      }
      case 'session.sync':
        return [];
    }
  }

  private requestInfo(live: LiveSession, team: string, instance: string) {
    const state = live.states.get(team);
    const info = state === undefined ? undefined : live.runtime.request(state, instance);
    if (!info) throw new AppError(ErrorCode.NotFound, `No request ${instance} in this team.`);
    if (info.status !== 'pending')
      throw new AppError(ErrorCode.AlreadyDecided, 'This request has been answered already.');
    return info;
  }

  /** Side effects of committed events beyond `session.update` (lobby, reseating). */
  private afterCommit(live: LiveSession, events: LogEvent[]): void {
    for (const event of events) {
      if (event.type === 'participant.moved') {
        const row = this.store.participant(event.payload.participant);
        if (row) live.participants.set(row.id, row);
        this.hub.reseat(live, event.payload.participant);
        this.hub.publishLobby(live);
      }
    }
  }

  // ---- presence -----------------------------------------------------------------------------

  connected(live: LiveSession, principal: Principal): void {
    if (principal.kind !== 'participant') return;
    const id = principal.participantId;
    const count = (this.sockets.get(id) ?? 0) + 1;
    this.sockets.set(id, count);
    const timer = this.leftTimers.get(id);
    if (timer) {
      clearTimeout(timer);
      this.leftTimers.delete(id);
    }
    if (count === 1) this.setPresence(live, id, 'online');
  }

  disconnected(live: LiveSession, principal: Principal): void {
    // A shutdown disconnects every socket; the trainees are not "away", and nothing may be written.
    if (this.closing || principal.kind !== 'participant') return;
    const id = principal.participantId;
    const count = Math.max(0, (this.sockets.get(id) ?? 1) - 1);
    if (count > 0) {
      this.sockets.set(id, count);
      return;
    }
    this.sockets.delete(id);
    this.setPresence(live, id, 'away');
    const timer = setTimeout(() => {
      this.leftTimers.delete(id);
      if (!this.sockets.has(id)) this.setPresence(live, id, 'left');
    }, this.options.awayToLeftMs);
    timer.unref();
    this.leftTimers.set(id, timer);
  }

  private setPresence(live: LiveSession, id: string, presence: Presence): void {
    if (this.closing) return;
    const row = live.participants.get(id);
    if (!row || row.presence === presence) return;
    const at = new Date().toISOString();
    this.store.queuePresence({ id, presence, at });
    live.participants.set(id, { ...row, presence, last_seen_at: at });
    this.hub.publishPresence(live, id, presence);
  }

  // ---- clock --------------------------------------------------------------------------------

  /**
   * The clock ticker: ends running sessions whose time limit has passed, and moves the scenario
   * clock of the others by their time ratio. Each due session is handled in its own macrotask
   * (setImmediate), so commands that arrive meanwhile are not held up behind every session's tick.
   */
  tick(now = Date.now()): void {
    for (const live of this.live.values()) {
      if (live.status === 'ended' && !this.hub.hasSockets(live.id)) {
        // Nobody looks at it any more: REST reads (debrief, exports) load it again when asked.
        this.evict(live.id);
        continue;
      }
      if (live.status !== 'running' || !this.lease.holds(live.id)) {
        live.lastTickCheck = now;
        continue;
      }
      if (this.timeLimitReached(live, now)) {
        this.later(() => this.endForTimeLimit(live, now));
        continue;
      }
      if (live.settings.timeRatio <= 0) {
        live.lastTickCheck = now;
        continue;
      }
      live.pendingMinutes += ((now - live.lastTickCheck) / 60_000) * live.settings.timeRatio;
      live.lastTickCheck = now;
      const minutes = Math.floor(live.pendingMinutes);
      if (minutes < 1 || now - live.lastTickEmitted < this.options.minTickMs) continue;
      // Claimed now, so the next tick does not schedule the same minutes again.
      live.pendingMinutes -= minutes;
      live.lastTickEmitted = now;
      this.later(() => this.advanceClocks(live, minutes));
    }
  }

  /**
   * Runs ticker work one session at a time, each in its own turn of the event loop (a chain of
   * setImmediate: immediates queued together would all run before any socket is read again).
   */
  private later(work: () => void): void {
    this.tickWork.push(work);
    if (this.tickWork.length === 1) setImmediate(() => this.drainTickWork());
  }

  private drainTickWork(): void {
    const work = this.tickWork[0];
    if (!work) return;
    try {
      work();
    } finally {
      this.tickWork.shift();
      if (this.tickWork.length > 0) setImmediate(() => this.drainTickWork());
    }
  }

  /** Whether the session has run (pauses excluded) for its settings' timeLimitMinutes. */
  private timeLimitReached(live: LiveSession, now: number): boolean {
    const limit = live.settings.timeLimitMinutes;
    return limit !== undefined && live.running.at(now) >= limit * 60_000;
  }

  /** Writes session.ended { reason: 'time_limit' }: every team stops where it is. */
  private endForTimeLimit(live: LiveSession, now: number): void {
    if (live.status !== 'running' || !this.timeLimitReached(live, now)) return;
    try {
      const committed = this.commitAndPublish(live, () => [
        {
          type: 'session.ended',
          payload: { reason: 'time_limit' },
          team: null,
          role: null,
          participant: null,
        },
      ]);
      this.logger.info(
        { session: live.id, seq: committed.events[0]?.seq, limit: live.settings.timeLimitMinutes },
        'session ended: time limit reached',
      );
    } catch (error) {
      this.logger.error({ err: error, session: live.id }, 'time limit could not end the session');
    }
  }

  /** One clock.ticked per team that has not reached an ending, in one transaction. */
  private advanceClocks(live: LiveSession, minutes: number): void {
    if (live.status !== 'running') return;
    try {
      this.commitAndPublish(live, () =>
        live.teams
          .filter((t) => {
            const state = live.states.get(t.id);
            return state !== undefined && !live.runtime.ended(state);
          })
          .map((t) => ({
            type: 'clock.ticked' as const,
            payload: { minutes },
            team: t.id,
            role: null,
            participant: null,
            optional: true,
          })),
      );
    } catch (error) {
      live.pendingMinutes += minutes; // try again at the next tick
      this.logger.error({ err: error, session: live.id }, 'clock tick failed');
    }
  }

  // ---- sessions & participants (REST) ---------------------------------------------------------

  /** Inserts a participant and its participant.joined event together. */
  join(live: LiveSession, row: ParticipantRow): LogEvent[] {
    const committed = this.commitAndPublish(
      live,
      () => [
        {
          type: 'participant.joined',
          payload: { displayName: row.display_name, team: row.team_id, role: row.role },
          team: row.team_id,
          role: row.role,
          participant: row.id,
        },
      ],
      { extra: () => this.store.insertParticipant(row) },
    );
    live.participants.set(row.id, row);
    this.hub.publishLobby(live);
    return committed.events;
  }

  newParticipantId(): string {
    return randomUUID();
  }

  /** Drop a session from memory (tests, or after it ended and nobody looks at it). */
  evict(sessionId: string): void {
    const live = this.live.get(sessionId);
    if (live?.scoreRefresh) clearTimeout(live.scoreRefresh);
    this.live.delete(sessionId);
  }
}
