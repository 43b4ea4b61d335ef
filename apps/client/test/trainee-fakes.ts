import type {
  ChatMessage,
  LogEvent,
  RoleView,
  SessionMeta,
  SessionPausedPayload,
  SessionSnapshot,
  SessionUpdate,
} from '@crossroads/shared';
import type { AuthCallback, TraineeSocket } from '../src/lib/traineeSession';
import type { KeyValueStorage, StoredCredential } from '../src/lib/traineeStorage';
import { FakeEmitter } from './fake-emitter';

export const SESSION = '5b0c8f5e-3f8e-4a55-9d51-1f7f2f4f0a01';
export const ME = '9a1d6c2e-7b3f-4c1a-8e2d-0c4b5a6d7e01';
export const MATE = '9a1d6c2e-7b3f-4c1a-8e2d-0c4b5a6d7e02';
export const AT = '2026-11-28T10:00:00.000Z';

/** A Storage in memory, with `key`/`length` so listings work; `broken` makes every call throw. */
export class MemoryKeyValue implements KeyValueStorage {
  readonly items = new Map<string, string>();
  broken = false;
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.broken) throw new Error('storage blocked');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new Error('storage blocked');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.broken) throw new Error('storage blocked');
    this.items.delete(key);
  }
}

export function credential(overrides: Partial<StoredCredential> = {}): StoredCredential {
  return {
    session: SESSION,
    token: 'participant-token-0123456789abcdef',
    participant: ME,
    displayName: 'Ana',
    joinCode: 'K7M2QX',
    title: { en: 'Reefer at the border', 'sr-Latn': 'Hladnjača na granici' },
    contentWarnings: [{ en: 'Children in a police setting.', 'sr-Latn': 'Deca u policiji.' }],
    language: 'en',
    joinedAt: AT,
    ...overrides,
  };
}

export function meta(overrides: Partial<SessionMeta> = {}): SessionMeta {
  return {
    id: SESSION,
    scenario: { id: 'reefer', version: '1.0.0', title: { en: 'Reefer at the border' } },
    status: 'running',
    settings: {
      feedbackPolicy: 'debrief_only',
      scoresVisibleToTrainees: false,
      timeRatio: 10,
      language: 'en',
    },
    teams: [{ id: 'team-a', name: 'Team A' }],
    agencies: [
      {
        id: 'border_police',
        name: { en: 'Border Police', 'sr-Latn': 'Granična policija' },
        playable: 'required',
      },
      { id: 'prosecutor', name: 'Prosecutor', playable: 'required' },
      { id: 'social_work', name: 'Social work', playable: 'required' },
    ],
    createdAt: AT,
    startedAt: AT,
    endedAt: null,
    debriefReleased: false,
    seq: 10,
    ...overrides,
  };
}

export function view(overrides: Partial<RoleView> = {}): RoleView {
  return {
    team: { id: 'team-a', name: 'Team A' },
    role: { id: 'border_police', name: { en: 'Border Police' }, playable: 'required' },
    briefing: 'You hold the scene at the crossing.',
    phase: { id: 'discovery', title: 'Discovery', description: 'People found in a trailer.' },
    clock: { minutes: 30, running: true, limitMinutes: 120 },
    documents: [
      {
        id: 'cmr',
        title: 'CMR consignment note',
        body: 'Frozen raspberries, 22 pallets.',
        since: null,
      },
    ],
    evidence: [
      {
        id: 'phone-1',
        title: "Driver's phone",
        kind: 'device',
        elements: ['facilitation'],
        provenance: { order: 'none', custody: 'kept' },
        obtainedAt: 20,
        obtainedBy: 'border_police',
        derivedFrom: [],
      },
    ],
    people: [
      { id: 'driver', name: 'The driver', kind: 'suspect', attributes: { nationality: 'unknown' } },
    ],
    injects: [
      { id: 'heat', title: 'Heat camera alert', body: 'Bodies in the trailer.', releasedAt: 0 },
    ],
    decisions: [
      {
        id: 'd-open',
        title: 'Open the trailer',
        prompt: 'What do you do first?',
        enabled: true,
        options: [
          { id: 'open', label: 'Open and ventilate', timeCost: 10, enabled: true },
          {
            id: 'wait',
            label: 'Wait for the technician',
            timeCost: 60,
            enabled: false,
            whyNot: { code: 'engine/condition_not_met', message: 'The technician is 25 km away.' },
          },
        ],
        joint: null,
      },
    ],
    requests: [],
    sendableRequests: [
      { id: 'r-order', title: 'Ask for a search order', to: 'prosecutor', enabled: true },
    ],
    hints: [],
    scores: null,
    ended: null,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    seq: 10,
    session: meta(),
    identity: {
      kind: 'participant',
      participant: {
        id: ME,
        displayName: 'Ana',
        team: 'team-a',
        role: 'border_police',
        presence: 'online',
        joinedAt: AT,
      },
    },
    lobby: {
      teams: [
        {
          id: 'team-a',
          name: 'Team A',
          members: [
            {
              id: ME,
              displayName: 'Ana',
              team: 'team-a',
              role: 'border_police',
              presence: 'online',
              joinedAt: AT,
            },
            {
              id: MATE,
              displayName: 'Boris',
              team: 'team-a',
              role: 'prosecutor',
              presence: 'online',
              joinedAt: AT,
            },
          ],
        },
      ],
      unassigned: [],
    },
    view: view(),
    viewVersion: 'v-10',
    teams: [],
    teamVersions: {},
    injects: [],
    chat: [],
    broadcasts: [],
    notes: [],
    events: [],
    ...overrides,
  };
}

