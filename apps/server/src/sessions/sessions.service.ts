import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  commandPermissions,
  commandSchemas,
  ErrorCode,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type Handshake,
  type LogEvent,
  type TeamRef,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { AccountsService } from '../accounts/accounts.service';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { AppError, parseOrThrow, rejectedAck } from '../auth/rest-error';
import { hashToken } from '../auth/tokens';
import { CatalogueService } from '../catalogue/catalogue.service';
import { systemClock } from './clock';
import { LiveSession, STATUS_EVENT_TYPES } from './live-session';
import type { Clock, EventStore, Fence, Presence, PresenceChange, Timer } from './ports';
import { SqlPresence } from './presence-store';
import type { Principal } from './principal';
import { SessionHost } from './session-host';
import {
  SessionHub,
  type ForwardedCommand,
  type ForwardedWrite,
  type SocketEntry,
  type WriteAnswer,
} from './session-hub';
import {
  sessionOptions,
  singleProcessLease,
  type ClockLease,
  type SessionOptions,
} from './session-options';
import { SessionOwnership } from './session-ownership';
import { SESSION_REPOSITORY, type SessionRepository } from './session-repository';
import { SessionStore, type ParticipantRow, type SessionRow } from './session-store';
import { SessionViews } from './session-views';
import { TickQueue } from './tick-queue';

export { commandDigest, type Committed, type Draft } from './session-host';

/** Injection token of the sessions' EventStore (SQLite's or PostgreSQL's, by the database). */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * What a session that does not exist answers, and so, word for word, one the caller has no right
 * to know of (REST and the socket handshake alike).
 */
export const NO_SUCH_SESSION = 'No such session.';

/**
 * Why an open staff socket is closed when its account leaves the session's staff. Its code is
 * session/not_found, as the handshake and REST then answer: a console told "forbidden" offered the
 * other view of the session (observer or console), which only answered that it does not exist.
 */
const REMOVED_FROM_STAFF = "You were removed from this session's staff.";

/**
 * The registry of live sessions: one SessionHost per session in memory (rebuilt from its last
 * checkpoint and the later events when first needed), plus what is not one session's business —
 * the handshake and the re-checks of socket rights, the contract validation of commands before a
 * host runs them, and the one clock ticker that visits every host.
 */
