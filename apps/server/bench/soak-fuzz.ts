/**
 * Fuzz soak: `messages` hostile messages against a running session, each one invalid by
 * construction, from trainee and facilitator sockets of the session:
 * - commands whose payload is not an object, lacks or garbles its commandId, carries an unknown
 *   key (every command schema is strict), has a field of the wrong type, names things that do not
 *   exist, or comes from a role the command is not for;
 * - event names outside the contract; engine.io/socket.io frames that do not parse; messages over
 *   the size limit (the server closes those connections, and a new socket takes the place);
 * - handshakes with malformed or foreign credentials.
 * Figures: accepted (acks `accepted` or handshakes let in: target 0), crashes (the server process
 * exited or stopped answering: target 0), stateChanged (the session's log differs afterwards:
 * target false), and the server's resident memory before and after.
 */
import { randomUUID } from 'node:crypto';
import {
  COMMAND_NAMES,
  commandPermissions,
  PROTOCOL_VERSION,
  type CommandAck,
  type CommandName,
  type JoinResponse,
  type SessionMeta,
} from '@crossroads/shared';
import { io } from 'socket.io-client';
import { api, login, SessionClient } from './session-client';
import {
  miniScenarioFile,
  rssKiB,
  SOAK_ADMIN,
  soakFiles,
  sleep,
  startSoakServer,
  type SoakServer,
} from './soak-support';

export interface FuzzSoakResult {
  soak: 'fuzz';
  messages: number;
  accepted: number;
  crashes: number;
  stateChanged: boolean;
  rejected: number;
  rateLimited: number;
  unanswered: number;
  closedByServer: number;
  handshakesRefused: number;
  rejectionCodes: Record<string, number>;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  seconds: number;
  target: string;
  targetMet: boolean;
  acceptedSamples: unknown[];
}

/** A deterministic pseudo-random stream (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Well-formed payload bodies (without commandId) for each command. */
const TEMPLATES: Record<CommandName, Record<string, unknown>> = {
  'session.start': {},
  'session.pause': { reason: 'Break' },
  'session.resume': {},
  'session.end': {},
  'inject.release': { inject: 'smell', team: 'all' },
  'request.answer': { requestInstance: 'r1', granted: true, reason: 'ok', team: 'team-a' },
  'broadcast.send': { message: 'Hello' },
  'participant.move': { participant: randomUUID(), team: 'team-a', role: 'prosecutor' },
  'clock.advance': { minutes: 1 },
  'debrief.release': {},
  'decision.submit': { decision: 'open_van', option: 'open_and_triage' },
  'joint.sign': { decision: 'plan', option: 'detain_all' },
  'request.send': { request: 'video_interpreter' },
  'chat.send': { text: 'hi' },
  'note.pin': { seq: 1, text: 'note' },
  'session.sync': {},
};

/** Schema-valid commands that cannot apply: they name things that do not exist. */
const NONEXISTENT: [CommandName, Record<string, unknown>][] = [
  ['decision.submit', { decision: 'no_such_decision', option: 'x' }],
  ['decision.submit', { decision: 'open_van', option: 'no_such_option' }],
  ['joint.sign', { decision: 'no_such_decision', option: 'x' }],
  ['request.send', { request: 'no_such_request' }],
  ['inject.release', { inject: 'no_such_inject', team: 'all' }],
  [
    'participant.move',
    { participant: '00000000-0000-4000-8000-000000000000', team: 'team-a', role: 'prosecutor' },
  ],
  [
    'request.answer',
    { requestInstance: 'no_such_instance', granted: true, reason: 'x', team: 'team-a' },
  ],
  ['note.pin', { seq: 999_999_999, text: 'x' }],
  ['clock.advance', { minutes: 1, team: 'no-such-team' }],
  ['broadcast.send', { message: 'x', team: 'no-such-team' }],
];

/** Commands a trainee may never send, and those a facilitator may never send. */
const STAFF_ONLY: CommandName[] = [
  'session.end',
  'session.pause',
  'clock.advance',
  'debrief.release',
  'inject.release',
  'broadcast.send',
  'participant.move',
];
const TRAINEE_ONLY: CommandName[] = ['decision.submit', 'joint.sign', 'request.send', 'chat.send'];

const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  '',
  'x'.repeat(5000),
  [],
  [1, 'a'],
  {},
  { $gt: '' },
  { __proto__: { polluted: true } },
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000\uffff\ud800',
];

