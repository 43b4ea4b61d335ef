/**
 * Reconnect-storm soak: `clients` trainees in classes of 30 (10 teams × 3 agencies of the mini
 * scenario, each class joining and connecting from its own loopback address, so the default
 * per-address socket limits stay on) are all cut off at the same instant, the way a Wi-Fi access
 * point dropping takes a room down; while they are away every facilitator broadcasts three
 * messages. Each socket.io client reconnects by itself and sends its last seq.
 * Figures: p50/p99/max reconnect-to-consistent (from the cut until the client is connected again,
 * holds every event up to its session's head and has every broadcast sent while it was away:
 * target p99 ≤ 10 s), missed (broadcasts a client never received once the storm settled: target 0)
 * and clients that never came back.
 */
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type JoinResponse,
  type LogEvent,
  type SessionEvents,
  type SessionMeta,
  type SessionSnapshot,
  type SessionUpdate,
} from '@crossroads/shared';
import { api, login, SessionClient } from './session-client';
import {
  joinFrom,
  miniScenarioFile,
  percentile,
  pool,
  SOAK_ADMIN,
  soakFiles,
  sleep,
  startSoakServer,
} from './soak-support';

export interface ReconnectStormResult {
  soak: 'reconnect-storm';
  clients: number;
  sessions: number;
  reconnectToConsistentMs: { p50: number; p99: number; max: number };
  missed: number;
  neverConsistent: number;
  broadcastsDuringStorm: number;
  setupSeconds: number;
  seconds: number;
  target: string;
  targetMet: boolean;
}

const CLASS = { teams: 10, roles: ['border_police', 'prosecutor', 'social_work'] } as const;

/** A lean trainee: keeps its seq and the broadcasts it has seen, from any kind of message. */
class Trainee {
  readonly socket: Socket;
  lastSeq = 0;
  readonly broadcasts = new Set<number>();
  consistentAt: number | null = null;
  /** Looks whether the client is consistent now (run on every message, and by the soak). */
  check: () => void = () => undefined;