@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly hosts = new Map<string, SessionHost>();
  private readonly options: SessionOptions;
  private readonly lease: ClockLease = singleProcessLease;
  private readonly clock: Clock = systemClock;
  private readonly presence: SqlPresence;
  /** Sessions being loaded: concurrent open()s of one session share one load. */
  private readonly opening = new Map<string, Promise<SessionHost>>();
  private ticker: Timer | undefined;
  /** Ticker work waiting for its turn. */
  private readonly tickWork: TickQueue;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: SessionStore,
    private readonly catalogue: CatalogueService,
    private readonly accounts: AccountsService,
    readonly hub: SessionHub,
    private readonly views: SessionViews,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SESSION_REPOSITORY) private readonly repository: SessionRepository,
    @InjectPinoLogger('Sessions') private readonly logger: PinoLogger,
    @InjectConfig() config: AppConfig,
    readonly ownership: SessionOwnership,
  ) {
    this.options = sessionOptions(config);
    this.presence = new SqlPresence(store);
    this.tickWork = new TickQueue(this.clock, (error) =>
      this.logger.error({ err: error }, 'clock tick failed'),
    );
    this.unsubscribe = accounts.onCredentialsChanged(
      (accountId) =>
        void this.recheckSockets(
          (entry) =>
            entry.principal.kind !== 'participant' && entry.principal.account.id === accountId,
        ),
    );
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  async onApplicationBootstrap(): Promise<void> {
    const restored = await this.repository.sessionsWithStatus(['running', 'paused']);
    for (const row of restored) {
      try {
        const { live } = await this.open(row.id);
        this.logger.info(
          { session: row.id, status: live.status, seq: live.head, teams: live.states.size },
          'session restored',
        );
      } catch (error) {
        this.logger.error({ session: row.id, err: error }, 'session could not be restored');
      }
    }
    this.ticker = this.clock.every(this.options.tickMs, () => this.tick());
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe();
    try {
      await this.store.flushPresence();
    } catch (error) {
      this.logger.warn({ err: error }, 'presence not saved');
    }
    this.ticker?.cancel();
    this.tickWork.clear();
    for (const host of this.hosts.values()) host.close();
  }

  // ---- loading ------------------------------------------------------------------------------

  /** The host of a session if it is in memory now (no load). */
  loaded(sessionId: string): SessionHost | undefined {
    return this.hosts.get(sessionId);
  }

  /**
   * The host of a session, its state rebuilt through the ports if it is not in memory: the session
   * row, teams and participants from the SessionRepository, the state from the EventStore (the
   * last checkpoint and the events after it).
   */
  open(sessionId: string): Promise<SessionHost> {
    const cached = this.hosts.get(sessionId);
    if (cached) return Promise.resolve(cached);
    let loading = this.opening.get(sessionId);
    if (!loading) {
      loading = this.load(sessionId).finally(() => this.opening.delete(sessionId));
      this.opening.set(sessionId, loading);
    }
    return loading;
  }

  private async load(sessionId: string): Promise<SessionHost> {
    const [row, teams, participants] = await Promise.all([
      this.repository.session(sessionId),
      this.repository.teams(sessionId),
      this.repository.participants(sessionId),
    ]);
    const live = this.liveFrom(row, teams, participants);
    const checkpoint = await this.events.latestCheckpoint(sessionId);
    const parts = {
      checkpoint,
      events: await this.events.readFrom(sessionId, checkpoint?.seq ?? 0),
      head: await this.events.head(sessionId),
      statusEvents: await this.events.readTypes(sessionId, STATUS_EVENT_TYPES),
    };
    const refused = live.restore(parts);
    await this.views.loadRecentDecisions(live);
    // Evicted and loaded again meanwhile: the one in use wins.
    const loaded = this.hosts.get(sessionId);
    if (loaded) return loaded;
    this.warnRefused(live, refused);
    return this.adopt(live);
  }

  /**
   * The live state of a session, through the ports (see open()), as the log holds it now: in a
   * cluster only the owner's copy follows every write, so another process's copy first catches up
   * with the log (one head query when it is current). REST reads and join defaults read this.
   */
  async session(sessionId: string): Promise<LiveSession> {
    const host = await this.open(sessionId);
    if (this.ownership.enabled && !this.ownership.holds(sessionId)) await host.refresh();
    return host.live;
  }

  /**
   * Every event of a session in seq order, read through the EventStore a page at a time, so an
   * export of a long session never holds its whole log at once.
   */
  async *allEvents(sessionId: string, pageSize = 1000): AsyncGenerator<LogEvent> {
    let after = 0;
    for (;;) {
      const page = await this.events.readFrom(sessionId, after, pageSize);
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1]?.seq ?? after;
    }
  }

  /**
   * Presence in a cluster: recorded as in one process, and told to the other processes, whose
   * copies of the session (the owner's above all) would otherwise show a trainee connected here
   * as gone.
   */
  private readonly sharedPresence: Presence = {
    record: (change) => {
      this.presence.record(change);
      this.hub.sharePresence(change);
    },
    flush: () => this.presence.flush(),
  };

  /** A presence change another process shared: this process's copy follows it. */
  notePresence(change: PresenceChange): void {
    const live = this.hosts.get(change.sessionId)?.live;
    const row = live?.participants.get(change.participantId);
    if (!live || !row) return;
    live.participants.set(row.id, { ...row, presence: change.presence, last_seen_at: change.at });
  }

  /** Writes the queued presence changes now: readers of the presence log call this first. */
  flushPresence(): Promise<void> {
    return this.presence.flush();
  }

  /** Every event of a session in seq order, as one array (scoring, debriefs, replay). */
  async eventLog(sessionId: string): Promise<LogEvent[]> {
    return this.events.readFrom(sessionId, 0);
  }

  private liveFrom(
    row: SessionRow | undefined,
    teams: TeamRef[],
    participants: ParticipantRow[],
  ): LiveSession {
    if (!row) throw new AppError(ErrorCode.NotFound, NO_SUCH_SESSION);
    const runtime = this.catalogue.runtime(row.scenario_id, row.scenario_version);
    if (!runtime) {
      throw new AppError(
        ErrorCode.Internal,
        `Scenario ${row.scenario_id}@${row.scenario_version} is not in the catalogue.`,
      );
    }
    const live = new LiveSession(row, runtime, teams, () => this.clock.now());
    for (const p of participants) live.participants.set(p.id, p);
    return live;
  }

  private warnRefused(live: LiveSession, refused: LogEvent[]): void {
    for (const event of refused) {
      this.logger.warn(
        { session: live.id, seq: event.seq, type: event.type },
        'engine refused a logged event',
      );
    }
  }

  private adopt(live: LiveSession): SessionHost {
    const host = new SessionHost(
      live,
      {
        store: this.events,
        broadcaster: this.hub.broadcaster,
        clock: this.clock,
        presence: this.ownership.enabled ? this.sharedPresence : this.presence,
        views: this.views,
        logger: this.logger,
        // In a cluster the session's lease decides where its clock runs and fences its appends.
        lease: this.ownership.enabled ? this.ownership : this.lease,
        ...(this.ownership.enabled ? { ownership: this.ownership.forHost(live.id) } : {}),
      },
      this.options,
    );
    this.hosts.set(live.id, host);
    return host;
  }

  /**
   * A REST write to a live session (settings, end, join). In a cluster it runs where the session's
   * lease is: here when this process owns the session or takes it over (free or expired, the host
   * first catches up with the log), else on the owner, which it is forwarded to as socket
   * commands are; this process's copy then catches up with the log, so the answer shows the
   * write. Rejects with AppError when the write is refused. A write forwarded here is never
   * forwarded again.
   *
   * Every write carries a writeId, recorded as its event's command id, so it is applied once
   * however often it is sent. When no process answers for the owner (it died, or is stalled), the
   * lease decides: expired, the session is taken over and the write runs here (a no-op if the
   * dead owner applied it); held by a new owner, the write goes there once more; still held by
   * the silent owner, the caller is told the outcome is unknown (SessionUnavailable, never a
   * refusal), and the same request sent again through this process reuses the writeId (see
   * unknownOutcomes), so the owner applies it at most once even if it did apply the first.
   */
  async write(request: ForwardedWrite, forwarded = false): Promise<void> {
    const key = outcomeKey(request);
    const write: ForwardedWrite = {
      ...request,
      writeId: request.writeId ?? this.rememberedWriteId(key) ?? `write:${randomUUID()}`,
    };
    let silent: Fence | undefined;
    for (;;) {
      // Asked in the database every time: REST writes are rare, and after a silent owner the
      // lease must be read again, not remembered.
      const claim = await this.ownership.claim(write.sessionId, true);
      if (claim.owned) {
        const host = await this.open(write.sessionId);
        if (claim.taken) await host.refresh();
        await applyWrite(host, write);
        if (key !== null) this.unknownOutcomes.delete(key);
        return;
      }
      if (forwarded) throw sessionMovedOn();
      if (
        silent !== undefined &&
        silent.owner === claim.holder.owner &&
        silent.token === claim.holder.token
      ) {
        if (key !== null && write.writeId !== undefined) {
          this.unknownOutcomes.set(key, {
            writeId: write.writeId,
            until: this.clock.now() + UNKNOWN_OUTCOME_MS,
          });
        }
        throw new AppError(
          ErrorCode.SessionUnavailable,
          'The server process running this session did not answer in time, so this change may ' +
            'or may not have been applied. Reload to see; sending the same request again is ' +
            'safe: it is applied at most once.',
        );
      }
      const answer = await this.hub.forwardWrite(claim.holder.owner, write);
      if (answer === null) {
        // Nobody answered for the owner: ask the lease again (above) rather than give up.
        silent = { owner: claim.holder.owner, token: claim.holder.token };
        continue;
      }
      if (key !== null) this.unknownOutcomes.delete(key);
      if (answer.status === 'rejected') throw new AppError(answer.code, answer.message);
      await (await this.open(write.sessionId)).refresh();
      return;
    }
  }

  /**
   * REST writes whose owner did not answer, by what they ask (see outcomeKey()): the same request
   * sent again through this process within UNKNOWN_OUTCOME_MS reuses the writeId, so the owner
   * (or whoever took the session over) applies it once even if the first one arrived late.
   */
  private readonly unknownOutcomes = new Map<string, { writeId: string; until: number }>();

  private rememberedWriteId(key: string | null): string | undefined {
    if (key === null) return undefined;
    const now = this.clock.now();
    for (const [k, entry] of this.unknownOutcomes)
      if (entry.until <= now) this.unknownOutcomes.delete(k);
    return this.unknownOutcomes.get(key)?.writeId;
  }

  /** Runs a REST write another process forwarded here (see write()) and says how it went. */
  async answerWrite(write: ForwardedWrite): Promise<WriteAnswer> {
    try {
      await this.write(write, true);
      return { status: 'done' };
    } catch (error) {
      if (error instanceof AppError) {
        return { status: 'rejected', code: error.code, message: error.message };
      }
      throw error;
    }
  }

  // ---- handshake ----------------------------------------------------------------------------

  /** Resolves a validated handshake to a principal and its session, or rejects with AppError. */
  async authenticate(handshake: Handshake): Promise<{
    principal: Principal;
    live: LiveSession;
    /** Staff only: the login behind the socket, re-checked on every command. */
    login?: { tokenHash: string; expiresAt: number };
  }> {
    const { credential } = handshake;
    if (credential.kind === 'participant') {
      const row = await this.repository.participantByTokenHash(hashToken(credential.token));
      if (!row) throw new AppError(ErrorCode.Unauthenticated, 'Unknown participant token.');
      if (handshake.session && handshake.session !== row.session_id) {
        throw new AppError(ErrorCode.Forbidden, 'This token belongs to another session.');
      }
      const live = await this.session(row.session_id);
      if (!live.participants.has(row.id)) live.participants.set(row.id, row);
      return {
        principal: { kind: 'participant', participantId: row.id, sessionId: row.session_id },
        live,
      };
    }
    const tokenHash = hashToken(credential.token);
    const login = await this.accounts.login(tokenHash);
    if (!login) throw new AppError(ErrorCode.Unauthenticated, 'Unknown or expired token.');
    const { account } = login;
    if (!handshake.session) {
      throw new AppError(ErrorCode.InvalidPayload, 'Staff must name the session to join.');
    }
    const memberRole = await this.repository.memberRole(handshake.session, account.id);
    // Staff who are not its members hear what a session that does not exist answers (as over REST,
    // SessionAccess.live), so nobody can probe which ids exist; asked before the session is loaded.
    if (memberRole === undefined && account.role !== 'admin') {
      throw new AppError(ErrorCode.NotFound, NO_SUCH_SESSION);
    }
    const live = await this.session(handshake.session);
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
    return { principal: { kind: 'observer', account }, ...withLogin };
  }

  /**
   * Who a connected socket is *now*: its principal re-derived from the current state (the login
   * still valid, the account still a member with the same rights, the trainee still in the
   * session). Rejects with AppError with the reason when the socket may no longer act as it
   * connected. A trainee still in the live session is answered without a query.
   */
  async recheck(entry: SocketEntry, now = Date.now()): Promise<Principal> {
    const { principal } = entry;
    if (principal.kind === 'participant') {
      if (this.seatedNow(entry)) return principal;
      if (await this.repository.participant(principal.participantId)) return principal;
      throw new AppError(ErrorCode.Unauthenticated, 'Your place in this session was removed.');
    }
    const login =
      entry.tokenHash === undefined ? undefined : await this.accounts.login(entry.tokenHash, now);
    if (!login || login.account.id !== principal.account.id) {
      throw new AppError(
        ErrorCode.Unauthenticated,
        'Your login has ended (logged out, expired or password changed). Log in again.',
      );
    }
    const { account } = login;
    const admin = account.role === 'admin';
    const memberRole = await this.repository.memberRole(entry.sessionId, account.id);
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
      throw new AppError(ErrorCode.NotFound, REMOVED_FROM_STAFF);
    }
    if (memberRole === undefined && !admin) {
      throw new AppError(ErrorCode.NotFound, REMOVED_FROM_STAFF);
    }
    return { kind: 'observer', account };
  }

  /**
   * Whether recheck() answers this socket's principal unchanged without a query: a trainee still
   * in the session in memory.
   */
  seatedNow(entry: SocketEntry): boolean {
    const { principal } = entry;
    return (
      principal.kind === 'participant' &&
      this.hosts.get(entry.sessionId)?.live.participants.has(principal.participantId) === true
    );
  }

  /**
   * Re-checks every open session socket that `which` selects and closes, with a notice giving the
   * reason, those that may no longer act as they connected (removal, role change, logout, expiry).
   * Never rejects: a socket whose check fails otherwise (the database down) stays as it is, logged,
   * and is checked again at its next command.
   */
  async recheckSockets(which: (entry: SocketEntry) => boolean): Promise<void> {
    const server = this.hub.server;
    if (!server) return;
    const selected = [...server.sockets.sockets.values()].flatMap((socket) => {
      const entry = this.hub.principals.get(socket.id);
      return entry && which(entry) ? [{ socket, entry }] : [];
    });
    await Promise.all(
      selected.map(async ({ socket, entry }) => {
        try {
          entry.principal = await this.recheck(entry);
        } catch (error) {
          if (error instanceof AppError) {
            this.hub.revoke(socket, { code: error.code, message: error.message });
          } else {
            this.logger.error({ err: error, socketId: socket.id }, 'socket re-check failed');
          }
        }
      }),
    );
  }

  // ---- commands -----------------------------------------------------------------------------

  /**
   * Runs one command for an authenticated principal: its rights and its payload against the shared
   * contract here, everything else in the session's host. Never rejects: errors become rejected
   * acks. When the session is in memory (always, for a connected socket) the host queues the
   * command before this returns, so commands keep their arrival order.
   */
  execute(
    principal: Principal,
    sessionId: string,
    name: CommandName,
    raw: unknown,
    forwarded = false,
  ): Promise<CommandAck> {
    try {
      if (!commandPermissions[name].includes(principal.kind)) {
        throw new AppError(ErrorCode.Forbidden, `A ${principal.kind} may not send ${name}.`);
      }
      const payload = parseOrThrow(
        commandSchemas[name],
        raw,
        `${name} payload`,
      ) as CommandPayload<CommandName>;
      // Commands wait behind a routing in progress, so one socket's commands keep their order.
      if (
        !this.ownership.enabled ||
        (this.ownership.holds(sessionId) && !this.routing.has(sessionId))
      ) {
        const host = this.hosts.get(sessionId);
        if (host) return host.execute(principal, name, payload);
        return this.open(sessionId).then(
          (opened) => opened.execute(principal, name, payload),
          (error: unknown) => this.failedCommand(error, name, sessionId),
        );
      }
      return this.routeInOrder(sessionId, () =>
        this.routed(principal, sessionId, name, payload, forwarded),
      );
    } catch (error) {
      return Promise.resolve(this.failedCommand(error, name, sessionId));
    }
  }

  /**
   * A command for a session this process does not own right now (cluster only): the session is
   * taken over when its lease is free or expired (the host first catches up with the log), else
   * the command goes to the owner and its ack comes back. A command forwarded here is never
   * forwarded again.
   */
  private async routed(
    principal: Principal,
    sessionId: string,
    name: CommandName,
    payload: CommandPayload<CommandName>,
    forwarded: boolean,
  ): Promise<{ ack: Promise<CommandAck> }> {
    const claim = await this.ownership.claim(sessionId);
    if (claim.owned) {
      const host = await this.open(sessionId);
      // Both queued in the host now, in this order: the next command may be routed.
      if (claim.taken) void host.refresh();
      return { ack: host.execute(principal, name, payload) };
    }
    if (forwarded) return { ack: Promise.resolve(rejectedAck(sessionMovedOn())) };
    // The routing ends once the command is on its way, not when the owner acked it: forwards
    // leave one after the other on one Redis connection and reach the owner in that order, where
    // each is queued in its host as it arrives, so the order holds without a round trip between
    // two commands. (Waiting for each ack let a busy session's forwards queue for seconds.)
    const holder = claim.holder;
    const command = { principal, sessionId, name, payload };
    return {
      ack: this.hub
        .forward(holder.owner, command)
        .then((ack) =>
          ack !== null && !movedOn(ack) ? ack : this.afterForward(command, holder, ack),
        ),
    };
  }

  /**
   * A forwarded command nobody answered for (the owner is dead, stalled, or cut off from Redis,
   * after the adapter's timeout), or that the holder refused as no longer its own: the lease, read
   * again, decides. Free or expired, the session is taken over and the command runs here (its
   * commandId makes it a repeat if the owner applied it before dying); held by another process now,
   * the command goes there once more; still held by the same one, the client is told to send it
   * again shortly, with the same commandId (or gets the holder's refusal).
   */
  private async afterForward(
    command: ForwardedCommand,
    tried: Fence,
    answer: CommandAck | null,
  ): Promise<CommandAck> {
    const { principal, sessionId, name } = command;
    const payload = command.payload as CommandPayload<CommandName>;
    const again = await this.ownership.claim(sessionId, true);
    if (again.owned) {
      const host = await this.open(sessionId);
      if (again.taken) void host.refresh();
      return host.execute(principal, name, payload);
    }
    if (again.holder.owner !== tried.owner || again.holder.token !== tried.token) {
      const next = await this.hub.forward(again.holder.owner, command);
      if (next !== null) return next;
    } else if (answer !== null) {
      return answer;
    }
    return rejectedAck(
      new AppError(
        ErrorCode.SessionUnavailable,
        'The server process running this session does not answer; another takes the ' +
          `session over within ${Math.ceil(this.ownership.leaseMs / 1000)} s if it stopped. ` +
          'Send the command again with the same commandId: it is applied at most once.',
      ),
    );
  }

  /** Routings of commands in progress, per session: later commands of the session wait. */
  private readonly routing = new Map<string, Promise<unknown>>();

  /**
   * Runs `route` after every earlier routing of the session has queued its command (or answered
   * it), and answers the command's ack.
   */
  private routeInOrder(
    sessionId: string,
    route: () => Promise<{ ack: Promise<CommandAck> }>,
  ): Promise<CommandAck> {
    const before = this.routing.get(sessionId) ?? Promise.resolve();
    const admitted = before.then(route);
    const settled = admitted.catch(() => undefined);
    this.routing.set(sessionId, settled);
    void settled.then(() => {
      if (this.routing.get(sessionId) === settled) this.routing.delete(sessionId);
    });
    return admitted.then(
      ({ ack }) => ack,
      (error: unknown): CommandAck => {
        this.logger.error({ err: error, session: sessionId }, 'command could not be routed');
        return {
          status: 'rejected',
          code: ErrorCode.Internal,
          message: 'Something failed on the server; nothing was changed.',
        };
      },
    );
  }

  /** A command that failed before its host ran it, as a rejected ack. */
  private failedCommand(error: unknown, name: CommandName, sessionId: string): CommandAck {
    if (error instanceof AppError) return rejectedAck(error);
    this.logger.error({ err: error, command: name, session: sessionId }, 'command failed');
    return {
      status: 'rejected',
      code: ErrorCode.Internal,
      message: 'Something failed on the server; nothing was changed.',
    };
  }

  // ---- clock --------------------------------------------------------------------------------

  /**
   * The clock ticker: every host says what is due at `now` (the end of its time limit, or scenario
   * minutes by its time ratio), and each due session's work runs in its own macrotask, one after
   * the other and spread until shortly before the next visit, so commands that arrive meanwhile are
   * not held up behind every session's tick.
   * Ended sessions nobody looks at leave memory (REST reads load them again when asked).
   */
  tick(now = this.clock.now()): void {
    // Every third of a lease: a session whose owner stopped cleanly (its lease released, not left
    // to run out) and that no command wakes is taken over at the next sweep, so its clock stands
    // still for a few seconds at most, not for up to a whole lease.
    if (this.ownership.enabled && now - this.lastOrphanSweep >= this.ownership.leaseMs / 3) {
      this.lastOrphanSweep = now;
      void this.adoptOrphans();
    }
    this.tickWork.spreadUntil(this.clock.now() + this.options.tickMs * 0.8);
    for (const host of [...this.hosts.values()]) {
      if (host.live.status === 'ended' && !host.hasAudience()) {
        this.evict(host.id);
        continue;
      }
      if (this.ownership.enabled && host.live.status === 'running') this.watchOwner(host, now);
      const work = host.tick(now);
      if (work) this.tickWork.add(work);
    }
  }

  private lastOrphanSweep = 0;

  /**
   * Running sessions whose owner died (their lease expired): taken over and loaded, or brought up
   * to date when this process holds a copy for its sockets, so their clocks go on here.
   */
  private async adoptOrphans(): Promise<void> {
    try {
      for (const id of await this.ownership.orphans()) {
        // Held here too: this process's copy may not even know the session started (only the
        // owner's copy follows the log), so the sweep, not the copy's status, decides.
        if (this.ownership.holds(id)) continue;
        const claim = await this.ownership.claim(id, true);
        if (!claim.owned) continue;
        // Loaded after the claim: the log it reads is the whole story up to the takeover.
        const host = await this.open(id);
        if (claim.taken) await host.refresh();
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'orphaned sessions not taken over');
    }
  }

  /** When each running session's owner was last looked at (cluster only, see watchOwner). */
  private readonly ownerChecks = new Map<string, number>();

  /**
   * A running session's clock must go on when its owner dies, even if no command arrives: a
   * process that holds the session without owning it looks at its lease every half lease and
   * takes it over once it expired (the host catches up with the log; the clock then ticks here).
   */
  private watchOwner(host: SessionHost, now: number): void {
    const id = host.id;
    if (this.ownership.holds(id)) return;
    const last = this.ownerChecks.get(id);
    if (last !== undefined && (last < 0 || now - last < this.ownership.leaseMs / 2)) return;
    this.ownerChecks.set(id, -1); // in flight
    void (async () => {
      try {
        const lease = await this.ownership.current(id);
        if (lease && lease.expiresAt > this.clock.now()) return;
        const claim = await this.ownership.claim(id, true);
        if (claim.owned && claim.taken) await host.refresh();
      } catch (error) {
        this.logger.warn({ err: error, session: id }, 'session lease check failed');
      } finally {
        this.ownerChecks.set(id, this.clock.now());
      }
    })();
  }

  // ---- sessions & participants (REST) ---------------------------------------------------------

  newParticipantId(): string {
    return randomUUID();
  }

  /** Drop a session from memory (tests, or after it ended and nobody looks at it). */
  evict(sessionId: string): void {
    this.hosts.get(sessionId)?.close();
    this.hosts.delete(sessionId);
    this.ownerChecks.delete(sessionId);
    if (this.ownership.enabled) {
      this.ownership.release(sessionId).catch((error: unknown) => {
        this.logger.warn({ err: error, session: sessionId }, 'session lease not released');
      });
    }
  }
}