const BAD_IDS: unknown[] = [
  '',
  'not-a-uuid',
  123,
  null,
  {},
  [],
  'x'.repeat(300),
  '00000000-0000-0000-0000-00000000000g',
];

type Fuzz =
  | { kind: 'command'; name: string; payload: unknown }
  | { kind: 'unknown-event'; name: string; payload: unknown }
  | { kind: 'raw'; frame: string }
  | { kind: 'oversize' }
  | { kind: 'handshake'; auth: Record<string, unknown> };

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function randomValue(rnd: () => number, depth = 0): unknown {
  const r = rnd();
  if (depth > 2 || r < 0.5) return pick(rnd, WRONG_VALUES);
  if (r < 0.75)
    return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < Math.floor(rnd() * 4); i += 1)
    out[`k${Math.floor(rnd() * 100)}`] = randomValue(rnd, depth + 1);
  return out;
}

/** Commands each side may send: payload fuzz goes there, so it meets validation, not the role check. */
const ALLOWED = {
  trainee: COMMAND_NAMES.filter((n) => commandPermissions[n].includes('participant')),
  staff: COMMAND_NAMES.filter((n) => commandPermissions[n].includes('facilitator')),
};

function fuzzFor(rnd: () => number, trainee: boolean): Fuzz {
  const r = rnd();
  const name = pick(rnd, trainee ? ALLOWED.trainee : ALLOWED.staff);
  const template = TEMPLATES[name];
  if (r < 0.08)
    return {
      kind: 'command',
      name,
      payload: pick(
        rnd,
        WRONG_VALUES.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      ),
    };
  if (r < 0.16) return { kind: 'command', name, payload: { ...template } };
  if (r < 0.26)
    return { kind: 'command', name, payload: { ...template, commandId: pick(rnd, BAD_IDS) } };
  if (r < 0.38) {
    const key = pick(rnd, [
      '__proto__',
      'constructor',
      'admin',
      'seq',
      'team2',
      'role ',
      'commandid',
    ]);
    const payload: Record<string, unknown> = { ...template, commandId: randomUUID() };
    Object.defineProperty(payload, key, { value: randomValue(rnd), enumerable: true });
    return { kind: 'command', name, payload };
  }
  if (r < 0.52) {
    const keys = Object.keys(template);
    if (keys.length === 0)
      return { kind: 'command', name, payload: { commandId: randomUUID(), extra: 1 } };
    const key = pick(rnd, keys);
    const current = template[key];
    // A value of another type than the field's (strings get numbers, the rest get strings).
    const wrong =
      typeof current === 'string'
        ? pick(rnd, [7, null, {}, [], true])
        : pick(rnd, ['7', 'yes', '', null, {}]);
    return {
      kind: 'command',
      name,
      payload: { ...template, [key]: wrong, commandId: randomUUID() },
    };
  }
  if (r < 0.64) {
    const [n, body] = pick(rnd, NONEXISTENT);
    return { kind: 'command', name: n, payload: { ...body, commandId: randomUUID() } };
  }
  if (r < 0.72) {
    const n = trainee ? pick(rnd, STAFF_ONLY) : pick(rnd, TRAINEE_ONLY);
    return { kind: 'command', name: n, payload: { ...TEMPLATES[n], commandId: randomUUID() } };
  }
  if (r < 0.8) {
    const n = pick(rnd, [
      '__proto__',
      'constructor',
      'session.snapshot',
      'notice',
      'admin.grant',
      'x'.repeat(200),
      '',
      'ping ',
    ]);
    return { kind: 'unknown-event', name: n, payload: randomValue(rnd) };
  }
  if (r < 0.88) {
    const frame = pick(rnd, [
      '42[',
      '42["decision.submit",',
      '4{not json',
      '451-["chat.send",{"_placeholder":true,"num":5}]',
      '49["x"]',
      '4' + '['.repeat(5000),
      '43999999999999999999[{"status":"accepted"}]',
      '4\u0000\u0001\u0002',
      '41/evil,',
      '40/admin,{}',
    ]);
    return { kind: 'raw', frame };
  }
  if (r < 0.92) return { kind: 'oversize' };
  const auth = pick(rnd, [
    { protocol: PROTOCOL_VERSION, credential: { kind: 'participant', token: 'x'.repeat(43) } },
    {
      protocol: PROTOCOL_VERSION,
      credential: { kind: 'facilitator', token: randomUUID() },
      session: randomUUID(),
    },
    { protocol: 999, credential: { kind: 'participant', token: 'x' } },
    { protocol: PROTOCOL_VERSION, credential: { kind: 'admin', token: 'x' } },
    { protocol: PROTOCOL_VERSION, credential: 'participant' },
    { protocol: PROTOCOL_VERSION, credential: { kind: 'participant', token: 7 }, lastSeq: -5 },
    { credential: { kind: 'observer', token: '' } },
    { __proto__: { admin: true }, protocol: PROTOCOL_VERSION },
  ]);
  return { kind: 'handshake', auth: auth as Record<string, unknown> };
}

