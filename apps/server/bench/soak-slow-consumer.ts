/**
 * Slow-consumer soak: the finding of issue 11 played back. `consumers` staff sockets of a running
 * flagship session (the largest snapshots) answer heartbeats but never read, and ask for
 * `session.sync` four times a second, while the facilitator keeps the session busy and one
 * healthy trainee reads normally. The server's resident memory is sampled throughout.
 * Figures: rssMaxIncreaseMiB over the baseline taken before the consumers stop reading (target
 * ≤ 64 MiB), disconnects (the server closing a consumer for falling behind: must happen, or the
 * bound was never tested), reconnects, the healthy reader's disconnects (target 0) and what the
 * consumers asked for in total (syncs × snapshot size), which without a bound would all be queued.
 *
 * The consumers speak engine.io/socket.io over a raw WebSocket (`ws`), so not reading is real:
 * their TCP socket is paused after the handshake, and the pongs are written blindly.
 */
import { randomUUID } from 'node:crypto';
import type { Socket as NetSocket } from 'node:net';
import WebSocket from 'ws';
import {
  PROTOCOL_VERSION,
  RATE_LIMITS,
  type JoinResponse,
  type SessionMeta,
} from '@crossroads/shared';
import { api, login, SessionClient } from './session-client';
import { rssKiB, SOAK_ADMIN, soakFiles, sleep, startSoakServer } from './soak-support';

export interface SlowConsumerSoakResult {
  soak: 'slow-consumer';
  consumers: number;
  seconds: number;
  /** How long the consumers were in fact kept (shorter than `seconds` with untilEveryConsumerCut). */
  windowSeconds: number;
  snapshotKiB: number;
  syncsAsked: number;
  bytesAskedMiB: number;
  rssBaselineMiB: number;
  rssMaxMiB: number;
  rssMaxIncreaseMiB: number;
  rssEndMiB: number;
  disconnects: number;
  reconnects: number;
  healthyDisconnects: number;
  healthyUpdates: number;
  bounds: { queueBytes: string; queueMessages: string; snapshotBytesPerSecond: string };
  target: string;
  targetMet: boolean;
}

const MiB = 1024 * 1024;

