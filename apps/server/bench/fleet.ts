/**
 * The benchmark's client fleet, in a process of its own (started by bench.ts with an IPC channel),
 * so the CPU the clients spend parsing updates is not counted against the server.
 *
 * For a run against the real server it creates the sessions, joins every trainee over REST, opens
 * one socket per trainee and one facilitator socket per session, starts the sessions and lets each
 * trainee act on its own role view every few seconds, the way the flagship integration test plays:
 * answer a request addressed to its agency, else take an enabled decision (sign a joint one), else
 * send an enabled request, else write a line in the team chat. The facilitator answers for the
 * agencies nobody plays. Against the echo server the same fleet sends the same commands at the
 * same pace, and the echo acks them and passes them on to the team's room.
 *
 * Messages: parent → fleet `{ type: 'run', spec }` and `{ type: 'ack' }`; fleet → parent
 * `{ type: 'mark', name }` (the parent samples the server, then acks) and `{ type: 'result', ... }`.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import {
  PROTOCOL_VERSION,
  applyTeamPatch,
  applyViewPatch,
  type CommandAck,
  type CommandName,
  type RoleView,
  type SessionMeta,
  type SessionRescored,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
  type JoinResponse,
} from '@crossroads/shared';
import { io, type Socket } from 'socket.io-client';
import { LoopProbe, type LoopFigures } from './loop-probe';
import { api, login } from './session-client';

export interface RunSpec {
  target: 'server' | 'echo';
  /** Where the fleet logs in and creates the sessions (REST). */
  url: string;
  /**
   * The server processes to spread the clients over, round robin per client (facilitators first,
   * then trainees in seat order), so a session's members sit on different processes; default [url].
   */
  urls?: string[];
  trainees: number;
  teamSize: number;
  teamsPerSession: number;
  scenario: string;
  roles: string[];
  /** Session time ratio (scenario minutes per real minute); undefined = the API default. */
  timeRatio?: number;
  warmupMs: number;
  measureMs: number;
  intervalMinMs: number;
  intervalMaxMs: number;
  admin: { username: string; password: string };
}

export interface FleetResult {
  trainees: number;
  sessions: number;
  teams: number;
  /** Accepted decision-type commands (decision, joint signature, request sent or answered). */
  decisionRtts: number[];
  chatRtts: number[];
  broadcast: number[];
  commands: number;
  byKind: Record<string, number>;
  rejected: Record<string, number>;
  timeouts: number;
  windowMs: number;
  /** session.update messages received by the whole fleet in the window, and those with a view. */
  updatesReceived: number;
  viewsReceived: number;
  /** session.rescored messages (what a score refresh changed) received in the window. */
  rescoredReceived: number;
  /** Team card patches staff clients received in the window that did not fit their card. */
  cardMismatches: number;
  /** Every command of the run acked `accepted` (trainees and facilitators, warm-up included). */
  acked: AckedCommand[];
  /** Trainee commands sent in the window whose ack never came (the log may still have them). */
  timedOut: { session: string; commandId: string }[];
  /** Sockets opened on each of `urls`, in order. */
  clientsPerNode: number[];
  /**
   * This process's loop delay and GC pauses over the window: round trips are timed here, so a
   * busy fleet adds its own delay to every one of them.
   */
  loop: LoopFigures | null;
}

export interface AckedCommand {
  session: string;
  commandId: string;
  name: CommandName;
  seq: number;
  /** The command's own mark, for those that carry one into their event (see bench.ts). */
  tag?: string;
}

type Send = (name: CommandName, payload: Record<string, unknown>) => Promise<CommandAck>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function post(msg: unknown): void {
  process.send?.(msg);
}

let acked: (() => void) | null = null;
/** Tells the parent where the run is, and waits until it has sampled the server. */
function mark(name: string): Promise<void> {
  return new Promise((resolve) => {
    acked = resolve;
    post({ type: 'mark', name });
  });
}

/** POST /api/join from a given loopback address: each session's room joins from its own "NAT". */
function joinFrom(
  base: string,
  localAddress: string,
  body: Record<string, unknown>,
): Promise<JoinResponse> {
  const url = new URL('/api/join', base);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) },
      },
      (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () => {
          if (response.statusCode !== 200 && response.statusCode !== 201) {
            reject(new Error(`join ${response.statusCode}: ${text}`));
          } else resolve(JSON.parse(text) as JoinResponse);
        });
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

