import {
  commandAckSchema,
  type CommandAck,
  type CommandName,
  type CommandPayload,
} from '@crossroads/shared';
import type { KeyValueStorage } from './traineeStorage';
import { readJson, removeKey, sessionStore, storageKeys, writeJson } from './traineeStorage';
import { newCommandId } from './commandId';

/** The commands a trainee sends through the outbox. */
export type TraineeCommandName = Extract<
  CommandName,
  'decision.submit' | 'joint.sign' | 'request.send' | 'request.answer' | 'chat.send'
>;

const TRAINEE_COMMAND_NAMES: readonly TraineeCommandName[] = [
  'decision.submit',
  'joint.sign',
  'request.send',
  'request.answer',
  'chat.send',
];

/** A command payload without its id (the outbox adds it). */
export type CommandBody<N extends TraineeCommandName> = Omit<CommandPayload<N>, 'commandId'>;

/** A command waiting for its ack. */
export interface OutboxEntry {
  commandId: string;
  name: TraineeCommandName;
  /** The full payload, `commandId` included: exactly what is (re)sent. */
  payload: { commandId: string } & Record<string, unknown>;
  /** What it is about, for the UI: `decision:<id>`, `request:<id>`, `answer:<instance>`, `chat`. */
  subject: string;
  /** Drafts to clear once the server accepted it. */
  clearDrafts: string[];
  createdAt: number;
  /** How many times it was handed to the socket. */
  attempts: number;
}

export interface SettledCommand {
  entry: OutboxEntry;
  ack: CommandAck;
}

/** The socket as the outbox needs it. */
export interface OutboxTransport {
  connected(): boolean;
  /** Emits with an ack timeout; `error` is set on timeout or disconnect (the ack never came). */
  send(
    name: TraineeCommandName,
    payload: OutboxEntry['payload'],
    onAck: (error: Error | null, ack?: unknown) => void,
  ): void;
}

export interface OutboxOptions {
  session: string;
  transport: OutboxTransport;
  storage?: KeyValueStorage | undefined;
  newId?: () => string;
  now?: () => number;
  /** Delay before re-sending a command the server refused for a passing reason (rate limit). */
  retryDelayMs?: number;
  /** How often a passing refusal is retried before it is reported. */
  maxPassingRetries?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Pause before re-sending a command whose ack timed out (avoids a tight loop). */
const RESEND_DELAY_MS = 250;

/** Refusals that changed nothing and will likely pass later: retried with the same id. */
const PASSING_CODES = new Set([
  'protocol/rate_limited',
  'protocol/internal',
  'protocol/session_unavailable',
]);

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<OutboxEntry>;
  return (
    typeof e.commandId === 'string' &&
    typeof e.name === 'string' &&
    (TRAINEE_COMMAND_NAMES as readonly string[]).includes(e.name) &&
    typeof e.payload === 'object' &&
    e.payload !== null &&
    e.payload.commandId === e.commandId &&
    typeof e.subject === 'string' &&
    Array.isArray(e.clearDrafts)
  );
}