/** One consumer that never reads: reconnects (and stops reading again) after every cut. */
class NeverReader {
  disconnects = 0;
  connects = 0;
  syncs = 0;
  private ws: WebSocket | null = null;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly auth: Record<string, unknown>,
  ) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const target = `${this.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
      const ws = new WebSocket(target);
      this.ws = ws;
      let joined = false;
      ws.on('message', (data: WebSocket.RawData) => {
        const text = data.toString();
        if (text.startsWith('0')) ws.send(`40${JSON.stringify(this.auth)}`);
        else if (text.startsWith('40') && !joined) {
          joined = true;
          this.connects += 1;
          // From here on nothing is read: the TCP socket is paused, the kernel buffers fill up.
          (ws as unknown as { _socket: NetSocket })._socket.pause();
          this.loop();
          resolve();
        } else if (text.startsWith('44')) reject(new Error(`refused: ${text}`));
      });
      ws.on('error', () => undefined);
      ws.on('close', () => {
        for (const t of this.timers.splice(0)) clearInterval(t);
        if (!joined) {
          reject(new Error('closed before connecting'));
          return;
        }
        if (this.stopped) return;
        this.disconnects += 1;
        setTimeout(() => void this.start().catch(() => undefined), 500);
      });
    });
  }

  private loop(): void {
    const ws = this.ws;
    if (!ws) return;
    this.timers.push(
      setInterval(() => {
        if (ws.readyState !== WebSocket.OPEN) return;
        this.syncs += 1;
        ws.send(`42${JSON.stringify(['session.sync', { commandId: randomUUID() }])}`);
      }, 250),
      // Heartbeats answered without reading the pings: the server never times the socket out.
      setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send('3');
      }, 5000),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.splice(0)) clearInterval(t);
    this.ws?.terminate();
  }
}

/** Broadcasts put in the session before the readers come, unless told otherwise (see `fill`). */
export const DEFAULT_FILL = 80;

export async function slowConsumerSoak(options: {
  consumers: number;
  seconds: number;
  env?: Record<string, string>;
  /** Broadcasts put in the session first: they make every snapshot larger (DEFAULT_FILL). */
  fill?: number;
  /**
   * End the window as soon as every consumer has been cut at least once (`seconds` is then the
   * deadline). Unset: the window lasts `seconds`, as the command-line soak runs it.
   */
  untilEveryConsumerCut?: boolean;
  progress?: (line: string) => void;
}): Promise<SlowConsumerSoakResult> {
  const files = soakFiles('slow');
  const env = options.env ?? {};
  const server = await startSoakServer(files, env);
  const readers: NeverReader[] = [];
  const clients: SessionClient[] = [];
  try {
    const admin = await login(server.url, SOAK_ADMIN.username, SOAK_ADMIN.password);
    const meta = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: 'reefer-horgos', teams: 8 },
      admin.token,
    );
    const required = meta.agencies.filter((a) => a.playable === 'required').map((a) => a.id);
    let healthyToken = '';
    for (const team of meta.teams) {
      for (const role of required) {
        const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
          code: meta.joinCode,
          displayName: `${role} ${team.id}`,
          team: team.id,
          role,
        });
        if (!healthyToken) healthyToken = joined.participantToken;
      }
    }
    const facilitator = new SessionClient(
      server.url,
      { kind: 'facilitator', token: admin.token },
      meta.id,
    );
    clients.push(facilitator);
    await facilitator.connected();
    const started = await facilitator.send('session.start', {});
    if (started.status !== 'accepted') throw new Error(`session.start: ${JSON.stringify(started)}`);
    // Fill the session: broadcasts are part of every snapshot.
    // At the facilitator's own command rate: a command refused as rate limited is sent again as
    // soon as the bucket has refilled by one (RATE_LIMITS.commands: 4 a second).
    for (let i = 0; i < (options.fill ?? DEFAULT_FILL); i += 1) {
      const message = `Notice ${i}: ${'x'.repeat(900)}`;
      for (;;) {
        const ack = await facilitator.send('broadcast.send', { message });
        if (ack.status === 'accepted') break;
        if (ack.code !== 'protocol/rate_limited')
          throw new Error(`broadcast.send: ${JSON.stringify(ack)}`);
        await sleep(1000 / RATE_LIMITS.commands.perSecond);
      }
    }
    const sized = new SessionClient(
      server.url,
      { kind: 'facilitator', token: admin.token },
      meta.id,
    );
    clients.push(sized);
    await sized.connected();
    await sized.until(() => sized.snapshot !== null, 10_000, 'snapshot');
    const snapshotBytes = Buffer.byteLength(JSON.stringify(sized.snapshot));
    sized.close();

    const healthy = new SessionClient(server.url, { kind: 'participant', token: healthyToken });
    clients.push(healthy);
    await healthy.connected();
    let healthyDisconnects = 0;
    let healthyUpdates = 0;
    healthy.socket.on('disconnect', () => (healthyDisconnects += 1));
    healthy.socket.on('session.update', () => (healthyUpdates += 1));

    await sleep(1000);
    const baseline = rssKiB(server.pid);
    let max = baseline;
    const auth = {
      protocol: PROTOCOL_VERSION,
      credential: { kind: 'facilitator', token: admin.token },
      session: meta.id,
    };
    for (let i = 0; i < options.consumers; i += 1) {
      const reader = new NeverReader(server.url, auth);
      readers.push(reader);
      await reader.start();
    }
    const began = Date.now();
    let busy = true;
    // The facilitator keeps every socket of the session receiving updates (4 commands/s).
    const traffic = (async () => {
      let n = 0;
      while (busy) {
        await facilitator.send('clock.advance', { minutes: 1 }).catch(() => undefined);
        n += 1;
        await sleep(300);
      }
      return n;
    })();
    while (
      Date.now() - began < options.seconds * 1000 &&
      !(options.untilEveryConsumerCut && readers.every((r) => r.disconnects > 0))
    ) {
      await sleep(250);
      const rss = rssKiB(server.pid);
      if (rss > max) max = rss;
      if ((Date.now() - began) % 10_000 < 250) {
        options.progress?.(
          `slow-consumer: ${Math.round((Date.now() - began) / 1000)} s, rss ${(rss / 1024).toFixed(1)} MiB (baseline ${(baseline / 1024).toFixed(1)}), disconnects ${readers.reduce((n, r) => n + r.disconnects, 0)}`,
        );
      }
    }
    const windowMs = Date.now() - began;
    busy = false;
    await traffic;
    for (const r of readers) r.stop();
    await sleep(1000);
    const end = rssKiB(server.pid);
    const syncs = readers.reduce((n, r) => n + r.syncs, 0);
    const disconnects = readers.reduce((n, r) => n + r.disconnects, 0);
    const increase = (max - baseline) / 1024;
    return {
      soak: 'slow-consumer',
      consumers: options.consumers,
      seconds: options.seconds,
      windowSeconds: Math.round(windowMs / 100) / 10,
      snapshotKiB: Math.round(snapshotBytes / 1024),
      syncsAsked: syncs,
      bytesAskedMiB: Math.round((syncs * snapshotBytes) / MiB),
      rssBaselineMiB: Math.round(baseline / 102.4) / 10,
      rssMaxMiB: Math.round(max / 102.4) / 10,
      rssMaxIncreaseMiB: Math.round(increase * 10) / 10,
      rssEndMiB: Math.round(end / 102.4) / 10,
      disconnects,
      reconnects: readers.reduce((n, r) => n + r.connects, 0) - readers.length,
      healthyDisconnects,
      healthyUpdates,
      bounds: {
        queueBytes: env.CROSSROADS_QUEUE_BYTES ?? 'default',
        queueMessages: env.CROSSROADS_QUEUE_MESSAGES ?? 'default',
        snapshotBytesPerSecond: env.CROSSROADS_SNAPSHOT_BYTES_PER_SECOND ?? 'default',
      },
      target:
        'RSS never more than 64 MiB over the baseline; slow consumers disconnected; the reader never',
      targetMet: increase <= 64 && disconnects > 0 && healthyDisconnects === 0,
    };
  } finally {
    for (const r of readers) r.stop();
    for (const c of clients) c.close();
    await server.kill();
    files.remove();
  }
}
