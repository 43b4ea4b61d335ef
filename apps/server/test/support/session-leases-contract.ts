import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../../src/database/sql';
import { expiredRunningSessions, SessionLeases } from '../../src/sessions/session-leases';

/** Two SqlClients on one migrated database, each on its own connections (two server processes). */
export interface LeaseDatabases {
  first: SqlClient;
  second: SqlClient;
}

/** An account and a session row for a lease to point at; the session id. */
export async function insertSession(sql: SqlClient): Promise<string> {
  const owner = randomUUID();
  const sessionId = randomUUID();
  const created = new Date().toISOString();
  await sql.run(
    `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'facilitator', ?)`,
    [owner, `owner-${owner}`, created],
  );
  await sql.run(
    `INSERT INTO sessions (id, scenario_id, scenario_version, settings, status, join_code, owner_id, created_at)
     VALUES (?, 'scenario', '1.0.0', '{}', 'lobby', ?, ?, ?)`,
    [sessionId, `code-${sessionId}`, owner, created],
  );
  return sessionId;
}

/**
 * SessionLeases on one engine: run from a SQLite spec (server project) and a PostgreSQL one
 * (postgres project). Time is a variable, so expiry is exact.
 */
export function sessionLeasesContract(name: string, open: () => Promise<LeaseDatabases>): void {
  describe(`SessionLeases on ${name}`, () => {
    let db: LeaseDatabases;
    let now: number;
    let sessionId: string;
    const TTL = 10_000;
    const clock = () => now;
    beforeAll(async () => {
      db = await open();
    });
    beforeEach(async () => {
      now = Date.UTC(2026, 11, 4, 22, 0, 0);
      sessionId = await insertSession(db.first);
    });

    it('gives a free session to the first owner with token 1, and to nobody else while it lasts', async () => {
      const a = new SessionLeases(db.first, clock);
      const b = new SessionLeases(db.second, clock);
      expect(await a.current(sessionId)).toBeUndefined();
      expect(await a.acquire(sessionId, 'A', TTL)).toEqual({
        acquired: true,
        lease: { sessionId, owner: 'A', token: 1, expiresAt: now + TTL },
      });
      now += TTL - 1;
      expect(await b.acquire(sessionId, 'B', TTL)).toEqual({
        acquired: false,
        holder: { sessionId, owner: 'A', token: 1, expiresAt: now + 1 },
      });
      // Already mine: extended, same token.
      expect(await a.acquire(sessionId, 'A', TTL)).toEqual({
        acquired: true,
        lease: { sessionId, owner: 'A', token: 1, expiresAt: now + TTL },
      });
    });

    it('lets another owner take an expired lease, raising the token; the old owner can no longer renew', async () => {
      const a = new SessionLeases(db.first, clock);
      const b = new SessionLeases(db.second, clock);
      await a.acquire(sessionId, 'A', TTL);
      expect(await a.renew(sessionId, { owner: 'A', token: 1 }, TTL)).toMatchObject({
        owner: 'A',
        token: 1,
        expiresAt: now + TTL,
      });
      now += TTL;
      const taken = await b.acquire(sessionId, 'B', TTL);
      expect(taken).toEqual({
        acquired: true,
        lease: { sessionId, owner: 'B', token: 2, expiresAt: now + TTL },
      });
      expect(await a.renew(sessionId, { owner: 'A', token: 1 }, TTL)).toBeNull();
      expect(await a.release(sessionId, { owner: 'A', token: 1 })).toBe(false);
      expect((await a.acquire(sessionId, 'A', TTL)).acquired).toBe(false);
      expect(await a.current(sessionId)).toMatchObject({ owner: 'B', token: 2 });
      // Back to A later: the token never goes back.
      now += TTL;
      expect(await a.acquire(sessionId, 'A', TTL)).toMatchObject({
        acquired: true,
        lease: { owner: 'A', token: 3 },
      });
    });

    it('renews an expired lease nobody took, and a release frees it at once', async () => {
      const a = new SessionLeases(db.first, clock);
      const b = new SessionLeases(db.second, clock);
      await a.acquire(sessionId, 'A', TTL);
      now += TTL * 2;
      expect(await a.renew(sessionId, { owner: 'A', token: 1 }, TTL)).toMatchObject({
        token: 1,
        expiresAt: now + TTL,
      });
      expect(await a.release(sessionId, { owner: 'A', token: 1 })).toBe(true);
      expect(await b.acquire(sessionId, 'B', TTL)).toMatchObject({
        acquired: true,
        lease: { owner: 'B', token: 2 },
      });
    });

    it('lists the running sessions whose lease expired (their owner stopped renewing)', async () => {
      const a = new SessionLeases(db.first, clock);
      const lobby = await insertSession(db.first);
      await db.first.run(`UPDATE sessions SET status = 'running' WHERE id = ?`, [sessionId]);
      await a.acquire(sessionId, 'A', TTL);
      await a.acquire(lobby, 'A', TTL);
      const orphans = async () =>
        (await expiredRunningSessions(db.second, now)).filter(
          (id) => id === sessionId || id === lobby,
        );
      expect(await orphans()).toEqual([]);
      now += TTL;
      expect(await orphans()).toEqual([sessionId]);
      await new SessionLeases(db.second, clock).acquire(sessionId, 'B', TTL);
      expect(await orphans()).toEqual([]);
    });

    it('gives a contested session to exactly one of many owners racing on two connections', async () => {
      for (let round = 0; round < 5; round += 1) {
        const contested = await insertSession(db.first);
        const owners = Array.from({ length: 8 }, (_, i) => `owner-${i}`);
        const results = await Promise.all(
          owners.map((owner, i) =>
            new SessionLeases(i % 2 === 0 ? db.first : db.second, clock).acquire(
              contested,
              owner,
              TTL,
            ),
          ),
        );
        const winners = results.filter((r) => r.acquired);
        expect(winners).toHaveLength(1);
        const lease = await new SessionLeases(db.first, clock).current(contested);
        expect(lease).toMatchObject({ token: 1 });
        for (const r of results) {
          if (!r.acquired) expect(r.holder.owner).toBe(lease?.owner);
        }
        // And again once it expired: one new owner, the token raised once.
        now += TTL;
        const again = await Promise.all(
          owners.map((owner, i) =>
            new SessionLeases(i % 2 === 0 ? db.first : db.second, clock).acquire(
              contested,
              `${owner}-again`,
              TTL,
            ),
          ),
        );
        expect(again.filter((r) => r.acquired)).toHaveLength(1);
        expect(await new SessionLeases(db.second, clock).current(contested)).toMatchObject({
          token: 2,
        });
      }
    });
  });
}