interface Counts {
  accepted: number;
  rejected: number;
  rateLimited: number;
  unanswered: number;
  closedByServer: number;
  handshakesRefused: number;
  codes: Map<string, number>;
  acceptedSamples: unknown[];
}

async function logDigest(server: SoakServer, sessionId: string, token: string): Promise<string> {
  const response = await fetch(`${server.url}/api/sessions/${sessionId}/events.jsonl`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.text();
}

export async function fuzzSoak(options: {
  messages: number;
  seed?: number;
  progress?: (line: string) => void;
}): Promise<FuzzSoakResult> {
  const began = Date.now();
  const rnd = random(options.seed ?? 20261204);
  const files = soakFiles('fuzz', [miniScenarioFile()]);
  let server = await startSoakServer(files);
  let crashes = 0;
  const clients: SessionClient[] = [];
  try {
    const admin = await login(server.url, SOAK_ADMIN.username, SOAK_ADMIN.password);
    const teams = 10;
    const meta = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams, timeRatio: 0 },
      admin.token,
    );
    const seats: { credential: SessionClient['credential']; session?: string; trainee: boolean }[] =
      [];
    for (let t = 0; t < teams; t += 1) {
      for (const role of ['border_police', 'prosecutor', 'social_work']) {
        const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
          code: meta.joinCode,
          displayName: `${role} ${t}`,
          team: `team-${String.fromCharCode(97 + t)}`,
          role,
        });
        seats.push({
          credential: { kind: 'participant', token: joined.participantToken },
          trainee: true,
        });
      }
    }
    for (let f = 0; f < 10; f += 1) {
      seats.push({
        credential: { kind: 'facilitator', token: admin.token },
        session: meta.id,
        trainee: false,
      });
    }
    const open = async (seat: (typeof seats)[number]) => {
      const c = new SessionClient(server.url, seat.credential, seat.session);
      clients.push(c);
      await c.connected();
      return c;
    };
    const sockets = await Promise.all(seats.map(open));
    const starter = sockets[sockets.length - 1] as SessionClient;
    const started = await starter.send('session.start', {});
    if (started.status !== 'accepted') throw new Error(`session.start: ${JSON.stringify(started)}`);
    await sleep(500);
    const before = await logDigest(server, meta.id, admin.token);
    const rssBefore = rssKiB(server.pid);

    const counts: Counts = {
      accepted: 0,
      rejected: 0,
      rateLimited: 0,
      unanswered: 0,
      closedByServer: 0,
      handshakesRefused: 0,
      codes: new Map(),
      acceptedSamples: [],
    };
    let remaining = options.messages;
    let done = 0;
    const worker = async (slot: number) => {
      const seat = seats[slot] as (typeof seats)[number];
      while (remaining > 0) {
        remaining -= 1;
        const fuzz = fuzzFor(rnd, seat.trainee);
        let c = sockets[slot] as SessionClient;
        if (!c.socket.connected) {
          c = await open(seat);
          sockets[slot] = c;
        }
        await send(server, c, fuzz, counts);
        done += 1;
        if (done % 1000 === 0)
          options.progress?.(`fuzz: ${done}/${options.messages} sent, ${counts.accepted} accepted`);
        // About the command rate a socket is allowed (4/s), so most answers are about the input.
        await sleep(250);
      }
    };
    const watchdog = setInterval(() => {
      if (server.process.exitCode !== null || server.process.signalCode !== null) crashes += 1;
    }, 500);
    await Promise.all(seats.map((_, i) => worker(i)));
    clearInterval(watchdog);
    await sleep(500);
    let alive = false;
    try {
      alive = (await fetch(`${server.url}/api/health`)).ok;
    } catch {
      alive = false;
    }
    if (!alive || server.process.exitCode !== null) {
      crashes = Math.max(crashes, 1);
      server = await startSoakServer(files);
    }
    const after = await logDigest(server, meta.id, admin.token);
    const rssAfter = rssKiB(server.pid);
    const stateChanged = before !== after;
    const result: FuzzSoakResult = {
      soak: 'fuzz',
      messages: options.messages,
      accepted: counts.accepted,
      crashes,
      stateChanged,
      rejected: counts.rejected,
      rateLimited: counts.rateLimited,
      unanswered: counts.unanswered,
      closedByServer: counts.closedByServer,
      handshakesRefused: counts.handshakesRefused,
      rejectionCodes: Object.fromEntries([...counts.codes].sort((a, b) => b[1] - a[1])),
      rssBeforeMiB: Math.round(rssBefore / 102.4) / 10,
      rssAfterMiB: Math.round(rssAfter / 102.4) / 10,
      seconds: Math.round((Date.now() - began) / 100) / 10,
      target: '0 accepted, 0 crashes, no state change',
      targetMet: counts.accepted === 0 && crashes === 0 && !stateChanged,
      acceptedSamples: counts.acceptedSamples.slice(0, 10),
    };
    return result;
  } finally {
    for (const c of clients) c.close();
    await server.kill();
    files.remove();
  }
}

