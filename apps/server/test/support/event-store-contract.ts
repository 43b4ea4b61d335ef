import { randomUUID } from 'node:crypto';
import type { LogEvent } from '@crossroads/shared';
import type {
  AppendResult,
  EventStore,
  Fence,
  NewParticipant,
  StoredEvent,
} from '../../src/sessions/ports';
import { SessionLeases } from '../../src/sessions/session-leases';
import type { SqlClient } from '../../src/database/sql';

/** A store under test, with one session (row, two teams) already created and empty of events. */
export interface StoreUnderTest {
  store: EventStore;
  sessionId: string;
  /** The session row's projected columns as the store left them. */
  row(): Promise<{
    status: string;
    startedAt: string | null;
    endedAt: string | null;
    debriefReleased: boolean;
  }>;
  /** A participant row (team/role) as the store left it, undefined when not there. */
  participant(id: string): Promise<{ team: string | null; role: string | null } | undefined>;
  /**
   * Another store on the same data through its own connections: to a database, another server
   * process (a second pool, a second SQLite connection). The in-memory store, which lives in one
   * process, answers with itself.
   */
  secondStore(): Promise<EventStore>;
  /**
   * Database stores: SqlClients on the store's connection and on the second store's, for the
   * session leases that fence appends.
   */
  sql?(): Promise<{ first: SqlClient; second: SqlClient }>;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** A database: it enforces its keys, so a row that breaks one fails the whole append. */
  database: boolean;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

function stored(
  seq: number,
  type: string,
  payload: unknown,
  extra: Partial<Pick<LogEvent, 'team' | 'participant' | 'role'>> & { commandId?: string } = {},
): StoredEvent {
  const event = {
    seq,
    at: at(seq),
    time: null,
    team: extra.team ?? null,
    role: extra.role ?? null,
    participant: extra.participant ?? null,
    type,
    payload,
  } as LogEvent;
  return {
    event,
    commandId: extra.commandId ?? null,
    actor: 'account:tester',
    commandDigest: null,
  };
}

/**
 * The EventStore contract of ports.ts, for every implementation: call it in a spec with a factory
 * of fresh stores (the in-memory one, SQLite, PostgreSQL).
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
  { database }: ContractOptions,
): void {
  const databaseOnly = database ? it : it.skip;
  describe(`${name} (EventStore contract)`, () => {
    let t: StoreUnderTest;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.close();
    });

    it('appends at the expected head only, and answers a moved head with the head', async () => {
      const { store, sessionId } = t;
      const first = stored(1, 'broadcast.sent', { message: 'one' });
      expect(await store.append({ sessionId, expectedHead: 0, events: [first] })).toEqual({
        kind: 'appended',
      });
      const late = stored(1, 'broadcast.sent', { message: 'late' });
      expect(await store.append({ sessionId, expectedHead: 0, events: [late] })).toEqual({
        kind: 'stale',
        head: 1,
      });
      expect(await store.head(sessionId)).toBe(1);
      expect((await store.readFrom(sessionId, 0)).map((e) => e.payload)).toEqual([
        { message: 'one' },
      ]);
    });

    it('answers a recorded command id with its seq, looked up or caught by the key', async () => {
      const { store, sessionId } = t;
      const commandId = randomUUID();
      const events = [
        stored(1, 'broadcast.sent', { message: 'a' }),
        stored(2, 'broadcast.sent', { message: 'b' }, { commandId }),
      ];
      await store.append({ sessionId, expectedHead: 0, events, commandId });
      expect(await store.command(sessionId, commandId)).toEqual({
        seq: 2,
        actor: 'account:tester',
        digest: null,
      });
      const again = [stored(3, 'broadcast.sent', { message: 'b' }, { commandId })];
      expect(await store.append({ sessionId, expectedHead: 2, events: again, commandId })).toEqual({
        kind: 'duplicate',
        seq: 2,
      });
      // A writer that looked the id up itself leaves it out of the request: still a duplicate.
      expect(await store.append({ sessionId, expectedHead: 2, events: again })).toEqual({
        kind: 'duplicate',
        seq: 2,
      });
      expect(await store.head(sessionId)).toBe(2);
    });

    it('stores text with quotes, backslashes, dollars and semicolons exactly as given', async () => {
      const { store, sessionId } = t;
      const awkward = `it's \\ "quoted" $1 $$ $tag$ ;\n'); DROP TABLE events; -- \u00e9\u{1F600}`;
      const commandId = `${randomUUID()}'\\`;
      const events = [stored(1, 'broadcast.sent', { message: awkward }, { commandId })];
      expect(await store.append({ sessionId, expectedHead: 0, events, commandId })).toEqual({
        kind: 'appended',
      });
      const [read] = await store.readFrom(sessionId, 0);
      expect(read?.payload).toEqual({ message: awkward });
      expect(await store.command(sessionId, commandId)).toMatchObject({ seq: 1 });
      const again = [stored(2, 'broadcast.sent', { message: awkward }, { commandId })];
      expect(await store.append({ sessionId, expectedHead: 1, events: again, commandId })).toEqual({
        kind: 'duplicate',
        seq: 1,
      });
    });

    it('reads from a seq with a limit, and every event of some types', async () => {
      const { store, sessionId } = t;
      const events = [
        stored(1, 'session.started', { scenario: 's', version: '1', teams: [] }),
        stored(2, 'broadcast.sent', { message: 'x' }),
        stored(3, 'session.paused', {}),
        stored(4, 'session.resumed', {}),
      ];
      await store.append({ sessionId, expectedHead: 0, events });
      expect((await store.readFrom(sessionId, 1, 2)).map((e) => e.seq)).toEqual([2, 3]);
      expect((await store.readFrom(sessionId, 4)).map((e) => e.seq)).toEqual([]);
      const status = await store.readTypes(sessionId, ['session.started', 'session.paused']);
      expect(status.map((e) => e.seq)).toEqual([1, 3]);
      expect(status[0]).toEqual(events[0]?.event);
    });

    it('keeps the session row in step with the events, in the same append', async () => {
      const { store, sessionId } = t;
      await store.append({
        sessionId,
        expectedHead: 0,
        events: [
          stored(1, 'session.started', { scenario: 's', version: '1', teams: [] }),
          stored(2, 'session.paused', {}),
          stored(3, 'session.resumed', {}),
          stored(4, 'debrief.released', {}),
        ],
      });
      expect(await t.row()).toEqual({
        status: 'running',
        startedAt: at(1),
        endedAt: null,
        debriefReleased: true,
      });
    });

    it('inserts a joining participant with its event and moves it with participant.moved', async () => {
      const { store, sessionId } = t;
      const participant: NewParticipant = {
        id: randomUUID(),
        session_id: sessionId,
        display_name: 'Ana',
        team_id: 't1',
        role: null,
        token_hash: randomUUID(),
        presence: 'left',
        joined_at: at(1),
        last_seen_at: null,
      };
      const joined = stored(
        1,
        'participant.joined',
        { displayName: 'Ana', team: 't1', role: null },
        { participant: participant.id, team: 't1' },
      );
      await store.append({ sessionId, expectedHead: 0, events: [joined], participant });
      expect(await t.participant(participant.id)).toEqual({ team: 't1', role: null });
      const moved = stored(
        2,
        'participant.moved',
        { participant: participant.id, team: 't2', role: 'police' },
        { team: 't2' },
      );
      await store.append({ sessionId, expectedHead: 1, events: [moved] });
      expect(await t.participant(participant.id)).toEqual({ team: 't2', role: 'police' });
      // A stale append writes nothing, not even its participant.
      const other = { ...participant, id: randomUUID(), token_hash: randomUUID() };
      const lost = stored(
        2,
        'participant.joined',
        { displayName: 'Bo', team: 't1', role: null },
        { participant: other.id, team: 't1' },
      );
      expect(
        await store.append({ sessionId, expectedHead: 1, events: [lost], participant: other }),
      ).toEqual({ kind: 'stale', head: 2 });
      expect(await t.participant(other.id)).toBeUndefined();
    });

    it('saves checkpoints with the append and gives back the latest', async () => {
      const { store, sessionId } = t;
      expect(await store.latestCheckpoint(sessionId)).toBeUndefined();
      for (let seq = 1; seq <= 3; seq += 1) {
        await store.append({
          sessionId,
          expectedHead: seq - 1,
          events: [stored(seq, 'broadcast.sent', { message: String(seq) })],
          checkpoint: { seq, teams: { t1: { minute: seq } }, at: at(seq) },
        });
      }
      expect(await store.latestCheckpoint(sessionId)).toEqual({
        seq: 3,
        teams: { t1: { minute: 3 } },
      });
    });

    it('sets ended_at at the end, keeps the first start over a resume, and saves no checkpoint of a stale append', async () => {
      const { store, sessionId } = t;
      await store.append({
        sessionId,
        expectedHead: 0,
        events: [
          stored(1, 'session.started', { scenario: 's', version: '1', teams: [] }),
          stored(2, 'session.paused', {}),
        ],
        checkpoint: { seq: 2, teams: { t1: { minute: 2 } }, at: at(2) },
      });
      await store.append({
        sessionId,
        expectedHead: 2,
        events: [stored(3, 'session.resumed', {}), stored(4, 'session.ended', {})],
      });
      expect(await t.row()).toMatchObject({ status: 'ended', startedAt: at(1), endedAt: at(4) });
      expect(
        await store.append({
          sessionId,
          expectedHead: 1,
          events: [stored(2, 'broadcast.sent', { message: 'late' })],
          checkpoint: { seq: 9, teams: {}, at: at(9) },
        }),
      ).toEqual({ kind: 'stale', head: 4 });
      expect((await store.latestCheckpoint(sessionId))?.seq).toBe(2);
    });

    databaseOnly(
      'writes nothing of an append that fails part-way (a row breaks a key)',
      async () => {
        const { store, sessionId } = t;
        await store.append({
          sessionId,
          expectedHead: 0,
          events: [stored(1, 'broadcast.sent', { message: 'kept' })],
        });
        const id = randomUUID();
        await expect(
          store.append({
            sessionId,
            expectedHead: 1,
            events: [
              stored(2, 'session.started', { scenario: 's', version: '1', teams: [] }),
              stored(3, 'participant.joined', { displayName: 'X', team: null, role: null }),
            ],
            checkpoint: { seq: 3, teams: {}, at: at(3) },
            // Belongs to a session that does not exist: the foreign key refuses it, last of all.
            participant: {
              id,
              session_id: `missing-${id}`,
              display_name: 'X',
              team_id: null,
              role: null,
              token_hash: randomUUID(),
              presence: 'left',
              joined_at: at(3),
              last_seen_at: null,
            },
          }),
          // (toThrow() would not do: to jest's expect, better-sqlite3's errors come from another realm.)
        ).rejects.toHaveProperty('message');
        expect(await store.head(sessionId)).toBe(1);
        expect(await store.latestCheckpoint(sessionId)).toBeUndefined();
        expect((await t.row()).status).toBe('lobby');
      },
    );

    it('lets exactly one of two writers on separate connections take each seq', async () => {
      const { store: first, sessionId } = t;
      const second = await t.secondStore();
      for (let head = 0; head < 10; head += 1) {
        const results = await Promise.all(
          [first, second].map((store, i) =>
            store.append({
              sessionId,
              expectedHead: head,
              events: [stored(head + 1, 'broadcast.sent', { message: `${head}-${i}` })],
            }),
          ),
        );
        const kinds = results.map((r) => r.kind).sort();
        expect({ head, kinds }).toEqual({ head, kinds: ['appended', 'stale'] });
        expect(results.find((r) => r.kind === 'stale')).toEqual({ kind: 'stale', head: head + 1 });
      }
      expect((await first.readFrom(sessionId, 0)).map((e) => e.seq)).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
    });

    it('records a command sent through both connections at once exactly once', async () => {
      const { store: first, sessionId } = t;
      const second = await t.secondStore();
      const commandId = randomUUID();
      const send = (store: EventStore, head: number) =>
        store.append({
          sessionId,
          expectedHead: head,
          events: [stored(head + 1, 'broadcast.sent', { message: 'once' }, { commandId })],
          commandId,
        });
      const results = await Promise.all([send(first, 0), send(second, 0)]);
      expect(results.filter((r) => r.kind === 'appended')).toHaveLength(1);
      // The loser catches up, plans again and learns that its command is in.
      const loser = results.findIndex((r) => r.kind !== 'appended') === 0 ? first : second;
      expect(await send(loser, await first.head(sessionId))).toEqual({ kind: 'duplicate', seq: 1 });
      expect(await first.readFrom(sessionId, 0)).toHaveLength(1);
    });

    it('loses and duplicates nothing when several writers on two connections race', async () => {
      const { sessionId } = t;
      const stores = [t.store, await t.secondStore()];
      const WRITERS_PER_STORE = 3;
      const COMMANDS = 12;
      const acked: { commandId: string; seq: number }[] = [];
      let staleAnswers = 0;
      const writer = async (store: EventStore, name: string) => {
        for (let i = 0; i < COMMANDS; i += 1) {
          const commandId = `${name}-${i}`;
          for (;;) {
            const head = await store.head(sessionId);
            const result: AppendResult = await store.append({
              sessionId,
              expectedHead: head,
              events: [stored(head + 1, 'broadcast.sent', { message: commandId }, { commandId })],
              commandId,
            });
            if (result.kind === 'appended') {
              acked.push({ commandId, seq: head + 1 });
              break;
            }
            if (result.kind === 'duplicate') throw new Error(`${commandId} recorded twice?`);
            staleAnswers += 1;
          }
        }
      };
      await Promise.all(
        stores.flatMap((store, s) =>
          Array.from({ length: WRITERS_PER_STORE }, (_, w) => writer(store, `p${s}w${w}`)),
        ),
      );
      const total = stores.length * WRITERS_PER_STORE * COMMANDS;
      const log = await t.store.readFrom(sessionId, 0);
      // Every seq once, in order, with no gap; every acknowledged command once, at its seq.
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(acked).toHaveLength(total);
      expect(new Set(acked.map((a) => a.seq)).size).toBe(total);
      for (const { commandId, seq } of acked) {
        expect(await t.store.command(sessionId, commandId)).toMatchObject({ seq });
      }
      // The writers did get in each other's way (otherwise this proved nothing about races).
      expect(staleAnswers).toBeGreaterThan(0);
    });
    describe('fencing (session leases)', () => {
      const TTL = 10_000;
      let now: number;
      const clock = () => now;
      let leases: { first: SessionLeases; second: SessionLeases };
      beforeEach(async () => {
        now = Date.UTC(2026, 11, 4, 22, 0, 0);
        const sql = await t.sql?.();
        if (!sql) return;
        leases = {
          first: new SessionLeases(sql.first, clock),
          second: new SessionLeases(sql.second, clock),
        };
      });
      const fenced = async (owner: string): Promise<Fence> => {
        const result = await leases.first.acquire(t.sessionId, owner, TTL);
        if (!result.acquired) throw new Error(`${owner} did not get the lease`);
        return { owner, token: result.lease.token };
      };

      databaseOnly(
        'refuses a fenced append when the session has no lease or another token',
        async () => {
          const { store, sessionId } = t;
          const one = [stored(1, 'broadcast.sent', { message: 'one' })];
          const fence = { owner: 'A', token: 1 };
          expect(await store.append({ sessionId, expectedHead: 0, events: one, fence })).toEqual({
            kind: 'fenced',
            holder: null,
          });
          const mine = await fenced('A');
          expect(
            await store.append({
              sessionId,
              expectedHead: 0,
              events: one,
              fence: { ...mine, token: mine.token + 1 },
            }),
          ).toEqual({ kind: 'fenced', holder: mine });
          expect(
            await store.append({ sessionId, expectedHead: 0, events: one, fence: mine }),
          ).toEqual({ kind: 'appended' });
          expect(await store.head(sessionId)).toBe(1);
        },
      );

      databaseOnly(
        "refuses a former owner's appends once another took the lease over",
        async () => {
          const { store, sessionId } = t;
          const second = await t.secondStore();
          const a = await fenced('A');
          expect(
            await store.append({
              sessionId,
              expectedHead: 0,
              events: [stored(1, 'broadcast.sent', { message: 'A' })],
              fence: a,
            }),
          ).toEqual({ kind: 'appended' });
          // A stalls past its expiry; B takes over with a higher token.
          now += TTL;
          const taken = await leases.second.acquire(sessionId, 'B', TTL);
          expect(taken).toMatchObject({
            acquired: true,
            lease: { owner: 'B', token: a.token + 1 },
          });
          const b = { owner: 'B', token: a.token + 1 };
          // A wakes up and writes at the right head: refused, nothing written.
          expect(
            await store.append({
              sessionId,
              expectedHead: 1,
              events: [stored(2, 'broadcast.sent', { message: 'A late' })],
              fence: a,
            }),
          ).toEqual({ kind: 'fenced', holder: b });
          expect(await store.head(sessionId)).toBe(1);
          expect(
            await second.append({
              sessionId,
              expectedHead: 1,
              events: [stored(2, 'broadcast.sent', { message: 'B' })],
              fence: b,
            }),
          ).toEqual({ kind: 'appended' });
          expect((await store.readFrom(sessionId, 0)).map((e) => e.payload)).toEqual([
            { message: 'A' },
            { message: 'B' },
          ]);
        },
      );

      databaseOnly(
        'orders a takeover after every append the old owner got in: the new owner reads them all',
        async () => {
          const { store, sessionId } = t;
          const a = await fenced('A');
          const appended: number[] = [];
          let refused = false;
          const writer = (async () => {
            // Yielding a turn each time: a synchronous store would otherwise write every append
            // before the takeover below runs.
            for (let i = 0; i < 10_000 && !refused; i += 1) {
              await new Promise((resolve) => setImmediate(resolve));
              const head = await store.head(sessionId);
              const result = await store.append({
                sessionId,
                expectedHead: head,
                events: [stored(head + 1, 'broadcast.sent', { message: `A${i}` })],
                fence: a,
              });
              if (result.kind === 'appended') appended.push(head + 1);
              else if (result.kind === 'fenced') refused = true;
              else throw new Error(`unexpected ${result.kind}`);
            }
          })();
          // Let A write a while, then take over from the other connection.
          while (appended.length < 5) await new Promise((r) => setTimeout(r, 2));
          now += TTL;
          const taken = await leases.second.acquire(sessionId, 'B', TTL);
          expect(taken.acquired).toBe(true);
          const second = await t.secondStore();
          const headSeenByB = await second.head(sessionId);
          await writer;
          expect(refused).toBe(true);
          // Every append A was told succeeded is in what B read right after taking over.
          expect(Math.max(...appended)).toBeLessThanOrEqual(headSeenByB);
          expect(await store.head(sessionId)).toBe(headSeenByB);
        },
      );
    });
  });
}
