import type { CommandAck } from '@crossroads/shared';
import { Outbox, type OutboxTransport, type TraineeCommandName } from '../src/lib/traineeOutbox';
import { storageKeys } from '../src/lib/traineeStorage';
import { MemoryKeyValue, SESSION } from './trainee-fakes';

interface Sent {
  name: TraineeCommandName;
  payload: { commandId: string } & Record<string, unknown>;
  ack: (error: Error | null, response?: unknown) => void;
}

/** A transport the test plays the server for. */
class FakeTransport implements OutboxTransport {
  online = false;
  sent: Sent[] = [];
  connected = () => this.online;
  send: OutboxTransport['send'] = (name, payload, ack) => {
    this.sent.push({ name, payload, ack });
  };
}

let counter = 0;
const ids = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function setup(storage = new MemoryKeyValue()) {
  const transport = new FakeTransport();
  const outbox = new Outbox({
    session: SESSION,
    transport,
    storage,
    newId: ids,
    retryDelayMs: 1000,
  });
  return { transport, outbox, storage };
}

const accepted = (seq: number, duplicate?: boolean): CommandAck =>
  duplicate ? { status: 'accepted', seq, duplicate } : { status: 'accepted', seq };

afterEach(() => jest.useRealTimers());

describe('pending-command outbox', () => {
  test('sends at once when connected, with a fresh commandId, and settles on the ack', async () => {
    const { transport, outbox } = setup();
    transport.online = true;
    const { commandId, result } = outbox.submit(
      'chat.send',
      { text: 'hello team' },
      { subject: 'chat' },
    );
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]?.name).toBe('chat.send');
    expect(transport.sent[0]?.payload).toEqual({ text: 'hello team', commandId });
    expect(outbox.pending()).toHaveLength(1);
    transport.sent[0]?.ack(null, accepted(7));
    await expect(result).resolves.toEqual(accepted(7));
    expect(outbox.pending()).toEqual([]);
  });

  test('a command sent during a drop waits, then goes out on reconnect with the same id', async () => {
    const { transport, outbox } = setup();
    const { commandId, result } = outbox.submit(
      'decision.submit',
      { decision: 'd-open', option: 'open', rationale: 'Life first' },
      { subject: 'decision:d-open' },
    );
    expect(transport.sent).toHaveLength(0);
    transport.online = true;
    outbox.flush();
    expect(transport.sent.map((s) => s.payload.commandId)).toEqual([commandId]);
    transport.sent[0]?.ack(null, accepted(12));
    await expect(result).resolves.toMatchObject({ status: 'accepted' });
  });

  test('a command whose ack was lost in a drop is retried with the SAME id after reconnect', async () => {
    const { transport, outbox } = setup();
    transport.online = true;
    const settled: CommandAck[] = [];
    outbox.onSettled(({ ack }) => settled.push(ack));
    const { commandId, result } = outbox.submit(
      'request.send',
      { request: 'r-order' },
      { subject: 'request:r-order' },
    );
    // The connection drops before the ack: socket.io calls the ack with an error.
    transport.online = false;
    outbox.connectionLost();
    transport.sent[0]?.ack(new Error('socket has been disconnected'));
    expect(outbox.pending()).toHaveLength(1);

    transport.online = true;
    outbox.flush();
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]?.payload).toEqual(transport.sent[0]?.payload);
    expect(transport.sent[1]?.payload.commandId).toBe(commandId);

    // The server had applied it before the drop: it answers the repeat as a duplicate.
    transport.sent[1]?.ack(null, accepted(21, true));
    await expect(result).resolves.toEqual(accepted(21, true));
    // A late ack of the first attempt does not settle it a second time.
    transport.sent[0]?.ack(null, accepted(21));
    expect(settled).toHaveLength(1);
  });

  test('an ack that times out while connected is retried with the same id', () => {
    jest.useFakeTimers();
    const { transport, outbox } = setup();
    transport.online = true;
    outbox.submit('chat.send', { text: 'anyone?' }, { subject: 'chat' });
    transport.sent[0]?.ack(new Error('operation has timed out'));
    expect(transport.sent).toHaveLength(1);
    jest.advanceTimersByTime(300);
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]?.payload.commandId).toBe(transport.sent[0]?.payload.commandId);
  });

  test('a rate-limited command is retried later with the same id; a real refusal is not', async () => {
    jest.useFakeTimers();
    const { transport, outbox } = setup();
    transport.online = true;
    const limited = outbox.submit('chat.send', { text: 'fast' }, { subject: 'chat' });
    transport.sent[0]?.ack(null, {
      status: 'rejected',
      code: 'protocol/rate_limited',
      message: 'Too many commands; slow down.',
    });
    expect(outbox.pending()).toHaveLength(1);
    jest.advanceTimersByTime(1000);
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]?.payload.commandId).toBe(limited.commandId);
    transport.sent[1]?.ack(null, accepted(30));
    await expect(limited.result).resolves.toEqual(accepted(30));

    const paused = outbox.submit(
      'decision.submit',
      { decision: 'd-open', option: 'open' },
      { subject: 'decision:d-open' },
    );
    const refusal = {
      status: 'rejected',
      code: 'session/paused',
      message: 'The session is paused.',
    };
    transport.sent[2]?.ack(null, refusal);
    await expect(paused.result).resolves.toEqual(refusal);
    jest.advanceTimersByTime(10_000);
    expect(transport.sent).toHaveLength(3);
    expect(outbox.pending()).toEqual([]);
  });

  test('pending commands survive a reload (sessionStorage) and are re-sent with the same id', () => {
    const storage = new MemoryKeyValue();
    const first = setup(storage);
    const { commandId } = first.outbox.submit(
      'decision.submit',
      { decision: 'd-open', option: 'open', confidence: 4 },
      { subject: 'decision:d-open', clearDrafts: ['decision.d-open.rationale'] },
    );
    expect(storage.getItem(storageKeys.outbox(SESSION))).toContain(commandId);

    // The page reloads: a new outbox reads the stored commands.
    const second = setup(storage);
    expect(second.outbox.pending().map((e) => e.commandId)).toEqual([commandId]);
    expect(second.outbox.pending()[0]?.clearDrafts).toEqual(['decision.d-open.rationale']);
    second.transport.online = true;
    second.outbox.flush();
    expect(second.transport.sent[0]?.payload).toEqual({
      decision: 'd-open',
      option: 'open',
      confidence: 4,
      commandId,
    });
    second.transport.sent[0]?.ack(null, accepted(40));
    expect(storage.getItem(storageKeys.outbox(SESSION))).toBeNull();
  });

  test('an ack the app cannot read is retried like a server fault, then reported', async () => {
    jest.useFakeTimers();
    const { transport, outbox } = setup();
    transport.online = true;
    const { commandId, result } = outbox.submit('chat.send', { text: 'x' }, { subject: 'chat' });
    // One first attempt plus five retries, each answered with something unreadable.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      transport.sent[attempt]?.ack(null, { status: 'maybe' });
      jest.advanceTimersByTime(10_000);
    }
    expect(transport.sent).toHaveLength(6);
    expect(new Set(transport.sent.map((s) => s.payload.commandId))).toEqual(new Set([commandId]));
    await expect(result).resolves.toMatchObject({ status: 'rejected', code: 'protocol/internal' });
    expect(outbox.pending()).toEqual([]);
  });
});