const base = (seq: number) => ({
  seq,
  at: AT,
  time: 30,
  team: 'team-a',
  role: null,
  participant: null,
});

export function chatEvent(seq: number, text: string, participant = MATE): LogEvent {
  return { ...base(seq), role: 'prosecutor', participant, type: 'chat.message', payload: { text } };
}

export function tickEvent(seq: number, minutes: number): LogEvent {
  return { ...base(seq), type: 'clock.ticked', payload: { minutes } };
}

export function injectEvent(seq: number, inject: string): LogEvent {
  return { ...base(seq), type: 'inject.released', payload: { inject } };
}

/** A pause: an older log's one reason text, or a payload with a kind and a note. */
export function pausedEvent(seq: number, reason?: string | SessionPausedPayload): LogEvent {
  return {
    ...base(seq),
    team: null,
    time: null,
    type: 'session.paused',
    payload: typeof reason === 'object' ? reason : reason ? { reason } : {},
  };
}

export function resumedEvent(seq: number): LogEvent {
  return { ...base(seq), team: null, time: null, type: 'session.resumed', payload: {} };
}

export function update(
  seq: number,
  event: LogEvent | null,
  extra: Partial<SessionUpdate> = {},
): SessionUpdate {
  return { seq, status: 'running', event, ...extra };
}

export function chatMessage(seq: number, text: string, participant = MATE): ChatMessage {
  return {
    seq,
    at: AT,
    team: 'team-a',
    role: 'prosecutor',
    participant,
    displayName: 'Boris',
    text,
  };
}

export interface SentCommand {
  name: string;
  payload: Record<string, unknown> & { commandId: string };
  ack: (error: Error | null, response?: unknown) => void;
  answered: boolean;
}

/**
 * A socket.io client socket driven by the test: it records the handshake `auth` of every
 * connection and every emitted command with its ack callback, and lets the test play the server.
 */
export class FakeTraineeSocket extends FakeEmitter {
  connected = false;
  active = false;
  readonly io = new FakeEmitter();
  readonly handshakes: unknown[] = [];
  readonly sent: SentCommand[] = [];

  constructor(private readonly auth: AuthCallback) {
    super();
  }

  connect(): this {
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.active = false;
    this.connected = false;
    return this;
  }

  timeout(_ms: number) {
    return {
      emit: (name: string, payload: SentCommand['payload'], ack: SentCommand['ack']) => {
        this.sent.push({ name, payload, ack, answered: false });
      },
    };
  }

  /** The server accepts the handshake (the auth callback is evaluated as socket.io does). */
  serverAccepts(): void {
    this.auth((handshake) => this.handshakes.push(handshake));
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  /** The network drops: socket.io will reconnect; acks of commands on their way never come. */
  drops(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
    for (const command of this.sent) {
      if (!command.answered) {
        command.answered = true;
        command.ack(new Error('socket has been disconnected'));
      }
    }
  }

  refuses(code: string, message: string): void {
    this.active = false;
    const error = Object.assign(new Error(code), { data: { code, message } });
    this.fire('connect_error', error);
  }

  /**
   * The server closes the socket (`io server disconnect`: socket.io does not reconnect by
   * itself), after a notice saying why when one is given.
   */
  serverCloses(notice?: { code: string; message: string }): void {
    if (notice) this.fire('notice', notice);
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  /** Answers the latest unanswered command (or the one given). */
  answer(response: unknown, command = this.sent.find((c) => !c.answered)): void {
    if (!command) throw new Error('no command to answer');
    command.answered = true;
    command.ack(null, response);
  }

  push(event: string, payload: unknown): void {
    this.fire(event, payload);
  }

  asSocket(): TraineeSocket {
    // Implements only what TraineeSession uses; the cast avoids opening a real socket.
    return this as unknown as TraineeSocket;
  }
}

/** A socket factory that keeps the sockets it made, newest last. */
export function fakeFactory(): {
  factory: (auth: AuthCallback) => TraineeSocket;
  sockets: FakeTraineeSocket[];
  latest: () => FakeTraineeSocket;
} {
  const sockets: FakeTraineeSocket[] = [];
  return {
    factory: (auth) => {
      const socket = new FakeTraineeSocket(auth);
      sockets.push(socket);
      return socket.asSocket();
    },
    sockets,
    latest: () => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket opened');
      return socket;
    },
  };
}
