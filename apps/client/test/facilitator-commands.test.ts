import {
  CommandClient,
  newCommandId,
  staffHandshake,
  type CommandLabel,
  type CommandRecord,
} from '../src/lib/facilitatorSocket';
import { FakeSessionSocket, SESSION_ID } from './facilitator-fixtures';

function setup(options: { connected?: boolean; ackTimeoutMs?: number } = {}) {
  const socket = new FakeSessionSocket({
    kind: 'facilitator',
    token: 'token-token-token-token',
    session: SESSION_ID,
    lastSeq: () => undefined,
  });
  if (options.connected ?? true) socket.serverAccepts();
  const changes: CommandRecord[] = [];
  let n = 0;
  const client = new CommandClient(socket, {
    ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
    newId: () => `00000000-0000-4000-8000-00000000000${(n += 1)}`,
    onChange: (record) => changes.push(record),
  });
  return { socket, client, changes };
}

afterEach(() => jest.useRealTimers());

// What the console's log shows for each command; the client only keeps it with the record.
const PAUSE: CommandLabel = { key: 'console.pause.label', values: { reason: 'Break' } };
const RESUME: CommandLabel = { key: 'console.controls.resume' };
const LABEL: CommandLabel = { key: 'console.controls.start' };

describe('command sending', () => {
  test('each command carries a fresh commandId and resolves with its ack', async () => {
    const { socket, client, changes } = setup();
    const pause = client.send('session.pause', { reason: 'Break' }, PAUSE);
    const resume = client.send('session.resume', {}, RESUME);
    expect(socket.sent.map((s) => [s.name, s.payload])).toEqual([
      ['session.pause', { reason: 'Break', commandId: '00000000-0000-4000-8000-000000000001' }],
      ['session.resume', { commandId: '00000000-0000-4000-8000-000000000002' }],
    ]);
    socket.sent[0]!.ack({ status: 'accepted', seq: 7 });
    socket.sent[1]!.ack({
      status: 'rejected',
      code: 'session/not_running',
      message: 'The session is running, not paused.',
    });
    await expect(pause).resolves.toEqual({ status: 'accepted', seq: 7 });
    await expect(resume).resolves.toEqual({
      status: 'rejected',
      code: 'session/not_running',
      message: 'The session is running, not paused.',
    });
    expect(changes.map((c) => [c.label, c.phase])).toEqual([
      [PAUSE, 'sending'],
      [RESUME, 'sending'],
      [PAUSE, 'accepted'],
      [RESUME, 'rejected'],
    ]);
    expect(client.unacknowledged()).toEqual([]);
  });

  test('a command whose ack was lost is sent again with the SAME id after the reconnect', async () => {
    const { socket, client, changes } = setup();
    const result = client.send('inject.release', { inject: 'inj-news', team: 'all' }, LABEL);
    const firstId = socket.sent[0]!.payload.commandId;
    socket.drops();
    expect(changes.at(-1)?.phase).toBe('waiting');
    expect(socket.sent).toHaveLength(1);

    socket.serverAccepts();
    expect(socket.sent).toHaveLength(2);
    expect(socket.sent[1]!.name).toBe('inject.release');
    expect(socket.sent[1]!.payload).toEqual(socket.sent[0]!.payload);
    expect(socket.sent[1]!.payload.commandId).toBe(firstId);

    // The server had applied the first one: it answers the repeat as a duplicate.
    socket.sent[1]!.ack({ status: 'accepted', seq: 12, duplicate: true });
    await expect(result).resolves.toEqual({ status: 'accepted', seq: 12, duplicate: true });
    // A late ack of the first attempt changes nothing.
    socket.sent[0]!.ack({ status: 'accepted', seq: 12 });
    expect(changes.filter((c) => c.phase === 'accepted')).toHaveLength(1);
    expect(changes.at(-1)).toMatchObject({ attempts: 2, phase: 'accepted' });
  });

  test('a command sent while disconnected waits and goes out once connected', () => {
    const { socket, client, changes } = setup({ connected: false });
    void client.send('broadcast.send', { message: 'Back in ten minutes' }, LABEL);
    expect(socket.sent).toEqual([]);
    expect(changes.at(-1)?.phase).toBe('waiting');
    socket.serverAccepts();
    expect(socket.sent.map((s) => s.payload)).toEqual([
      { message: 'Back in ten minutes', commandId: '00000000-0000-4000-8000-000000000001' },
    ]);
  });

  test('no ack within the timeout while connected: sent again with the same id', () => {
    jest.useFakeTimers();
    const { socket, client } = setup({ ackTimeoutMs: 5000 });
    void client.send('session.end', {}, LABEL);
    jest.advanceTimersByTime(4999);
    expect(socket.sent).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);
    expect(socket.sent[1]!.payload.commandId).toBe(socket.sent[0]!.payload.commandId);
  });

  test('an answer that is not an ack counts as a rejection with a readable message', async () => {
    const { socket, client } = setup();
    const result = client.send('session.start', {}, LABEL);
    socket.sent[0]!.ack({ nonsense: true } as never);
    await expect(result).resolves.toMatchObject({ status: 'rejected', code: 'protocol/internal' });
  });

  test('after dispose nothing is re-sent on reconnect', () => {
    const { socket, client } = setup();
    void client.send('session.start', {}, LABEL);
    client.dispose();
    socket.drops();
    socket.serverAccepts();
    expect(socket.sent).toHaveLength(1);
  });
});

describe('staff handshake', () => {
  test('names the session and the credential, and sends lastSeq only once there is one', () => {
    let last: number | undefined;
    const options = {
      kind: 'observer' as const,
      token: 'token-token-token-token',
      session: SESSION_ID,
      lastSeq: () => last,
    };
    expect(staffHandshake(options)).toEqual({
      protocol: 1,
      credential: { kind: 'observer', token: 'token-token-token-token' },
      session: SESSION_ID,
    });
    last = 0;
    expect(staffHandshake(options).lastSeq).toBe(0);
    last = 42;
    expect(staffHandshake(options).lastSeq).toBe(42);
  });
});

describe('command ids', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  test('use crypto.randomUUID where the page is a secure context', () => {
    expect(newCommandId({ randomUUID: () => 'from-random-uuid', getRandomValues: (a) => a })).toBe(
      'from-random-uuid',
    );
  });

  test('fall back to getRandomValues on plain http (a LAN address), still a v4 uuid', () => {
    const fill = <T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = 255 - i;
      return array;
    };
    const id = newCommandId({ getRandomValues: fill });
    expect(id).toMatch(UUID_V4);
    const ids = new Set(
      Array.from({ length: 200 }, () =>
        newCommandId({ getRandomValues: (a) => crypto.getRandomValues(a) }),
      ),
    );
    expect(ids.size).toBe(200);
    for (const each of ids) expect(each).toMatch(UUID_V4);
  });
});