async function send(
  server: SoakServer,
  c: SessionClient,
  fuzz: Fuzz,
  counts: Counts,
): Promise<void> {
  const closed = () =>
    new Promise<boolean>((resolve) => {
      if (!c.socket.connected) {
        resolve(true);
        return;
      }
      const timer = setTimeout(() => resolve(false), 1000);
      c.socket.once('disconnect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  switch (fuzz.kind) {
    case 'command': {
      const timed = c.socket.timeout(3000) as unknown as {
        emitWithAck(event: string, payload: unknown): Promise<CommandAck>;
      };
      try {
        const ack = await timed.emitWithAck(fuzz.name, fuzz.payload);
        if (ack.status === 'accepted') {
          counts.accepted += 1;
          counts.acceptedSamples.push({ name: fuzz.name, payload: fuzz.payload, ack });
        } else if (ack.code === 'protocol/rate_limited') counts.rateLimited += 1;
        else {
          counts.rejected += 1;
          counts.codes.set(ack.code, (counts.codes.get(ack.code) ?? 0) + 1);
        }
      } catch {
        counts.unanswered += 1;
      }
      return;
    }
    case 'unknown-event': {
      const timed = c.socket.timeout(300) as unknown as {
        emitWithAck(event: string, payload: unknown): Promise<unknown>;
      };
      try {
        const answer = await timed.emitWithAck(fuzz.name, fuzz.payload);
        if (
          answer !== null &&
          typeof answer === 'object' &&
          (answer as { status?: unknown }).status === 'accepted'
        ) {
          counts.accepted += 1;
          counts.acceptedSamples.push({ event: fuzz.name, payload: fuzz.payload, answer });
        } else counts.rejected += 1;
      } catch {
        counts.unanswered += 1;
      }
      return;
    }
    case 'raw': {
      const engine = c.socket.io.engine as unknown as { write(data: string): void };
      const wasClosed = closed();
      engine.write(fuzz.frame.slice(1));
      if (await wasClosed) counts.closedByServer += 1;
      else counts.unanswered += 1;
      return;
    }
    case 'oversize': {
      const wasClosed = closed();
      // Past MAX_MESSAGE_BYTES: engine.io closes the connection before anything is parsed.
      const emit = c.socket.emit.bind(c.socket) as unknown as (e: string, p: unknown) => void;
      emit('chat.send', { commandId: randomUUID(), text: 'x'.repeat(70 * 1024) });
      if (await wasClosed) counts.closedByServer += 1;
      else counts.unanswered += 1;
      return;
    }
    case 'handshake': {
      const socket = io(server.url, {
        forceNew: true,
        reconnection: false,
        transports: ['websocket'],
        timeout: 5000,
        auth: fuzz.auth,
      });
      const outcome = await new Promise<'connected' | 'refused'>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      socket.disconnect();
      if (outcome === 'connected') {
        counts.accepted += 1;
        counts.acceptedSamples.push({ handshake: fuzz.auth });
      } else counts.handshakesRefused += 1;
      return;
    }
  }
}
