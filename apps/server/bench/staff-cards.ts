/**
 * What a played session sends over the wire per command, team cards above all, without sockets or
 * a database: flagship sessions (reefer-horgos, 4 teams, played as bench:views plays them) are
 * committed event by event through a real SessionHost with the real SessionViews and engine, to a
 * staff connection and one listener per trainee group.
 *
 *   npm run bench:cards -w @crossroads/server -- [--sessions 4] [--seed 7]
 *
 * Prints, per command (committed event), the JSON characters serialised for the staff room and
 * for all rooms (each room's update is serialised once), as sent (changed cards as patches, or
 * whole) and as they would be with every changed card whole (the patches replaced by the cards
 * they stand for, the protocol before card patches), and how many cards went whole and patched.
 * Deterministic for a seed: no timing.
 */
import { randomUUID } from 'node:crypto';
import {
  applyTeamPatch,
  type LogEvent,
  type ServerNotice,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
} from '@crossroads/shared';
import type { AccountsService } from '../src/accounts/accounts.service';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { knownJsonOf } from '../src/realtime/known-json';
import { FakeClock } from '../src/sessions/clock';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { LiveSession } from '../src/sessions/live-session';
import type {
  Broadcaster,
  Connection,
  Recipients,
  ServerEventName,
  ServerEventPayload,
} from '../src/sessions/ports';
import { MemoryPresence } from '../src/sessions/presence-store';
import type { Principal } from '../src/sessions/principal';
import { SessionHost, type Projector } from '../src/sessions/session-host';
import type { SessionRow, SessionStore } from '../src/sessions/session-store';
import { SessionViews } from '../src/sessions/session-views';
import { SETTINGS, flagship, playSession, prng, type Session } from './views';

const key = (to: Recipients) => JSON.stringify(to);

/** A connection that records what it was sent. */
export class RecordingConnection implements Connection {
  readonly id = randomUUID();
  readonly origin = 'http://crossroads.test';
  readonly received: { event: ServerEventName; payload: unknown }[] = [];
  sets = new Set<string>();

  send<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    this.received.push({ event, payload });
  }
  setRecipients(_sessionId: string, sets: Recipients[]): void {
    this.sets = new Set(sets.map(key));
  }
  close(_notice?: ServerNotice): void {}
}

/** Characters serialised per room and event, as sent and with every changed card whole. */
export interface WireCount {
  staff: number;
  staffWhole: number;
  all: number;
  allWhole: number;
  cardsWhole: number;
  cardsPatched: number;
  /** Staff cards and patches whose JSON text the encoder would not find kept, or find wrong. */
  textsMissing: number;
  textsWrong: number;
}

const noCount = (): WireCount => ({
  staff: 0,
  staffWhole: 0,
  all: 0,
  allWhole: 0,
  cardsWhole: 0,
  cardsPatched: 0,
  textsMissing: 0,
  textsWrong: 0,
});

/** Delivers to the connections whose sets include the target, and counts what each room costs. */
class CountingNetwork implements Broadcaster {
  readonly connections = new Set<RecordingConnection>();
  readonly count: WireCount = noCount();
  /** The current card of a team, for what a patch stands for. */
  cardOf: (team: string) => TeamCard | null = () => null;

  emit<E extends ServerEventName>(
    _s: string,
    to: Recipients,
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    const size = JSON.stringify(payload).length;
    let whole = size;
    if (event === 'session.update') {
      const update = payload as SessionUpdate;
      this.count.cardsWhole += update.teams?.length ?? 0;
      this.count.cardsPatched += update.teamPatches?.length ?? 0;
      for (const list of [update.teams, update.teamPatches]) {
        if (list === undefined) continue;
        const known = knownJsonOf(list);
        if (known === undefined) this.count.textsMissing += 1;
        else if (known !== JSON.stringify(list)) this.count.textsWrong += 1;
      }
      if (update.teamPatches) {
        const { teamPatches, teamVersions: _versions, ...rest } = update;
        const cards = [...(update.teams ?? []), ...teamPatches.map((p) => this.cardOf(p.team))];
        whole = JSON.stringify({ ...rest, teams: cards }).length;
      }
    }
    if (to.kind === 'staff') {
      this.count.staff += size;
      this.count.staffWhole += whole;
    }
    this.count.all += size;
    this.count.allWhole += whole;
    for (const c of this.connections) if (c.sets.has(key(to))) c.send(event, payload);
  }
  hasRecipients(_s: string, to: Recipients): boolean {
    return [...this.connections].some((c) => c.sets.has(key(to)));
  }
}

const account = {
  id: randomUUID(),
  username: 'fac',
  role: 'facilitator' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
};
export const staffPrincipal: Principal = { kind: 'facilitator', account, memberRole: 'owner' };

/**
 * A host of one session of `session`'s teams with the real SessionViews (its store-backed parts
 * stubbed: snapshots carry the cards, scores are what the caller puts in the score cache), a
 * counting network, and a listener in every trainee group; with `cluster`, as the owner of the
 * session in a cluster.
 */
