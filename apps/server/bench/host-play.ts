/**
 * Live sessions played through a real SessionHost with the real projections (SessionViews,
 * EngineRuntime), in memory (no sockets, no database), recording every message each recipient
 * gets: what test/host-messages.spec.ts pins, and a micro-benchmark of the host's CPU per command
 * (plan, engine step, views, patches, cards and the messages' JSON), without the wire.
 *
 *   npm run bench:host -w @crossroads/server -- [--rounds 5] [--scenario reefer-horgos] [--ticks]
 *
 * A session is played the way the load bench's fleet plays (each trainee acts on its own view:
 * answers an incoming request, else takes or signs an enabled decision, else sends a request, else
 * chats; the facilitator moves a team's clock or answers for it now and then, pauses and resumes,
 * broadcasts, releases injects). Every team/agency group has a connection (the first agency two),
 * and two staff connections, one joining late. Each emit is recorded as its recipients, its event
 * name and its JSON (as the socket.io encoder would serialise it once per emit), in order; so is
 * every message sent to one connection (snapshots). The benchmark times whole rounds (two
 * sessions, one under each of SETTINGS) and prints the process's CPU time (user and system) per command, median and least of `--rounds`
 * (on a busy machine the least says more about the code).
 */
import { createHash } from 'node:crypto';
import {
  commandSchemas,
  type CommandName,
  type RoleView,
  type ServerNotice,
  type SessionSettings,
} from '@crossroads/shared';
import { loadCatalogue } from '@crossroads/scenarios/node';
import type { CompiledScenario } from '@crossroads/scenarios';
import type { AccountsService } from '../src/accounts/accounts.service';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { FakeClock } from '../src/sessions/clock';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { LiveSession } from '../src/sessions/live-session';
import {
  recipientList,
  type Broadcaster,
  type Connection,
  type Recipients,
  type ServerEventName,
  type ServerEventPayload,
} from '../src/sessions/ports';
import { MemoryPresence } from '../src/sessions/presence-store';
import type { Principal } from '../src/sessions/principal';
import { SessionHost } from '../src/sessions/session-host';
import type { ParticipantRow, SessionRow, SessionStore } from '../src/sessions/session-store';
import { SessionViews } from '../src/sessions/session-views';
import { localViewVersion } from '../src/sessions/view-versions';
import { prng } from './views';

const key = (to: Recipients) => JSON.stringify(to);

/** Everything sent, in order, as text: the recipients (or the connection), the event, the JSON. */
export class Recorder {
  readonly lines: string[] = [];
  record(to: string, event: string, payload: unknown) {
    this.lines.push(`${to}\t${event}\t${JSON.stringify(payload)}`);
  }
}

class RecordingConnection implements Connection {
  readonly origin = 'http://crossroads.test';
  sets = new Set<string>();
  constructor(
    readonly id: string,
    private readonly recorder: Recorder,
  ) {}
  send<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    this.recorder.record(`conn:${this.id}`, event, payload);
  }
  setRecipients(_sessionId: string, sets: Recipients[]): void {
    this.sets = new Set(sets.map(key));
  }
  close(notice?: ServerNotice): void {
    this.recorder.record(`conn:${this.id}`, 'close', notice ?? null);
  }
}

class RecordingNetwork implements Broadcaster {
  readonly connections = new Set<RecordingConnection>();
  constructor(private readonly recorder: Recorder) {}
  emit<E extends ServerEventName>(
    _s: string,
    to: Recipients | readonly Recipients[],
    event: E,
    payload: ServerEventPayload<E>,
  ): void {
    const sets = recipientList(to).map(key);
    this.recorder.record(sets.join('|'), event, payload);
  }
  hasRecipients(_s: string, to: Recipients): boolean {
    const k = key(to);
    return [...this.connections].some((c) => c.sets.has(k));
  }
}

