import type { SqlClient } from '../database/sql';
import type { Fence } from './ports';

export type { Fence } from './ports';

/** Who owns a session now, and with which fencing token. */
export interface Lease {
  sessionId: string;
  owner: string;
  /** Raised every time the owner changes; appends fenced with another token are refused. */
  token: number;
  /** Milliseconds since the epoch; after it, another process may take the session over. */
  expiresAt: number;
}

/** acquire(): the lease (now ours), or who holds it and until when. */
export type AcquireResult = { acquired: true; lease: Lease } | { acquired: false; holder: Lease };

interface LeaseRow {
  session_id: string;
  owner: string;
  token: number;
  expires_at: string;
}

/** An ISO time that is earlier than any expiry: what a release sets. */
const EXPIRED = new Date(0).toISOString();

function toLease(row: LeaseRow): Lease {
  return {
    sessionId: row.session_id,
    owner: row.owner,
    token: Number(row.token),
    expiresAt: Date.parse(row.expires_at),
  };
}

/**
 * One owner per session at a time, in the database every server process shares (issue 10). A
 * process owns a session while its lease has not expired and renews it well before; once it has
 * expired, any process may take the session over, which raises the fencing token. The token, not
 * the expiry, keeps the log safe: every append of an owner carries its token (AppendRequest.fence)
 * and the event store refuses it inside the append's transaction when the token moved on, so a
 * stalled former owner that wakes up after a takeover cannot write another event.
 *
 * Each method is one statement (atomic on both engines, no transaction held across awaits):
 * `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING` takes a free, expired or own lease; of two
 * processes racing for it, PostgreSQL re-checks the WHERE against the winner's row and SQLite runs
 * the statements one after the other, so exactly one gets it. Expiry times are ISO strings of the
 * callers' clocks (hosts keep them in step with NTP); a skew only moves when a takeover may
 * happen, never whether two owners can both write.
 */
export class SessionLeases {
  constructor(
    private readonly sql: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes the session for `owner` for `ttlMs` when it is free, expired or already `owner`'s (then
   * it is renewed with the same token). A change of owner raises the token by one.
   */
  async acquire(
    sessionId: string,
    owner: string,
    ttlMs: number,
    retried = false,
  ): Promise<AcquireResult> {
    const now = this.now();
    const rows = await this.sql.all<LeaseRow>(
      `INSERT INTO session_leases (session_id, owner, token, expires_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (session_id) DO UPDATE SET
         owner = excluded.owner,
         token = CASE WHEN session_leases.owner = excluded.owner
                      THEN session_leases.token ELSE session_leases.token + 1 END,
         expires_at = excluded.expires_at
       WHERE session_leases.owner = excluded.owner OR session_leases.expires_at <= ?
       RETURNING session_id, owner, token, expires_at`,
      [sessionId, owner, new Date(now + ttlMs).toISOString(), new Date(now).toISOString()],
    );
    const taken = rows[0];
    if (taken) return { acquired: true, lease: toLease(taken) };
    const holder = await this.current(sessionId);
    // Released or expired between the two statements: try once more rather than report a holder
    // that no longer holds it.
    if (!retried && (!holder || holder.expiresAt <= now)) {
      return this.acquire(sessionId, owner, ttlMs, true);
    }
    if (!holder) throw new Error(`the lease of session ${sessionId} could not be read`);
    return { acquired: false, holder };
  }

  /**
   * Extends `owner`'s lease by `ttlMs` from now, if it is still theirs with this token (expired
   * or not: nobody took it over meanwhile). Null when it was lost.
   */
  async renew(sessionId: string, fence: Fence, ttlMs: number): Promise<Lease | null> {
    const rows = await this.sql.all<LeaseRow>(
      `UPDATE session_leases SET expires_at = ?
        WHERE session_id = ? AND owner = ? AND token = ?
       RETURNING session_id, owner, token, expires_at`,
      [new Date(this.now() + ttlMs).toISOString(), sessionId, fence.owner, fence.token],
    );
    const row = rows[0];
    return row ? toLease(row) : null;
  }

  /** Lets another process take the session at once (the token is kept; the next owner raises it). */
  async release(sessionId: string, fence: Fence): Promise<boolean> {
    const { changes } = await this.sql.run(
      `UPDATE session_leases SET expires_at = ? WHERE session_id = ? AND owner = ? AND token = ?`,
      [EXPIRED, sessionId, fence.owner, fence.token],
    );
    return changes > 0;
  }

  /** The session's lease as stored (maybe expired), or undefined when it was never owned. */
  async current(sessionId: string): Promise<Lease | undefined> {
    const row = await this.sql.get<LeaseRow>(
      'SELECT session_id, owner, token, expires_at FROM session_leases WHERE session_id = ?',
      [sessionId],
    );
    return row ? toLease(row) : undefined;
  }
}

/** Sessions whose lease expired while their row says `running`: their owner stopped renewing. */
export async function expiredRunningSessions(sql: SqlClient, now: number): Promise<string[]> {
  const rows = await sql.all<{ session_id: string }>(
    `SELECT l.session_id FROM session_leases l JOIN sessions s ON s.id = l.session_id
      WHERE s.status = 'running' AND l.expires_at <= ? ORDER BY l.session_id`,
    [new Date(now).toISOString()],
  );
  return rows.map((row) => row.session_id);
}

/** The fencing query of an append: the session's lease owner and token, locked until commit. */
export function fenceQuery(dialect: 'sqlite' | 'postgres'): string {
  // FOR SHARE: a takeover (which updates the row) waits until this append has committed, so the
  // new owner reads the log with this append in it. SQLite's BEGIN IMMEDIATE already serialises.
  const lock = dialect === 'postgres' ? ' FOR SHARE' : '';
  return `SELECT owner, token FROM session_leases WHERE session_id = ?${lock}`;
}

/** Whether the lease row read inside an append still belongs to the fence's holder. */
export function fenceHolds(
  fence: Fence,
  row: { owner: string; token: number } | undefined,
): boolean {
  return row !== undefined && row.owner === fence.owner && Number(row.token) === fence.token;
}