export function cardHost(
  runtime: EngineRuntime,
  session: Session,
  options: { cluster?: boolean } = {},
) {
  const clock = new FakeClock();
  const network = new CountingNetwork();
  const row = {
    id: randomUUID(),
    scenario_id: runtime.id,
    scenario_version: runtime.version,
    rubric_version: null,
    settings: JSON.stringify(SETTINGS),
    status: 'lobby',
    join_code: 'ABCD12',
    owner_id: account.id,
    debrief_released: 0,
    created_at: '2026-12-05T08:00:00.000Z',
    started_at: null,
    ended_at: null,
    details: null,
  } as SessionRow;
  const live = new LiveSession(row, runtime, session.teams, () => clock.now());
  for (const team of session.teams) live.recentDecisions.set(team.id, []);
  const real = new SessionViews({} as SessionStore, {} as AccountsService);
  const views: Projector = {
    seatOf: (l, p) => real.seatOf(l, p),
    visibleToSeat: (l, seat, e) => real.visibleToSeat(l, seat, e),
    eventForSeat: (l, seat, e) => real.eventForSeat(l, seat, e),
    filter: (l, p, e) => real.filter(l, p, e),
    view: (l, t, r) => real.view(l, t, r),
    card: (l, t) => real.card(l, t),
    cardJson: (l, c) => real.cardJson(l, c),
    cards: (l) => real.cards(l),
    lobby: (l, seat) => real.lobby(l, seat),
    snapshot: (l, p) =>
      Promise.resolve({
        seq: l.head,
        view: null,
        teams: real.seatOf(l, p) === null ? real.cards(l) : [],
      } as unknown as SessionSnapshot),
    scoresStale: () => false,
    refreshScores: () => Promise.resolve([]),
    freshenScores: () => Promise.resolve(),
  };
  network.cardOf = (team) => real.card(live, team);
  const store = new InMemoryEventStore();
  const fence = { owner: 'bench', token: 1 };
  if (options.cluster) store.leases.set(row.id, fence);
  const host = new SessionHost(
    live,
    {
      store,
      broadcaster: network,
      clock,
      presence: new MemoryPresence(),
      views,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      // As a process of a cluster (versions are digests), never losing the session.
      ...(options.cluster ? { ownership: { fence: () => fence, lost: () => {} } } : {}),
    },
    { tickMs: 1000, minTickMs: 0, checkpointEvery: 50, awayToLeftMs: 30_000 },
  );
  for (const team of session.teams) {
    for (const role of runtime.compiled.playable) {
      const listener = new RecordingConnection();
      listener.setRecipients(row.id, [{ kind: 'group', team: team.id, role }]);
      network.connections.add(listener);
    }
  }
  const connectStaff = async (lastSeq?: number) => {
    const conn = new RecordingConnection();
    network.connections.add(conn);
    await host.connect(conn, staffPrincipal, lastSeq);
    return conn;
  };
  /** Commits one event of the played log (its seq, time and clock are the host's). */
  const commit = (event: LogEvent) =>
    host.commit(() => [
      {
        type: event.type,
        payload: event.payload,
        team: event.team,
        role: event.role,
        participant: event.participant,
      } as never,
    ]);
  return { host, live, network, clock, views: real, connectStaff, commit };
}

/**
 * The cards a staff client holds after its messages, kept as the console keeps them: a snapshot or
 * catch-up batch replaces them, a `clock.ticked` event adds its minutes, whole cards replace the
 * team's, patches apply to the card of their base version. Throws on a patch that does not apply.
 */
export function cardsHeldBy(conn: RecordingConnection): Map<string, TeamCard> {
  let cards = new Map<string, TeamCard>();
  let versions = new Map<string, string>();
  const take = (list: readonly TeamCard[], byTeam: Record<string, string> = {}) => {
    for (const card of list) {
      cards.set(card.team.id, card);
      const version = byTeam[card.team.id];
      if (version === undefined) versions.delete(card.team.id);
      else versions.set(card.team.id, version);
    }
  };
  for (const { event, payload } of conn.received) {
    if (event === 'session.snapshot' || event === 'session.events') {
      const message = payload as Pick<SessionSnapshot, 'teams' | 'teamVersions'>;
      cards = new Map();
      versions = new Map();
      take(message.teams, message.teamVersions);
    }
    if (event !== 'session.update') continue;
    const update = payload as SessionUpdate;
    const ticked = update.event?.type === 'clock.ticked' ? update.event : null;
    const card = ticked?.team ? cards.get(ticked.team) : undefined;
    if (ticked && card) {
      const minutes = card.clock.minutes + ticked.payload.minutes;
      cards.set(card.team.id, { ...card, clock: { ...card.clock, minutes } });
    }
    take(update.teams ?? [], update.teamVersions);
    for (const patch of update.teamPatches ?? []) {
      const patched = applyTeamPatch(
        { card: cards.get(patch.team), version: versions.get(patch.team) },
        patch,
      );
      if (patched === null) throw new Error(`the patch of ${patch.team} at ${update.seq} failed`);
      cards.set(patch.team, patched.card);
      versions.set(patch.team, patched.version);
    }
  }
  return cards;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

async function main(): Promise<void> {
  const compiled = flagship();
  const runtime = new EngineRuntime(compiled);
  const rnd = prng(arg('seed', 7));
  const total: WireCount = noCount();
  let commands = 0;
  for (let i = 0; i < arg('sessions', 4); i += 1) {
    const session = playSession(runtime, compiled.playable, rnd, i);
    const { network, connectStaff, commit } = cardHost(runtime, session);
    await connectStaff();
    for (const event of session.events) await commit(event);
    commands += session.events.length;
    for (const k of Object.keys(total) as (keyof WireCount)[]) total[k] += network.count[k];
  }
  const per = (n: number) => Math.round(n / commands);
  console.log(
    JSON.stringify({
      commands,
      staffCharsPerCommand: per(total.staff),
      staffCharsPerCommandCardsWhole: per(total.staffWhole),
      allCharsPerCommand: per(total.all),
      allCharsPerCommandCardsWhole: per(total.allWhole),
      cardsWhole: total.cardsWhole,
      cardsPatched: total.cardsPatched,
      textsMissing: total.textsMissing,
      textsWrong: total.textsWrong,
    }),
  );
}

if (require.main === module) void main();
