import type { LogEvent } from '@crossroads/shared';
import type { SqlClient, SqlValue } from '../../src/database/sql';
import type { PinoLogger } from '../../src/logging/logging.module';
import { STATUS_EVENT_TYPES } from '../../src/sessions/live-session';
import type { EventStore } from '../../src/sessions/ports';
import { SessionStore } from '../../src/sessions/session-store';

/** A migrated database with the engine's own ways to run and explain a statement. */
export interface IndexedDatabase {
  sql: SqlClient;
  /** The engine's EventStore on the same database. */
  events: EventStore;
  /** The plan of a statement as the engine prints it (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN). */
  explain(sql: string, params: readonly SqlValue[]): Promise<string>;
  /**
   * Runs `work` and gives back the statements it sent to the database (the SqlClient's `?` form
   * or the engine's own), so their plans can be asked for.
   */
  statementsOf(work: () => Promise<unknown>): Promise<{ sql: string; params: SqlValue[] }[]>;
  /** After the rows are in: what the engine needs to know them (PostgreSQL's ANALYZE). */
  settle(): Promise<void>;
  /** A plan that reads only the asked session's events, through an index. */
  indexed: RegExp;
  /** A plan that reads them through ix_events_type. */
  partial: RegExp;
  close(): Promise<void>;
}

const SESSIONS = 20;
const EVENTS_PER_SESSION = 1000;
const TEAMS = ['t1', 't2', 't3', 't4'];

interface Row {
  session: string;
  seq: number;
  type: string;
  team: string | null;
}

/**
 * A log shaped like a played session: mostly decisions, chat and clock ticks, a few requests and
 * injects, some broadcasts and pinned notes, and the four status events.
 */
function sessionLog(session: string): Row[] {
  const rows: Row[] = [];
  for (let seq = 1; seq <= EVENTS_PER_SESSION; seq += 1) {
    const team = TEAMS[seq % TEAMS.length] ?? null;
    let type: string;
    let onTeam: string | null = team;
    if (seq === 1) [type, onTeam] = ['session.started', null];
    else if (seq === 400) [type, onTeam] = ['session.paused', null];
    else if (seq === 401) [type, onTeam] = ['session.resumed', null];
    else if (seq === EVENTS_PER_SESSION) [type, onTeam] = ['session.ended', null];
    else if (seq % 250 === 0) [type, onTeam] = ['broadcast.sent', null];
    else if (seq % 97 === 0) [type, onTeam] = ['note.pinned', null];
    else {
      const slot = seq % 20;
      type =
        slot < 12
          ? 'decision.made'
          : slot < 16
            ? 'chat.message'
            : slot < 18
              ? 'clock.ticked'
              : slot < 19
                ? 'request.sent'
                : 'inject.released';
      if (type === 'clock.ticked') onTeam = null;
    }
    rows.push({ session, seq, type, team: onTeam });
  }
  return rows;
}

/**
 * ix_events_type holds only the event types read by type (migration LeanEventAppends): every
 * query that reads by one of them must still find its rows through an index, never a scan of the
 * table, and those a session has few of (and one team's chat) through ix_events_type itself rather
 * than the whole session's range of the key, on a database of realistic size (20 sessions of 1,000
 * events), and read the same rows as before.
 */
