import type {
  CommandAck,
  LogEvent,
  SessionMeta,
  SessionSnapshot,
  TeamCard,
} from '@crossroads/shared';
import type { CrossroadsSocket } from '../src/lib/socket';
import type { SessionSocketOptions } from '../src/lib/facilitatorSocket';
import { FakeEmitter } from './fake-emitter';

/* Builders of contract-shaped data and a fake session socket for the facilitator tests. */

export const SESSION_ID = '6f1c2a52-8a3e-4d8c-9a53-0c7c1f2e4b11';
export const P1 = '0b7e8d0e-7a52-4c1e-8b3a-1d2f3e4a5b61';
export const P2 = '1c8f9e1f-8b63-4d2f-9c4b-2e3f4a5b6c72';
export const P3 = '2d9a0f2a-9c74-4e3a-8d5c-3f4a5b6c7d83';
export const AT = '2026-11-29T09:00:00.000Z';

/** A facilitator's staff login as the server gives it, valid for good (staffAuthStore().set). */
export const STAFF_LOGIN = {
  token: 'staff-token-0123456789',
  account: {
    id: '3e0b1c2d-0d85-4f4b-9e6d-4a5b6c7d8e94',
    username: 'facilitator',
    role: 'facilitator' as const,
    createdAt: '2026-11-29T08:00:00.000Z',
  },
  expiresAt: '2999-01-01T00:00:00.000Z',
};

export function meta(overrides: Partial<SessionMeta> = {}): SessionMeta {
  return {
    id: SESSION_ID,
    scenario: {
      id: 'van',
      version: '1.0.0',
      title: { en: 'Van at Kelebija', 'sr-Latn': 'Kombi kod Kelebije' },
    },
    status: 'running',
    settings: {
      feedbackPolicy: 'debrief_only',
      scoresVisibleToTrainees: false,
      timeRatio: 10,
      language: 'en',
    },
    teams: [
      { id: 'team-a', name: 'Team A' },
      { id: 'team-b', name: 'Team B' },
    ],
    agencies: [
      { id: 'border_police', name: 'Border Police', playable: 'required' },
      { id: 'prosecutor', name: { en: 'Prosecutor', 'sr-Latn': 'Tužilac' }, playable: 'required' },
      { id: 'judge', name: 'Judge', playable: 'facilitator' },
    ],
    createdAt: AT,
    startedAt: AT,
    endedAt: null,
    debriefReleased: false,
    seq: 3,
    joinCode: 'ABC234',
    joinLink: 'http://localhost/join/ABC234',
    ...overrides,
  };
}

export function card(team: 'team-a' | 'team-b', overrides: Partial<TeamCard> = {}): TeamCard {
  return {
    team: { id: team, name: team === 'team-a' ? 'Team A' : 'Team B' },
    phase: { id: 'p1', title: 'At the border' },
    clock: { minutes: 30, running: true, limitMinutes: 480 },
    lastDecisions: [],
    pendingRequests: [],
    members: [],
    scores: null,
    ended: null,
    ...overrides,
  };
}

type PendingRequest = TeamCard['pendingRequests'][number];

/**
 * The prosecutor's warrant request to the judge, waiting for the facilitator's answer since minute
 * 40, refused `earlier` before (each round: who sent it, when, when it was refused and why).
 */
export function waitingWarrant(
  earlier: PendingRequest['earlier'],
  overrides: Partial<PendingRequest> = {},
): PendingRequest {
  return {
    instance: 'warrant',
    request: 'warrant',
    title: 'Search warrant for the van',
    from: 'prosecutor',
    to: 'judge',
    status: 'pending',
    sentAt: 40,
    answeredAt: null,
    reason: null,
    justification: null,
    direction: 'outgoing',
    facilitatorAnswers: true,
    earlier,
    ...overrides,
  };
}