/**
 * The pending-command outbox. Every command gets a client-generated `commandId` once; if its ack
 * does not come (the connection dropped, the ack timed out, the page was reloaded) it is sent
 * again with the SAME id, which the server applies at most once. Pending commands are kept in
 * sessionStorage so a reload sends them again.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  /** Commands handed to the socket, with the attempt number their ack belongs to. */
  private readonly inFlight = new Map<string, number>();
  private readonly passingRetries = new Map<string, number>();
  private readonly timers = new Map<string, unknown>();
  private readonly waiters = new Map<string, (ack: CommandAck) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly settledListeners = new Set<(settled: SettledCommand) => void>();
  private list: readonly OutboxEntry[] = [];
  private disposed = false;

  private readonly storage: KeyValueStorage | undefined;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly retryDelayMs: number;
  private readonly maxPassingRetries: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: OutboxOptions) {
    this.storage = 'storage' in options ? options.storage : sessionStore();
    this.newId = options.newId ?? (() => newCommandId());
    this.now = options.now ?? Date.now;
    this.retryDelayMs = options.retryDelayMs ?? 2_000;
    this.maxPassingRetries = options.maxPassingRetries ?? 5;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    const stored = readJson(this.storage, storageKeys.outbox(options.session));
    if (Array.isArray(stored)) {
      for (const entry of stored) if (isEntry(entry)) this.entries.set(entry.commandId, entry);
    }
    this.list = [...this.entries.values()];
  }

  /** Pending commands, oldest first (a stable array until the next change). */
  pending = (): readonly OutboxEntry[] => this.list;

  subscribe = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  onSettled(listener: (settled: SettledCommand) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /**
   * Queues a command and sends it now if connected. Resolves with the server's final ack
   * (accepted, or the refusal to show); never rejects.
   */
  submit<N extends TraineeCommandName>(
    name: N,
    body: CommandBody<N>,
    meta: { subject: string; clearDrafts?: string[] },
  ): { commandId: string; result: Promise<CommandAck> } {
    const commandId = this.newId();
    const entry: OutboxEntry = {
      commandId,
      name,
      payload: { ...(body as Record<string, unknown>), commandId },
      subject: meta.subject,
      clearDrafts: meta.clearDrafts ?? [],
      createdAt: this.now(),
      attempts: 0,
    };
    const result = new Promise<CommandAck>((resolve) => this.waiters.set(commandId, resolve));
    this.entries.set(commandId, entry);
    this.changed();
    this.sendOne(entry);
    return { commandId, result };
  }

  /** Sends every pending command that is not already on its way (call on every connect). */
  flush(): void {
    for (const entry of this.entries.values()) this.sendOne(entry);
  }

  /** The connection dropped: acks of commands on their way will not come. */
  connectionLost(): void {
    this.inFlight.clear();
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) this.clearTimer(timer);
    this.timers.clear();
    this.changeListeners.clear();
    this.settledListeners.clear();
  }

  private sendOne(entry: OutboxEntry): void {
    if (this.disposed) return;
    const id = entry.commandId;
    if (this.inFlight.has(id) || this.timers.has(id) || !this.entries.has(id)) return;
    if (!this.options.transport.connected()) return;
    const attempt = entry.attempts + 1;
    this.inFlight.set(id, attempt);
    this.entries.set(id, { ...entry, attempts: attempt });
    this.changed();
    this.options.transport.send(entry.name, entry.payload, (error, raw) => {
      if (this.disposed || !this.entries.has(id)) return; // settled already (an earlier ack)
      if (error) {
        // This attempt's ack will not come. If a newer attempt is on its way, let it be;
        // else send again with the same id shortly if connected, or on reconnect.
        if (this.inFlight.get(id) !== attempt) return;
        this.inFlight.delete(id);
        this.schedule(id, RESEND_DELAY_MS);
        return;
      }
      // An ack from any attempt answers the command (the server applied it once).
      this.inFlight.delete(id);
      const parsed = commandAckSchema.safeParse(raw);
      const ack: CommandAck = parsed.success
        ? parsed.data
        : {
            status: 'rejected',
            code: 'protocol/internal',
            message: 'The server sent an answer this app does not understand.',
          };
      if (ack.status === 'rejected' && PASSING_CODES.has(ack.code)) {
        const retries = (this.passingRetries.get(id) ?? 0) + 1;
        if (retries <= this.maxPassingRetries) {
          this.passingRetries.set(id, retries);
          this.schedule(id, this.retryDelayMs * retries);
          return;
        }
      }
      this.settle(id, ack);
    });
  }

  private schedule(id: string, ms: number): void {
    if (this.disposed || this.timers.has(id)) return;
    const timer = this.setTimer(() => {
      this.timers.delete(id);
      const current = this.entries.get(id);
      if (current) this.sendOne(current);
    }, ms);
    this.timers.set(id, timer);
  }

  private settle(id: string, ack: CommandAck): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.inFlight.delete(id);
    this.passingRetries.delete(id);
    const timer = this.timers.get(id);
    if (timer !== undefined) this.clearTimer(timer);
    this.timers.delete(id);
    this.changed();
    this.waiters.get(id)?.(ack);
    this.waiters.delete(id);
    for (const listener of this.settledListeners) listener({ entry, ack });
  }

  private changed(): void {
    this.list = [...this.entries.values()];
    const key = storageKeys.outbox(this.options.session);
    if (this.list.length === 0) removeKey(this.storage, key);
    else writeJson(this.storage, key, this.list as unknown as Parameters<typeof writeJson>[2]);
    for (const listener of this.changeListeners) listener();
  }
}