  constructor(url: string, token: string, localAddress: string) {
    this.socket = io(url, {
      forceNew: true,
      transports: ['websocket'],
      timeout: 20_000,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      // engine.io-client hands this to `ws`: the class's own "NAT" address.
      ...({ localAddress } as object),
      auth: (cb) =>
        cb({
          protocol: PROTOCOL_VERSION,
          credential: { kind: 'participant', token },
          ...(this.lastSeq > 0 ? { lastSeq: this.lastSeq } : {}),
        }),
    });
    const note = (e: LogEvent | null | undefined) => {
      if (e?.type === 'broadcast.sent') this.broadcasts.add(e.seq);
    };
    this.socket.on('session.snapshot', (s: SessionSnapshot) => {
      for (const b of s.broadcasts) this.broadcasts.add(b.seq);
      this.lastSeq = Math.max(this.lastSeq, s.seq);
      this.check();
    });
    this.socket.on('session.events', (batch: SessionEvents) => {
      for (const e of batch.events) note(e);
      this.lastSeq = Math.max(this.lastSeq, batch.seq);
      this.check();
    });
    this.socket.on('session.update', (u: SessionUpdate) => {
      note(u.event);
      this.lastSeq = Math.max(this.lastSeq, u.seq);
      this.check();
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  /** Records when the client first holds `head` and every one of `expected`. */
  watch(head: () => number, expected: () => number[]): void {
    this.check = () => {
      if (this.consistentAt !== null || !this.socket.connected) return;
      if (this.lastSeq < head()) return;
      if (expected().some((seq) => !this.broadcasts.has(seq))) return;
      this.consistentAt = Date.now();
    };
  }

  /** Drops the connection as a network failure would: socket.io-client reconnects by itself. */
  cut(): void {
    (this.socket.io.engine as unknown as { close(): void }).close();
  }
}

export async function reconnectStormSoak(options: {
  clients: number;
  progress?: (line: string) => void;
}): Promise<ReconnectStormResult> {
  const began = Date.now();
  const files = soakFiles('storm', [miniScenarioFile()]);
  // All interfaces: each class connects from its own 127.x address.
  const server = await startSoakServer(files, { HOST: '0.0.0.0' });
  const url = server.url.replace('0.0.0.0', '127.0.0.1');
  const perClass = CLASS.teams * CLASS.roles.length;
  const classes = Math.ceil(options.clients / perClass);
  const trainees: { client: Trainee; session: number }[] = [];
  const facilitators: SessionClient[] = [];
  try {
    const admin = await login(url, SOAK_ADMIN.username, SOAK_ADMIN.password);
    const sessions: SessionMeta[] = [];
    for (let k = 0; k < classes; k += 1) {
      sessions.push(
        await api<SessionMeta>(
          url,
          'POST',
          '/api/sessions',
          { scenario: 'mini-kelebija', teams: CLASS.teams, timeRatio: 0 },
          admin.token,
        ),
      );
    }
    const seats: { session: number; team: string; role: string; address: string }[] = [];
    for (let k = 0; k < classes; k += 1) {
      const address = `127.0.${10 + Math.floor(k / 200)}.${1 + (k % 200)}`;
      for (let t = 0; t < CLASS.teams && seats.length < options.clients; t += 1) {
        for (const role of CLASS.roles) {
          if (seats.length >= options.clients) break;
          seats.push({ session: k, team: `team-${String.fromCharCode(97 + t)}`, role, address });
        }
      }
    }
    await pool(seats, 20, async (seat, i) => {
      const meta = sessions[seat.session] as SessionMeta;
      const joined: JoinResponse = await joinFrom(url, seat.address, {
        code: meta.joinCode,
        displayName: `Trainee ${i}`,
        team: seat.team,
        role: seat.role,
      });
      const client = new Trainee(url, joined.participantToken, seat.address);
      trainees.push({ client, session: seat.session });
      await client.connected();
      if ((i + 1) % 500 === 0) options.progress?.(`storm: ${i + 1}/${seats.length} connected`);
    });
    const startSeqs: number[] = [];
    for (const meta of sessions) {
      const f = new SessionClient(url, { kind: 'facilitator', token: admin.token }, meta.id);
      facilitators.push(f);
      await f.connected();
      const started = await f.send('session.start', {});
      if (started.status !== 'accepted') throw new Error(`start: ${JSON.stringify(started)}`);
      startSeqs.push(started.seq ?? 0);
    }
    // Everyone has caught up with the start before the cut (waited for, 20 s at most).
    const caughtUp = Date.now() + 20_000;
    while (
      Date.now() < caughtUp &&
      trainees.some(({ client, session }) => client.lastSeq < (startSeqs[session] ?? 0))
    ) {
      await sleep(50);
    }
    const setupSeconds = Math.round((Date.now() - began) / 1000);

    const heads = sessions.map(() => 0);
    const expected = sessions.map((): number[] => []);
    let storming = true;
    for (const { client, session } of trainees) {
      client.watch(
        () => (storming ? Number.POSITIVE_INFINITY : (heads[session] ?? 0)),
        () => expected[session] ?? [],
      );
    }
    options.progress?.(`storm: cutting ${trainees.length} clients`);
    const cutAt = Date.now();
    for (const { client } of trainees) client.cut();
    // While the room is away, each facilitator broadcasts three messages.
    await Promise.all(
      facilitators.map(async (f, k) => {
        for (let m = 0; m < 3; m += 1) {
          const ack = await f.send(
            'broadcast.send',
            { message: `While you were away ${m}` },
            20_000,
          );
          if (ack.status === 'accepted') {
            (expected[k] as number[]).push(ack.seq ?? 0);
            heads[k] = Math.max(heads[k] ?? 0, ack.seq ?? 0);
          }
        }
      }),
    );
    storming = false;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && trainees.some((t) => t.client.consistentAt === null)) {
      // What arrived while `storming` still held is looked at again.
      for (const { client } of trainees) client.check();
      await sleep(250);
    }
    // A client that never became consistent counts as infinitely late (null in the JSON).
    const times = trainees.map((t) =>
      t.client.consistentAt === null ? Number.POSITIVE_INFINITY : t.client.consistentAt - cutAt,
    );
    let missed = 0;
    for (const { client, session } of trainees) {
      for (const seq of expected[session] ?? []) if (!client.broadcasts.has(seq)) missed += 1;
    }
    const neverConsistent = trainees.filter((t) => t.client.consistentAt === null).length;
    const p99 = percentile(times, 99);
    return {
      soak: 'reconnect-storm',
      clients: trainees.length,
      sessions: sessions.length,
      reconnectToConsistentMs: {
        p50: percentile(times, 50),
        p99,
        max: percentile(times, 100),
      },
      missed,
      neverConsistent,
      broadcastsDuringStorm: expected.reduce((n, e) => n + e.length, 0),
      setupSeconds,
      seconds: Math.round((Date.now() - began) / 1000),
      target: 'p99 reconnect-to-consistent ≤ 10 s, 0 missed',
      targetMet: p99 <= 10_000 && missed === 0,
    };
  } finally {
    for (const { client } of trainees) client.socket.disconnect();
    for (const f of facilitators) f.close();
    await server.kill();
    files.remove();
  }
}
