import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { SQL_CLIENT, type SqlClient } from '../database/sql';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { systemClock } from './clock';
import type { Clock, Fence, Timer } from './ports';
import type { HostOwnership } from './session-host';
import { expiredRunningSessions, SessionLeases, type Lease } from './session-leases';
import type { ClockLease } from './session-options';

/** Default lifetime of a session lease (CROSSROADS_LEASE_MS); it is renewed every third of it. */
export const LEASE_DEFAULT_MS = 10_000;

/** What claim() found. `taken`: this process did not own the session just before. */
export type Claim = { owned: true; taken: boolean } | { owned: false; holder: Lease };

/**
 * This process's session leases (issue 10). With NODE_ID set, several server processes share the
 * database and each live session is run by one of them at a time: the one holding its lease in
 * session_leases. The owner's host fences every append with the lease (so after a takeover it
 * cannot write another event) and runs the session's clock; other processes keep hosts only for
 * their own sockets and send the commands they receive to the owner, or take the session over
 * when its lease expired (a dead owner stops renewing: within CROSSROADS_LEASE_MS).
 *
 * Without NODE_ID (one process) nothing here is used: `enabled` is false and every host owns its
 * session as before, so a single server neither writes leases nor waits for one after a crash.
 */
@Injectable()
export class SessionOwnership implements ClockLease, OnModuleDestroy {
  readonly enabled: boolean;
  /** This process's name in session_leases.owner. */
  readonly nodeId: string;
  readonly leaseMs: number;
  private readonly leases: SessionLeases;
  private readonly sql: SqlClient;
  private readonly held = new Map<string, Lease>();
  /** Leases of other processes as claim() last read them (see claim()). */
  private readonly others = new Map<string, Lease>();
  private renewer: Timer | undefined;
  private readonly lostHandlers: ((sessionId: string, holder: Fence | null) => void)[] = [];
  private readonly clock: Clock = systemClock;

  constructor(
    @Inject(SQL_CLIENT) sql: SqlClient,
    @InjectConfig() config: AppConfig,
    @InjectPinoLogger('SessionOwnership') private readonly logger: PinoLogger,
  ) {
    this.enabled = config.nodeId !== undefined;
    this.nodeId = config.nodeId ?? `node-${randomUUID()}`;
    this.leaseMs = config.leaseMs ?? LEASE_DEFAULT_MS;
    this.sql = sql;
    this.leases = new SessionLeases(sql, () => this.clock.now());
    if (this.enabled) {
      this.renewer = this.clock.every(Math.max(100, Math.floor(this.leaseMs / 3)), () => {
        void this.renewAll();
      });
    }
  }

  /** Called with a session this process lost to another (or to nobody). */
  onLost(handler: (sessionId: string, holder: Fence | null) => void): void {
    this.lostHandlers.push(handler);
  }

  /**
   * Whether this process owns the session now, by its own reckoning: it holds the lease and the
   * lease has not run out (a renewal that failed for longer than the lease means another process
   * may have taken over; the clock stops here until the lease is claimed again).
   */
  holds(sessionId: string): boolean {
    if (!this.enabled) return true;
    const lease = this.held.get(sessionId);
    return lease !== undefined && lease.expiresAt > this.clock.now();
  }

  /** The fence of this process's lease of the session, or null when it holds none. */
  fence(sessionId: string): Fence | null {
    const lease = this.held.get(sessionId);
    return lease ? { owner: lease.owner, token: lease.token } : null;
  }

  /** The ownership port of the session's host (see SessionHost), or undefined in one process. */
  forHost(sessionId: string): HostOwnership | undefined {
    if (!this.enabled) return undefined;
    return {
      fence: () => this.fence(sessionId),
      lost: (holder) => this.lost(sessionId, holder),
    };
  }

  /**
   * Makes this process the session's owner if it is free, expired or ours already; otherwise says
   * who holds it. `taken` tells the caller to bring its host up to date from the log first.
   *
   * Another process's lease read before is answered from memory until it runs out (`fresh`
   * asks the database anyway): a non-owner claims before every command it forwards, and each
   * claim in the database is a round trip that locks the lease row, so it waited for the owner's
   * appends (which hold the row FOR SHARE until they commit) and held up the next ones. Another
   * process can only take the session before that expiry if the holder released it or died,
   * and a forward that then finds no owner (or a holder that moved on) claims `fresh`.
   */
  async claim(sessionId: string, fresh = false): Promise<Claim> {
    if (!this.enabled || this.holds(sessionId)) return { owned: true, taken: false };
    const hadIt = this.held.has(sessionId);
    const known = this.others.get(sessionId);
    if (!fresh && !hadIt && known !== undefined && known.expiresAt > this.clock.now()) {
      return { owned: false, holder: known };
    }
    const result = await this.leases.acquire(sessionId, this.nodeId, this.leaseMs);
    if (!result.acquired) {
      this.others.set(sessionId, result.holder);
      if (hadIt) this.lost(sessionId, result.holder);
      return { owned: false, holder: result.holder };
    }
    this.others.delete(sessionId);
    const before = this.held.get(sessionId);
    this.held.set(sessionId, result.lease);
    const taken = before?.token !== result.lease.token;
    if (taken) {
      this.logger.info(
        { session: sessionId, node: this.nodeId, token: result.lease.token },
        'session lease taken',
      );
    }
    return { owned: true, taken };
  }

  /** The session's lease as stored (who owns it, until when). */
  current(sessionId: string): Promise<Lease | undefined> {
    return this.leases.current(sessionId);
  }

  /** Running sessions whose owner stopped renewing their lease (any process may take them). */
  orphans(): Promise<string[]> {
    return expiredRunningSessions(this.sql, this.clock.now());
  }

  /** This process no longer owns the session (a renewal or a fenced append found it taken). */
  lost(sessionId: string, holder: Fence | null): void {
    if (!this.held.delete(sessionId)) return;
    this.logger.warn({ session: sessionId, node: this.nodeId, holder }, 'session lease lost');
    for (const handler of this.lostHandlers) handler(sessionId, holder);
  }

  /** Gives the session up (it left memory, or the server stops): another may take it at once. */
  async release(sessionId: string): Promise<void> {
    const lease = this.held.get(sessionId);
    if (!lease) return;
    this.held.delete(sessionId);
    await this.leases.release(sessionId, lease);
  }

  private async renewAll(): Promise<void> {
    const now = this.clock.now();
    for (const [sessionId, lease] of this.others) {
      if (lease.expiresAt <= now) this.others.delete(sessionId);
    }
    for (const [sessionId, lease] of [...this.held]) {
      try {
        const renewed = await this.leases.renew(sessionId, lease, this.leaseMs);
        // Released or lost meanwhile: leave it as it is now.
        if (this.held.get(sessionId) !== lease) continue;
        if (renewed) this.held.set(sessionId, renewed);
        else this.lost(sessionId, (await this.leases.current(sessionId)) ?? null);
      } catch (error) {
        // The database is unreachable: keep trying; holds() turns false once the lease ran out.
        this.logger.warn({ err: error, session: sessionId }, 'session lease not renewed');
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.renewer?.cancel();
    for (const sessionId of [...this.held.keys()]) {
      try {
        await this.release(sessionId);
      } catch (error) {
        this.logger.warn({ err: error, session: sessionId }, 'session lease not released');
      }
    }
  }
}