/** The reads of the session store SessionViews makes, over the in-memory event log. */
export function storeOver(log: InMemoryEventStore): SessionStore {
  const all = (id: string) => log.readFrom(id, 0);
  const last = <T>(xs: T[], limit: number) => xs.slice(Math.max(0, xs.length - limit));
  const reads = {
    eventsAfter: async (id: string, after: number, limit?: number) =>
      log.readFrom(id, after, limit),
    lastEventsOfTypes: async (id: string, types: string[], limit: number) =>
      last(
        (await all(id)).filter((e) => types.includes(e.type)),
        limit,
      ),
    lastEventsOfTeam: async (id: string, team: string, types: string[], limit: number) =>
      last(
        (await all(id)).filter((e) => e.team === team && types.includes(e.type)),
        limit,
      ),
    lastEventsExcept: async (id: string, types: string[], limit: number) =>
      last(
        (await all(id)).filter((e) => !types.includes(e.type)),
        limit,
      ),
    notes: async () => [],
  };
  return reads as unknown as SessionStore;
}

const accounts = { byId: async () => undefined } as unknown as AccountsService;

const facilitator: Principal = {
  kind: 'facilitator',
  account: {
    id: '00000000-0000-4000-8000-0000000000fa',
    username: 'fac',
    role: 'facilitator',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  memberRole: 'owner',
};

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * One session of `compiled` played through a host, one runtime and projector shared by every
 * session of the scenario (as in a server process). Returns the recorded lines.
 */
export async function playThroughHost(
  runtime: EngineRuntime,
  views: SessionViews,
  store: InMemoryEventStore,
  index: number,
  settings: SessionSettings,
  rnd: () => number,
  /**
   * Real milliseconds between two steps, with the clock ticker visiting before each (0: no
   * ticker, the scenario clock moves by decisions and the facilitator's clock moves only).
   * The load bench's pace is about 200 ms: twenty trainees a session, each every 3-5 s.
   */
  stepMs = 0,
  /** Called before every step (after the ticker's visit) with the host and the lines so far. */
  afterStep?: (host: SessionHost, lines: readonly string[]) => void | Promise<void>,
): Promise<{ lines: string[]; commands: number }> {
  const compiled: CompiledScenario = runtime.compiled;
  const recorder = new Recorder();
  const clock = new FakeClock();
  const network = new RecordingNetwork(recorder);
  const sessionId = uuid(9000 + index);
  const row: SessionRow = {
    id: sessionId,
    scenario_id: runtime.id,
    scenario_version: runtime.version,
    rubric_version: null,
    settings: JSON.stringify(settings),
    status: 'lobby',
    join_code: 'ABCD12',
    owner_id: facilitator.kind === 'facilitator' ? facilitator.account.id : '',
    debrief_released: 0,
    created_at: '2026-01-05T08:00:00.000Z',
    started_at: null,
    ended_at: null,
    details: null,
  };
  const teams = [1, 2, 3, 4].map((i) => ({ id: `t${i}`, name: `Team ${i}` }));
  const host = new SessionHost(
    new LiveSession(row, runtime, teams, () => clock.now()),
    {
      store,
      broadcaster: network,
      clock,
      presence: new MemoryPresence(),
      views,
      logger: {
        info: () => {},
        warn: () => {},
        error: (fields) => {
          throw new Error(`host error: ${JSON.stringify(fields)}`);
        },
      },
    },
    { tickMs: 1000, minTickMs: 0, checkpointEvery: 50, awayToLeftMs: 30_000 },
  );
  let connections = 0;
  const connect = async (principal: Principal) => {
    connections += 1;
    const conn = new RecordingConnection(`c${connections}`, recorder);
    network.connections.add(conn);
    await host.connect(conn, principal);
  };
  let commands = 0;
  const send = <N extends CommandName>(principal: Principal, name: N, body: object = {}) => {
    commands += 1;
    return host.execute(
      principal,
      name,
      commandSchemas[name].parse({ commandId: uuid(100_000 + commands), ...body }) as never,
    );
  };

  const roles = compiled.playable;
  // Five trainees a team: the scenario's agencies, the first one twice.
  const seats = [...roles, roles[0] as string];
  const trainees = new Map<string, { principal: Principal; role: string }[]>();
  await connect(facilitator);
  for (const [t, team] of teams.entries()) {
    const members: { principal: Principal; role: string }[] = [];
    for (const [s, role] of seats.entries()) {
      const participant: ParticipantRow = {
        id: uuid(index * 1000 + t * 10 + s),
        session_id: sessionId,
        display_name: `Trainee ${t}-${s}`,
        team_id: team.id,
        role,
        token_hash: `hash-${t}-${s}`,
        presence: 'left',
        joined_at: '2026-01-05T08:00:00.000Z',
        last_seen_at: null,
      };
      await host.join(participant);
      members.push({
        principal: { kind: 'participant', participantId: participant.id, sessionId },
        role,
      });
    }
    trainees.set(team.id, members);
  }
  await send(facilitator, 'session.start');
  for (const members of trainees.values()) {
    for (const member of members) await connect(member.principal);
  }

  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  for (let step = 0; step < 260; step += 1) {
    if (stepMs > 0) {
      clock.advance(stepMs);
      await host.tick(clock.now())?.();
    }
    await afterStep?.(host, recorder.lines);
    const live = host.live;
    const open = teams.filter((t) => {
      const state = live.states.get(t.id);
      return state !== undefined && !runtime.ended(state);
    });
    const team = pick(open);
    if (!team) break;
    if (step === 60) await connect(facilitator);
    if (step === 90) {
      await send(facilitator, 'session.pause');
      await send(facilitator, 'broadcast.send', { message: 'Pause: five minutes.' });
      await send(facilitator, 'session.resume');
    }
    if (step % 70 === 35) {
      const inject = compiled.scenario.injects.find((i) => i.release === 'facilitator');
      if (inject) await send(facilitator, 'inject.release', { inject: inject.id, team: team.id });
    }
    if (step % 45 === 20) {
      // What the host's score timer does every few seconds.
      await views.refreshScores(live);
    }
    const state = live.states.get(team.id);
    if (state === undefined) break;
    if (rnd() < 0.2) {
      const pending = runtime
        .view(state, 'facilitator', {
          team: team,
          settings: live.settings,
          running: true,
          scores: null,
        })
        .requests.find((r) => r.status === 'pending');
      const answered =
        pending !== undefined &&
        (
          await send(facilitator, 'request.answer', {
            requestInstance: pending.instance,
            granted: rnd() < 0.7,
            reason: 'Answered by the facilitator.',
            team: team.id,
          })
        ).status === 'accepted';
      if (!answered) await send(facilitator, 'clock.advance', { minutes: 1, team: team.id });
      continue;
    }
    const member = pick(trainees.get(team.id) ?? []);
    if (!member) break;
    const view: RoleView | null = views.view(live, team.id, member.role);
    if (view === null) break;
    const incoming = view.requests.find(
      (r) => r.direction === 'incoming' && r.status === 'pending',
    );
    if (incoming) {
      await send(member.principal, 'request.answer', {
        requestInstance: incoming.instance,
        granted: rnd() < 0.8,
        reason: 'Checked.',
      });
      continue;
    }
    const decision = pick(view.decisions.filter((d) => d.enabled));
    const signed = decision?.joint?.signatures[0]?.option;
    const option =
      decision?.options.find((o) => o.enabled && o.id === signed) ??
      pick(decision?.options.filter((o) => o.enabled) ?? []);
    if (decision && option) {
      await (decision.joint
        ? send(member.principal, 'joint.sign', { decision: decision.id, option: option.id })
        : send(member.principal, 'decision.submit', {
            decision: decision.id,
            option: option.id,
            rationale: `Step ${step}.`,
            confidence: 3,
          }));
      continue;
    }
    const request = pick(view.sendableRequests.filter((r) => r.enabled));
    if (request) {
      await send(member.principal, 'request.send', {
        request: request.id,
        justification: 'Needed for the case.',
      });
      continue;
    }
    await send(member.principal, 'chat.send', { text: `Waiting (${step}).` });
  }
  await send(facilitator, 'session.end');
  return { lines: recorder.lines, commands };
}

/** The lines with each version token renamed by its first appearance (v1, v2, ...). */
export function normalised(lines: string[]): string[] {
  const prefix = localViewVersion().split('.')[0] as string;
  const escaped = prefix.replace(/[-_]/g, (c) => `\\${c}`);
  const token = new RegExp(`${escaped}\\.[0-9a-z]+`, 'g');
  const names = new Map<string, string>();
  return lines.map((line) =>
    line.replace(token, (t) => {
      let name = names.get(t);
      if (name === undefined) {
        name = `v${names.size + 1}`;
        names.set(t, name);
      }
      return name;
    }),
  );
}

/** One runtime, log and projector for the sessions of `compiled`, as in a server process. */
export function playContext(compiled: CompiledScenario) {
  const runtime = new EngineRuntime(compiled);
  const store = new InMemoryEventStore();
  const views = new SessionViews(storeOver(store), accounts);
  return { runtime, store, views };
}

export const SETTINGS: SessionSettings[] = [
  { feedbackPolicy: 'debrief_only', scoresVisibleToTrainees: false, timeRatio: 10, language: 'en' },
  { feedbackPolicy: 'hints', scoresVisibleToTrainees: true, timeRatio: 0, language: 'sr-Latn' },
];

export async function messagesDigest(
  compiled: CompiledScenario,
): Promise<{ messages: number; hash: string }> {
  // One log and one projector for every session, as in a server process.
  const { runtime, store, views } = playContext(compiled);
  const rnd = prng(2027);
  const hash = createHash('sha256');
  let messages = 0;
  for (const [index, settings] of SETTINGS.entries()) {
    const played = await playThroughHost(runtime, views, store, index, settings, rnd);
    const lines = normalised(played.lines);
    for (const line of lines) hash.update(`${line}\n`);
    messages += lines.length;
  }
  return { messages, hash: hash.digest('hex') };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--rounds');
  const rounds = at >= 0 ? Number(process.argv[at + 1]) : 5;
  // --ticks: the clock ticker visits between steps, at the load bench's pace (see stepMs).
  const stepMs = process.argv.includes('--ticks') ? 200 : 0;
  const which = process.argv.indexOf('--scenario');
  const id = which >= 0 ? process.argv[which + 1] : 'reefer-horgos';
  const compiled = loadCatalogue()
    .flatMap((entry) => (entry.ok ? [entry.compiled] : []))
    .find((c) => c.id === id);
  if (!compiled) throw new Error(`no valid catalogue scenario ${id}`);
  // One runtime, projector and log for every round, as in a long-lived server process.
  const runtime = new EngineRuntime(compiled);
  const store = new InMemoryEventStore();
  const views = new SessionViews(storeOver(store), accounts);
  const perCommand: number[] = [];
  let session = 0;
  for (let round = 0; round < rounds + 1; round += 1) {
    let commands = 0;
    let messages = 0;
    // The same sessions every round (each under ids of its own).
    const rnd = prng(2027);
    const start = process.cpuUsage();
    for (const settings of SETTINGS) {
      const played = await playThroughHost(runtime, views, store, session, settings, rnd, stepMs);
      session += 1;
      commands += played.commands;
      messages += played.lines.length;
    }
    const used = process.cpuUsage(start);
    const us = (used.user + used.system) / commands;
    // The first round warms the code up and is not counted.
    if (round > 0) perCommand.push(us);
    console.log(
      `round ${round}: ${commands} commands, ${messages} messages, ${us.toFixed(1)} us per command`,
    );
  }
  const sorted = [...perCommand].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const least = sorted[0] ?? NaN;
  console.log(
    `${id}: ${median.toFixed(1)} us per command (median of ${rounds} rounds; least ${least.toFixed(1)})`,
  );
}

if (require.main === module) void main();