/** How long a REST write whose outcome is unknown keeps its writeId for a repeat (see write()). */
const UNKNOWN_OUTCOME_MS = 10 * 60_000;

/**
 * What makes two REST writes the same request, for reusing a writeId (see write()): joins are
 * left out, a repeated join being refused by its display name, taken by the first.
 */
function outcomeKey(write: ForwardedWrite): string | null {
  switch (write.kind) {
    case 'settings':
      return `settings\u0000${write.sessionId}\u0000${write.actor}\u0000${sortedJson(write.patch)}`;
    case 'end':
      return `end\u0000${write.sessionId}\u0000${write.actor}`;
    case 'join':
      return null;
  }
}

/** JSON with object keys sorted: equal patches give equal text whatever their key order. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

/** A forwarded command or write reached a process that no longer owns the session. */
function sessionMovedOn(): AppError {
  return new AppError(
    ErrorCode.SessionUnavailable,
    'This session is moving to another server process; nothing was changed. Try again.',
  );
}

/** The owner a command was forwarded to says the session is not (or no longer) its own. */
function movedOn(ack: CommandAck): boolean {
  return ack.status === 'rejected' && ack.code === ErrorCode.SessionUnavailable;
}

/**
 * A REST write on the host that owns its session. The state checks are made again here, against
 * the owner's state: the process that received the request may hold an older copy.
 */
