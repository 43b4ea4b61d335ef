import { io } from 'socket.io-client';
import type { ParseKeys } from 'i18next';
import {
  commandAckSchema,
  PROTOCOL_VERSION,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type Handshake,
  type Text,
} from '@crossroads/shared';
import type { CrossroadsSocket } from './socket';
import { newCommandId } from './commandId';

export { newCommandId };

/*
 * The staff side's session socket and its command sender.
 *
 * Each console opens its own socket (one per session, as the handshake requires), separate from
 * the app's anonymous socket that only pings. Commands carry a client-generated `commandId`; one
 * whose ack never came is sent again with the SAME id after a reconnect (or after an ack timeout),
 * so the server applies it at most once.
 */

export type StaffKind = 'facilitator' | 'observer';

export interface SessionSocketOptions {
  kind: StaffKind;
  token: string;
  session: string;
  /** The highest seq received so far, or undefined before the first snapshot. */
  lastSeq: () => number | undefined;
}

/** The handshake payload for the current moment (lastSeq is read at every (re)connect). */
export function staffHandshake(options: SessionSocketOptions): Handshake {
  const lastSeq = options.lastSeq();
  return {
    protocol: PROTOCOL_VERSION,
    credential: { kind: options.kind, token: options.token },
    session: options.session,
    ...(lastSeq !== undefined ? { lastSeq } : {}),
  };
}

/** Opens a new socket for one session (not connected until `connect()`). */
export function createSessionSocket(options: SessionSocketOptions): CrossroadsSocket {
  return io({
    path: '/socket.io',
    forceNew: true,
    autoConnect: false,
    // A function, so every reconnect sends the lastSeq of that moment.
    auth: (callback) => callback(staffHandshake(options)),
  });
}

export type SessionSocketFactory = (options: SessionSocketOptions) => CrossroadsSocket;

// ---- commands ------------------------------------------------------------------------------------

/** The part of a socket the command sender uses. */
export interface CommandSocket {
  readonly connected: boolean;
  emit(event: string, payload: unknown, ack: (response: unknown) => void): unknown;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  off(event: 'connect' | 'disconnect', listener: () => void): unknown;
}

export type CommandPhase =
  /** Sent, no ack yet. */
  | 'sending'
  /** The connection dropped before the ack: it is sent again (same id) on reconnect. */
  | 'waiting'
  | 'accepted'
  | 'rejected';

/**
 * What the facilitator did, kept as data (a translation key and its values) so the command log
 * reads in the language the console is in when it is shown, not the one a command went out in.
 */
export interface CommandLabel {
  key: ParseKeys;
  values?: Readonly<Record<string, CommandLabelValue>>;
}

/**
 * A value in a command label: a string or number shown as it is (a name typed in the session: a
 * team, a participant), another label (a UI text, translated when shown) or a scenario text
 * (picked in the console's reading order when shown).
 */
export type CommandLabelValue = string | number | CommandLabel | { scenario: Text };

export interface CommandRecord {
  commandId: string;
  name: CommandName;
  /** What the facilitator did, for the status line (set by the caller); null: not shown there. */
  label: CommandLabel | null;
  phase: CommandPhase;
  /** How many times the command was emitted (1 = no retry). */
  attempts: number;
  ack?: CommandAck;
}

type Body<N extends CommandName> = Omit<CommandPayload<N>, 'commandId'>;

interface Pending {
  record: CommandRecord;
  payload: Record<string, unknown>;
  resolve: (ack: CommandAck) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface CommandClientOptions {
  /** No ack within this time while connected: send again with the same id. */
  ackTimeoutMs?: number;
  newId?: () => string;
  /** Called with the record every time a command changes phase. */
  onChange?: (record: CommandRecord) => void;
}

export const ACK_TIMEOUT_MS = 10_000;

/**
 * Sends session commands and keeps each one until its ack arrives. Not-yet-acked commands are
 * re-emitted with the same commandId when the socket reconnects; the first ack wins (a late ack of
 * an earlier attempt is ignored, the server answers a repeat with `duplicate: true`).
 */
export class CommandClient {
  private readonly pending = new Map<string, Pending>();
  private readonly ackTimeoutMs: number;
  private readonly newId: () => string;
  private readonly onChange: (record: CommandRecord) => void;
  private disposed = false;

  constructor(
    private readonly socket: CommandSocket,
    options: CommandClientOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.newId = options.newId ?? (() => newCommandId());
    this.onChange = options.onChange ?? (() => undefined);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
  }

  /** Sends a command; resolves with its ack (it never rejects: a lost ack is retried). */
  send<N extends CommandName>(
    name: N,
    body: Body<N>,
    label: CommandLabel | null = null,
  ): Promise<CommandAck> {
    const commandId = this.newId();
    const record: CommandRecord = { commandId, name, label, phase: 'sending', attempts: 0 };
    return new Promise<CommandAck>((resolve) => {
      const entry: Pending = {
        record,
        payload: { ...body, commandId },
        resolve,
        timer: undefined,
      };
      this.pending.set(commandId, entry);
      if (this.socket.connected) this.emit(entry);
      else this.update(entry, { phase: 'waiting' });
    });
  }

  /** Commands still waiting for their ack. */
  unacknowledged(): CommandRecord[] {
    return [...this.pending.values()].map((p) => p.record);
  }

  dispose(): void {
    this.disposed = true;
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private emit(entry: Pending): void {
    clearTimeout(entry.timer);
    this.update(entry, { phase: 'sending', attempts: entry.record.attempts + 1 });
    const { commandId } = entry.record;
    this.socket.emit(entry.record.name, entry.payload, (response: unknown) =>
      this.settle(commandId, response),
    );
    entry.timer = setTimeout(() => {
      const current = this.pending.get(commandId);
      if (!current || this.disposed) return;
      if (this.socket.connected) this.emit(current);
      else this.update(current, { phase: 'waiting' });
    }, this.ackTimeoutMs);
  }

  private settle(commandId: string, response: unknown): void {
    const entry = this.pending.get(commandId);
    if (!entry) return; // an earlier attempt's ack after the command settled
    clearTimeout(entry.timer);
    this.pending.delete(commandId);
    const parsed = commandAckSchema.safeParse(response);
    const ack: CommandAck = parsed.success
      ? parsed.data
      : {
          status: 'rejected',
          code: 'protocol/internal',
          message: 'The server sent an answer this page cannot read.',
        };
    this.update(entry, { phase: ack.status, ack });
    entry.resolve(ack);
  }

  private update(entry: Pending, change: Partial<CommandRecord>): void {
    entry.record = { ...entry.record, ...change };
    if (!this.disposed) this.onChange(entry.record);
  }

  private readonly onConnect = () => {
    for (const entry of this.pending.values()) this.emit(entry);
  };

  private readonly onDisconnect = () => {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      this.update(entry, { phase: 'waiting' });
    }
  };
}