/** Messages the fleet received while counting (updates, and those of them carrying a view). */
const received = { counting: false, updates: 0, views: 0, rescored: 0, cardMismatches: 0 };

const loopProbe = new LoopProbe();

/** The accepted acks of the current run, for the bench's check against the event log. */
let ackLedger: AckedCommand[] = [];

/** A lean protocol client: keeps only the view (trainee) or the cards (staff) and the seq. */
class LeanClient {
  readonly socket: Socket;
  view: RoleView | null = null;
  viewVersion: string | null = null;
  cards = new Map<string, TeamCard>();
  cardVersions = new Map<string, string>();
  ready = false;
  /**
   * Called with every decision.made this client receives: its session, seq and rationale. A
   * trainee of another agency gets the decision without its rationale (need to know), so the tag
   * a rationale carries cannot name every receipt; the seq does, within the session.
   */
  onDecision: ((session: string, seq: number, rationale: string | undefined) => void) | null = null;

  /** @param session the session's id, to note accepted acks under (none against the echo). */
  constructor(
    url: string,
    auth: Record<string, unknown>,
    private readonly session?: string,
  ) {
    this.socket = io(url, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      timeout: 20_000,
      auth,
    });
    this.socket.on('session.snapshot', (s: SessionSnapshot) => {
      this.view = s.view;
      this.viewVersion = s.viewVersion;
      this.cards = new Map(s.teams.map((c) => [c.team.id, c]));
      this.cardVersions = new Map(Object.entries(s.teamVersions));
      this.ready = true;
    });
    // What a recomputation of the live scores changed (hints, witnesses lost, scores, taints).
    this.socket.on('session.rescored', (r: SessionRescored) => {
      if (received.counting) received.rescored += 1;
      this.takeView(r);
      this.takeCards(r);
    });
    this.socket.on('session.update', (u: SessionUpdate) => {
      if (received.counting) {
        received.updates += 1;
        if (u.view ?? u.viewPatch) received.views += 1;
      }
      if (!this.takeView(u) && u.minutes !== undefined && this.view) {
        // A clock move not the ticker's (a teammate's decision's time cost): absolute minutes.
        this.view = { ...this.view, clock: { ...this.view.clock, minutes: u.minutes } };
      }
      this.takeCards(u);
      const e = u.event;
      if (e?.type === 'decision.made') {
        this.onDecision?.(this.session ?? '', e.seq, e.payload.rationale);
      }
    });
  }

  /** A view or view patch of an update or a rescored push; whether the message brought one. */
  private takeView(u: SessionUpdate | SessionRescored): boolean {
    if (u.view) {
      this.view = u.view;
      this.viewVersion = u.viewVersion ?? null;
    } else if (u.viewPatch) {
      const patched = applyViewPatch(this, u.viewPatch);
      if (patched) ({ view: this.view, viewVersion: this.viewVersion } = patched);
      else this.socket.emit('session.sync', { commandId: randomUUID() });
    }
    return u.view !== undefined || u.viewPatch !== undefined;
  }

  /** The cards of an update or a rescored push, whole or as patches (staff). */
  private takeCards(u: SessionUpdate | SessionRescored): void {
    for (const c of u.teams ?? []) {
      this.cards.set(c.team.id, c);
      const version = u.teamVersions?.[c.team.id];
      if (version === undefined) this.cardVersions.delete(c.team.id);
      else this.cardVersions.set(c.team.id, version);
    }
    let mismatch = false;
    for (const patch of u.teamPatches ?? []) {
      const patched = applyTeamPatch(
        { card: this.cards.get(patch.team), version: this.cardVersions.get(patch.team) },
        patch,
      );
      if (patched === null) {
        mismatch = true;
        if (received.counting) received.cardMismatches += 1;
      } else {
        this.cards.set(patch.team, patched.card);
        this.cardVersions.set(patch.team, patched.version);
      }
    }
    if (mismatch) this.socket.emit('session.sync', { commandId: randomUUID() });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  send: Send = async (name, payload) => {
    const timed = this.socket.timeout(10_000) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<CommandAck>;
    };
    const commandId = typeof payload.commandId === 'string' ? payload.commandId : randomUUID();
    const ack = await timed.emitWithAck(name, { ...payload, commandId });
    if (ack.status === 'accepted' && this.session !== undefined) {
      const tag = commandTag(name, payload);
      ackLedger.push({
        session: this.session,
        commandId,
        name,
        seq: ack.seq,
        ...(tag ? { tag } : {}),
      });
    }
    return ack;
  };

  close(): void {
    this.socket.disconnect();
  }
}