async function applyWrite(host: SessionHost, write: ForwardedWrite): Promise<void> {
  const live = host.live;
  switch (write.kind) {
    case 'settings':
      if (live.status === 'ended') {
        throw new AppError(ErrorCode.SessionNotRunning, 'The session has ended.');
      }
      // Nothing to change (an empty patch, or the values the session has): no event, no update.
      if (
        Object.entries(write.patch).every(
          ([key, value]) => live.settings[key as keyof typeof live.settings] === value,
        )
      )
        return;
      await host.commit(
        () => [
          {
            type: 'settings.changed',
            payload: { settings: { ...live.settings, ...write.patch } },
            team: null,
            role: null,
            participant: null,
          },
        ],
        { actor: write.actor, ...writeCommandId(write) },
      );
      return;
    case 'end':
      if (live.status === 'ended') return;
      await host.commit(
        () => [
          {
            type: 'session.ended',
            payload: { reason: 'facilitator' },
            team: null,
            role: null,
            participant: null,
          },
        ],
        { actor: write.actor, ...writeCommandId(write) },
      );
      return;
    case 'join':
      if (live.status === 'ended') {
        throw new AppError(ErrorCode.SessionNotRunning, 'This session has ended.');
      }
      await host.join(write.row, write.writeId);
      return;
  }
}

/** The write's id as the command id of its event (see ForwardedWrite). */
function writeCommandId(write: ForwardedWrite): { commandId?: string } {
  return write.writeId !== undefined ? { commandId: write.writeId } : {};
}