export function event<T extends LogEvent['type']>(
  seq: number,
  type: T,
  payload: Extract<LogEvent, { type: T }>['payload'],
  extra: Partial<Pick<LogEvent, 'team' | 'role' | 'participant' | 'time'>> = {},
): LogEvent {
  return {
    seq,
    at: AT,
    time: null,
    team: null,
    role: null,
    participant: null,
    type,
    payload,
    ...extra,
  } as LogEvent;
}

export function snapshot(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    seq: 3,
    session: meta(),
    identity: {
      kind: 'facilitator',
      account: {
        id: '3e0b1c2d-0d85-4f4b-9e6d-4a5b6c7d8e94',
        username: 'facilitator',
        role: 'facilitator',
        createdAt: AT,
      },
      memberRole: 'owner',
    },
    lobby: {
      teams: [
        {
          id: 'team-a',
          name: 'Team A',
          members: [
            {
              id: P1,
              displayName: 'Ana',
              team: 'team-a',
              role: 'border_police',
              presence: 'online',
              joinedAt: AT,
            },
          ],
        },
        { id: 'team-b', name: 'Team B', members: [] },
      ],
      unassigned: [
        { id: P2, displayName: 'Marko', team: null, role: null, presence: 'online', joinedAt: AT },
      ],
    },
    view: null,
    viewVersion: null,
    teams: [
      card('team-a', {
        members: [{ id: P1, displayName: 'Ana', role: 'border_police', presence: 'online' }],
      }),
      card('team-b'),
    ],
    teamVersions: { 'team-a': 'a1', 'team-b': 'b1' },
    injects: [
      {
        id: 'inj-news',
        title: 'A journalist calls',
        to: ['prosecutor'],
        release: 'facilitator',
        releasedTo: [],
      },
      {
        id: 'inj-timed',
        title: 'Shift change',
        to: ['border_police'],
        release: 'timed',
        releasedTo: ['team-a'],
      },
    ],
    chat: [],
    broadcasts: [],
    notes: [],
    events: [
      event(
        1,
        'participant.joined',
        { displayName: 'Ana', team: 'team-a', role: 'border_police' },
        { team: 'team-a', participant: P1 },
      ),
      event(
        2,
        'participant.joined',
        { displayName: 'Marko', team: null, role: null },
        { participant: P2 },
      ),
      event(3, 'session.started', { scenario: 'van', version: '1.0.0', teams: [] }),
    ],
    ...overrides,
  };
}

export interface SentCommand {
  name: string;
  payload: Record<string, unknown>;
  ack: (response: CommandAck) => void;
}

/**
 * Stands in for a session socket.io socket: the hook's listeners, `emit` with an ack callback
 * (recorded, answered by the test), and connect/disconnect driven by the test.
 */
export class FakeSessionSocket extends FakeEmitter {
  connected = false;
  active = true;
  readonly sent: SentCommand[] = [];
  readonly options: SessionSocketOptions;
  connectCalls = 0;

  constructor(options: SessionSocketOptions) {
    super();
    this.options = options;
  }

  emit(name: string, payload: Record<string, unknown>, ack: (response: CommandAck) => void): this {
    this.sent.push({ name, payload, ack });
    return this;
  }

  /** `ping`s sent through `timeout()`, answered (or timed out) by the test. */
  readonly pings: Array<(error: Error | null) => void> = [];

  timeout(_ms: number) {
    return {
      emit: (_name: 'ping', _payload: unknown, ack: (error: Error | null) => void) => {
        this.pings.push(ack);
      },
    };
  }

  connect(): this {
    this.connectCalls += 1;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.active = false;
    return this;
  }

  serverAccepts(): void {
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  drops(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  refuses(code: string, message: string): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', Object.assign(new Error(code), { data: { code, message } }));
  }

  /** The server ends the socket's rights: a notice saying why, then it closes the socket. */
  revokes(code: string, message: string): void {
    this.fire('notice', { code, message });
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  asSocket(): CrossroadsSocket {
    // The fake implements only what the console uses.
    return this as unknown as CrossroadsSocket;
  }
}
