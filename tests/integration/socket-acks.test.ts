import { randomUUID } from 'node:crypto';
import { ErrorCode, type CommandAck } from '@crossroads/shared';
import { SessionClient } from '../../apps/server/bench/session-client';
import { startMiniSession, type MiniSession } from './mini-server';

/*
 * Every message a client sends with an ack callback gets an ack: a command sent without a payload
 * or with more than one argument, and an event the protocol does not have, are answered with a
 * rejection (code and message) instead of a `notice`, or of nothing at all, while the client waits.
 */

jest.setTimeout(30_000);

let mini: MiniSession;
let trainee: SessionClient;

beforeAll(async () => {
  mini = await startMiniSession();
  const joined = await mini.join('Ana', 'team-a', 'border_police');
  trainee = new SessionClient(mini.server.url, {
    kind: 'participant',
    token: joined.participantToken,
  });
  await trainee.connected();
  await trainee.until(() => trainee.snapshot !== null, 5000, 'snapshot');
});

afterAll(async () => {
  trainee?.socket.close();
  await mini?.close();
});

/** Emits raw arguments and resolves with the ack, or 'no ack' after a second. */
function raw(event: string, ...args: unknown[]): Promise<CommandAck | 'no ack'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no ack'), 1000);
    const socket = trainee.socket as unknown as {
      emit: (event: string, ...rest: unknown[]) => void;
    };
    socket.emit(event, ...args, (ack: CommandAck) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });
}

const invalid = { status: 'rejected', code: ErrorCode.InvalidPayload };

test('a command without a payload is rejected through its ack', async () => {
  expect(await raw('chat.send')).toMatchObject(invalid);
  expect(await raw('session.sync')).toMatchObject(invalid);
});

test('a command with a second argument is rejected through its ack, and writes nothing', async () => {
  const head = trainee.lastSeq;
  const payload = { commandId: randomUUID(), text: 'two arguments' };
  expect(await raw('chat.send', payload, { extra: true })).toMatchObject(invalid);
  expect(trainee.lastSeq).toBe(head);
});

test('an event the protocol does not have is rejected through its ack', async () => {
  for (const event of ['nope', 'session.snapshot', 'constructor', 'toString']) {
    expect(await raw(event, { commandId: randomUUID() })).toMatchObject(invalid);
  }
  // Known events still work.
  expect(await raw('chat.send', { commandId: randomUUID(), text: 'hi' })).toMatchObject({
    status: 'accepted',
  });
});