export function eventTypeIndexContract(engine: string, open: () => Promise<IndexedDatabase>) {
  describe(`the event type index on ${engine}`, () => {
    let db: IndexedDatabase;
    let store: SessionStore;
    const log = new Map<string, Row[]>();
    const session = 'session-07';

    beforeAll(async () => {
      db = await open();
      store = new SessionStore(db.sql, console as unknown as PinoLogger);
      const created = '2026-01-01T00:00:00.000Z';
      await db.sql.run(
        `INSERT INTO accounts (id, username, password_hash, role, created_at) VALUES ('owner', 'owner', 'x', 'facilitator', ?)`,
        [created],
      );
      for (let s = 0; s < SESSIONS; s += 1) {
        const id = `session-${String(s).padStart(2, '0')}`;
        await db.sql.run(
          `INSERT INTO sessions (id, scenario_id, scenario_version, settings, status, join_code, owner_id, created_at)
           VALUES (?, 'scenario', '1.0.0', '{}', 'running', ?, 'owner', ?)`,
          [id, `code-${id}`, created],
        );
        const rows = sessionLog(id);
        log.set(id, rows);
        await db.sql.transaction(async (tx) => {
          for (let i = 0; i < rows.length; i += 100) {
            const batch = rows.slice(i, i + 100);
            await tx.run(
              `INSERT INTO events (session_id, seq, at, time, team, role, participant, type, payload, command_id, actor)
               VALUES ${batch.map(() => '(?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL)').join(', ')}`,
              batch.flatMap((r) => [
                r.session,
                r.seq,
                created,
                r.seq,
                r.team,
                r.type,
                JSON.stringify({ text: `event ${r.seq} `.padEnd(120, '.') }),
                `command-${r.seq}`,
              ]),
            );
          }
        });
      }
      await db.settle();
    }, 120_000);

    afterAll(async () => {
      await db?.close();
    });

    const seqs = (events: LogEvent[]) => events.map((e) => e.seq);
    const expected = (filter: (r: Row) => boolean) =>
      (log.get(session) ?? []).filter(filter).map((r) => r.seq);

    async function plansOf(work: () => Promise<unknown>): Promise<string[]> {
      const statements = await db.statementsOf(work);
      expect(statements.length).toBeGreaterThan(0);
      return Promise.all(statements.map((s) => db.explain(s.sql, s.params)));
    }

    const status = new Set<string>(STATUS_EVENT_TYPES);
    // What each read asks for, and how many of the last matching rows it keeps (all when null;
    // every row has four items, or jest would pass its `done` callback as the fourth).
    // Then whether the plan must read ix_events_type: the types a session has few of, and chat
    // in one team; the last chat lines of every team may as well come backwards through the key.
    const cases: [
      string,
      () => Promise<LogEvent[]>,
      (r: Row) => boolean,
      number | null,
      'partial' | 'indexed',
    ][] = [
      [
        'the status events a session loads (EventStore.readTypes)',
        () => db.events.readTypes(session, STATUS_EVENT_TYPES),
        (r) => status.has(r.type),
        null,
        'partial',
      ],
      [
        'the status events (SessionStore.eventsOfTypes)',
        () => store.eventsOfTypes(session, STATUS_EVENT_TYPES),
        (r) => status.has(r.type),
        null,
        'partial',
      ],
      [
        "a staff snapshot's chat",
        () => store.lastEventsOfTypes(session, ['chat.message'], 20),
        (r) => r.type === 'chat.message',
        20,
        'indexed',
      ],
      [
        "a trainee snapshot's team chat",
        () => store.lastEventsOfTeam(session, 't3', ['chat.message'], 20),
        (r) => r.type === 'chat.message' && r.team === 't3',
        20,
        'partial',
      ],
      [
        "a snapshot's broadcasts",
        () => store.lastEventsOfTypes(session, ['broadcast.sent'], 20),
        (r) => r.type === 'broadcast.sent',
        20,
        'partial',
      ],
      [
        "a staff snapshot's pinned notes",
        async () => (await store.notes(session, 500)).map((n) => n.event),
        (r) => r.type === 'note.pinned',
        null,
        'partial',
      ],
    ];

    it.each(cases)(
      'reads %s through an index, the same rows',
      async (_, read, filter, last, plan) => {
        const every = expected(filter);
        expect(every.length).toBeGreaterThan(1);
        expect(seqs(await read())).toEqual(last === null ? every : every.slice(-last));
        for (const text of await plansOf(read)) {
          expect(text).toMatch(plan === 'partial' ? db.partial : db.indexed);
          expect(text).not.toMatch(/\bSCAN events\b|Seq Scan/);
        }
      },
    );

    it('reads types the index does not hold (decisions, a mix), every row', async () => {
      const decisions = await store.lastEventsOfTeam(session, 't2', ['decision.made'], 10);
      expect(seqs(decisions)).toEqual(
        expected((r) => r.type === 'decision.made' && r.team === 't2').slice(-10),
      );
      const mixed = await store.eventsOfTypes(session, ['chat.message', 'decision.made']);
      expect(seqs(mixed)).toEqual(
        expected((r) => r.type === 'chat.message' || r.type === 'decision.made'),
      );
    });
  });
}