/** The tag a trainee's decision (its rationale) or chat line carries, see nextAction. */
function commandTag(name: CommandName, payload: Record<string, unknown>): string | undefined {
  const text =
    name === 'decision.submit'
      ? payload.rationale
      : name === 'chat.send'
        ? payload.text
        : undefined;
  return typeof text === 'string' ? /b:\d+:\d+/.exec(text)?.[0] : undefined;
}

/** What a trainee does next, read from its own view only. */
function nextAction(
  view: RoleView | null,
  tag: string,
): { name: CommandName; payload: Record<string, unknown> } {
  const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
  if (view && !view.ended) {
    const incoming = view.requests.find(
      (r) => r.direction === 'incoming' && r.status === 'pending',
    );
    if (incoming) {
      return {
        name: 'request.answer',
        payload: { requestInstance: incoming.instance, granted: true, reason: 'Granted.' },
      };
    }
    const decision = pick(view.decisions.filter((d) => d.enabled));
    if (decision) {
      const signed = decision.joint?.signatures[0]?.option;
      const option =
        decision.options.find((o) => o.enabled && o.id === signed) ??
        pick(decision.options.filter((o) => o.enabled));
      if (option) {
        return decision.joint
          ? { name: 'joint.sign', payload: { decision: decision.id, option: option.id } }
          : {
              name: 'decision.submit',
              payload: { decision: decision.id, option: option.id, rationale: tag, confidence: 3 },
            };
      }
    }
    const request = pick(view.sendableRequests.filter((r) => r.enabled));
    if (request) return { name: 'request.send', payload: { request: request.id } };
  }
  return { name: 'chat.send', payload: { text: `Waiting for the others (${tag}).` } };
}

const DECISION_KINDS = new Set(['decision.submit', 'joint.sign', 'request.send', 'request.answer']);

interface Seat {
  session: number;
  team: string;
  role: string;
}

function seats(spec: RunSpec): { seats: Seat[]; sessions: number; teamsOf: number[] } {
  const perSession = spec.teamSize * spec.teamsPerSession;
  const out: Seat[] = [];
  const teamsOf: number[] = [];
  for (let i = 0; i < spec.trainees; i += 1) {
    const session = Math.floor(i / perSession);
    const inSession = i % perSession;
    const teamIndex = Math.floor(inSession / spec.teamSize);
    teamsOf[session] = Math.max(teamsOf[session] ?? 0, teamIndex + 1);
    out.push({
      session,
      team: `team-${String.fromCharCode(97 + teamIndex)}`,
      role: spec.roles[(inSession % spec.teamSize) % spec.roles.length] ?? '',
    });
  }
  return { seats: out, sessions: teamsOf.length, teamsOf };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

async function run(spec: RunSpec): Promise<FleetResult> {
  const layout = seats(spec);
  ackLedger = [];
  const urls = spec.urls && spec.urls.length > 0 ? spec.urls : [spec.url];
  const clientsPerNode = urls.map(() => 0);
  let clientCount = 0;
  /** The server at `turn` (modulo their number), counted as one more client of it. */
  const nodeAt = (turn: number): string => {
    const index = turn % urls.length;
    clientsPerNode[index] = (clientsPerNode[index] ?? 0) + 1;
    return urls[index] ?? spec.url;
  };
  /** The next server in turn, round robin per client. */
  const nextNode = (): string => nodeAt(clientCount++);
  const trainees: { client: LeanClient; seat: Seat }[] = [];
  const staff: LeanClient[] = [];
  let token = '';
  const metas: SessionMeta[] = [];

  if (spec.target === 'server') {
    token = (await login(spec.url, spec.admin.username, spec.admin.password)).token;
    for (let s = 0; s < layout.sessions; s += 1) {
      metas.push(
        await api<SessionMeta>(
          spec.url,
          'POST',
          '/api/sessions',
          {
            scenario: spec.scenario,
            teams: layout.teamsOf[s] ?? 1,
            ...(spec.timeRatio !== undefined ? { timeRatio: spec.timeRatio } : {}),
          },
          token,
        ),
      );
    }
  }
  await mark('setup');

  if (spec.target === 'server') {
    for (const meta of metas) {
      const c = new LeanClient(
        nextNode(),
        {
          protocol: PROTOCOL_VERSION,
          credential: { kind: 'facilitator', token },
          session: meta.id,
        },
        meta.id,
      );
      await c.connected();
      staff.push(c);
    }
    // Each trainee joins over REST and connects on its own process, in seat order, the turn
    // shifted by one per session: a session's first join (which makes its process the owner)
    // lands on each process in turn, as behind a load balancer, instead of always on the same one
    // when a session's seat count is a multiple of the node count.
    const nodeOf = layout.seats.map((seat, i) => nodeAt(clientCount + i + seat.session));
    const joined = await pool(layout.seats, 10, (seat, i) =>
      joinFrom(
        nodeOf[i] ?? spec.url,
        `127.0.${1 + Math.floor(seat.session / 200)}.${10 + (seat.session % 200)}`,
        {
          code: metas[seat.session]?.joinCode,
          displayName: `Trainee ${i + 1}`,
          team: seat.team,
          role: seat.role,
        },
      ),
    );
    await mark('joined');
    await pool(layout.seats, 25, async (seat, i) => {
      const c = new LeanClient(
        nodeOf[i] ?? spec.url,
        {
          protocol: PROTOCOL_VERSION,
          credential: { kind: 'participant', token: joined[i]?.participantToken },
        },
        metas[seat.session]?.id,
      );
      await c.connected();
      trainees.push({ client: c, seat });
    });
  } else {
    // The echo has no joins: its clients connect at once.
    await mark('joined');
    await pool(layout.seats, 25, async (seat) => {
      const c = new LeanClient(nextNode(), { room: `${seat.session}:${seat.team}` });
      await c.connected();
      trainees.push({ client: c, seat });
    });
  }
  const settle = Date.now() + 30_000;
  while (spec.target === 'server' && trainees.some((t) => !t.client.ready) && Date.now() < settle) {
    await sleep(50);
  }
  await mark('connected');

  if (spec.target === 'server') {
    for (const c of staff) await c.send('session.start', {});
    const deadline = Date.now() + 30_000;
    while (trainees.some((t) => t.client.view === null) && Date.now() < deadline) await sleep(50);
  }

  // Who received which tagged decision, and when. Receipts with the rationale (the deciding
  // agency's group, the staff, the echo's room) name the decision by its tag, and tell which
  // session and seq it has; receipts without it (other agencies) are noted by session and seq, and
  // joined to the tag at the end. The echo gives every event seq 1, but always the rationale.
  const sentAt = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  const seqOfTag = new Map<string, string>();
  const lastSeenBySeq = new Map<string, number>();
  const seen = (session: string, seq: number, rationale: string | undefined) => {
    const now = performance.now();
    const key = `${session}\u0000${seq}`;
    if (rationale?.startsWith('b:')) {
      lastSeen.set(rationale, now);
      seqOfTag.set(rationale, key);
    } else {
      lastSeenBySeq.set(key, now);
    }
  };
  for (const { client } of trainees) client.onDecision = seen;
  for (const c of staff) c.onDecision = seen;

  const result: FleetResult = {
    trainees: spec.trainees,
    sessions: layout.sessions,
    teams: layout.teamsOf.reduce((a, b) => a + b, 0),
    decisionRtts: [],
    chatRtts: [],
    broadcast: [],
    commands: 0,
    byKind: {},
    rejected: {},
    timeouts: 0,
    windowMs: spec.measureMs,
    updatesReceived: 0,
    viewsReceived: 0,
    rescoredReceived: 0,
    cardMismatches: 0,
    acked: ackLedger,
    timedOut: [],
    clientsPerNode,
    loop: null,
  };
  const start = performance.now();
  const measureFrom = start + spec.warmupMs;
  const end = measureFrom + spec.measureMs;
  const interval = () =>
    spec.intervalMinMs + Math.random() * (spec.intervalMaxMs - spec.intervalMinMs);
  // The window is [measureFrom, end): the marks are timed, not tied to the loops.
  const marks = sleep(spec.warmupMs)
    .then(() => {
      Object.assign(received, {
        counting: true,
        updates: 0,
        views: 0,
        rescored: 0,
        cardMismatches: 0,
      });
      loopProbe.reset();
      return mark('measure-start');
    })
    .then(() => sleep(Math.max(0, end - performance.now())))
    .then(() => {
      received.counting = false;
      result.updatesReceived = received.updates;
      result.viewsReceived = received.views;
      result.rescoredReceived = received.rescored;
      result.cardMismatches = received.cardMismatches;
      result.loop = loopProbe.figures();
      return mark('measure-end');
    });

  const traineeLoops = trainees.map(async ({ client, seat }, i) => {
    await sleep(Math.random() * spec.intervalMaxMs);
    for (let n = 0; performance.now() < end; n += 1) {
      const tag = `b:${i}:${n}`;
      const action =
        spec.target === 'server'
          ? nextAction(client.view, tag)
          : {
              name: 'decision.submit' as const,
              payload: { decision: 'd', option: 'o', rationale: tag, confidence: 3 },
            };
      const t0 = performance.now();
      const counted = t0 >= measureFrom && t0 < end;
      if (action.name === 'decision.submit') sentAt.set(tag, t0);
      let ack: CommandAck | null = null;
      const commandId = randomUUID();
      try {
        ack = await client.send(action.name, { ...action.payload, commandId });
      } catch {
        if (counted) {
          result.timeouts += 1;
          const session = metas[seat.session]?.id;
          if (session !== undefined) result.timedOut.push({ session, commandId });
        }
      }
      const rtt = performance.now() - t0;
      if (counted && ack) {
        result.commands += 1;
        result.byKind[action.name] = (result.byKind[action.name] ?? 0) + 1;
        if (ack.status === 'accepted') {
          if (DECISION_KINDS.has(action.name)) result.decisionRtts.push(rtt);
          else result.chatRtts.push(rtt);
        } else {
          result.rejected[ack.code] = (result.rejected[ack.code] ?? 0) + 1;
        }
      }
      if (!counted) sentAt.delete(tag);
      await sleep(Math.min(Math.max(0, interval() - rtt), Math.max(0, end - performance.now())));
    }
  });
  // The facilitator answers for the agencies nobody plays, every few seconds.
  const staffLoops = staff.map(async (c) => {
    while (performance.now() < end) {
      await sleep(Math.min(interval(), Math.max(0, end - performance.now())));
      for (const [team, card] of c.cards) {
        for (const r of card.pendingRequests.filter((p) => p.facilitatorAnswers).slice(0, 1)) {
          await c
            .send('request.answer', {
              team,
              requestInstance: r.instance,
              granted: true,
              reason: 'Available.',
            })
            .catch(() => undefined);
        }
      }
    }
  });
  await Promise.all([...traineeLoops, ...staffLoops, marks]);
  await sleep(500); // late broadcasts

  for (const [tag, t0] of sentAt) {
    const withTag = lastSeen.get(tag);
    const key = seqOfTag.get(tag);
    const withoutTag = key === undefined ? undefined : lastSeenBySeq.get(key);
    const last =
      withTag === undefined
        ? withoutTag
        : Math.max(withTag, withoutTag ?? Number.NEGATIVE_INFINITY);
    if (last !== undefined) result.broadcast.push(last - t0);
  }
  if (spec.target === 'server') {
    // End the sessions, so their clocks stop ticking during the next steps.
    await Promise.all(staff.map((c) => c.send('session.end', {}).catch(() => undefined)));
  }
  for (const { client } of trainees) client.close();
  for (const c of staff) c.close();
  await sleep(500);
  return result;
}

process.on('message', (msg: { type: string; spec?: RunSpec }) => {
  if (msg.type === 'ack') {
    const resolve = acked;
    acked = null;
    resolve?.();
  } else if (msg.type === 'run' && msg.spec) {
    run(msg.spec).then(
      (result) => post({ type: 'result', result }),
      (error: unknown) =>
        post({
          type: 'error',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  } else if (msg.type === 'exit') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
