import type { INestApplicationContext } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { defer, type Observable } from 'rxjs';
import type { AppConfig } from '../src/config';
import type { PinoLogger } from '../src/logging/logging.module';
import { ConfiguredIoAdapter } from '../src/realtime/configured-io.adapter';

type Listener = (...args: unknown[]) => void;

/** The parts of a socket.io socket bindMessageHandlers uses. */
function fakeSocket() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    connected: true,
    emit: jest.fn(),
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return this;
    },
    /** A client message, as socket.io hands it to listeners: the payload, then the ack if any. */
    receive(event: string, ...args: unknown[]) {
      listeners.get(event)?.(...args);
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** As Nest's WebSocketsController: the handler's result (value or promise) as an Observable. */
const transform = (result: unknown): Observable<unknown> => defer(async () => await result);

function bind(handlers: Partial<MessageMappingProperties>[]) {
  const adapter = new ConfiguredIoAdapter(
    {} as INestApplicationContext,
    { publicOrigin: 'http://localhost' } as AppConfig,
    { warn: jest.fn() } as unknown as PinoLogger,
  );
  const errors: unknown[] = [];
  (adapter as unknown as { logger: { error(e: unknown): void } }).logger.error = (e) =>
    errors.push(e);
  const socket = fakeSocket();
  adapter.bindMessageHandlers(
    socket as unknown as Parameters<ConfiguredIoAdapter['bindMessageHandlers']>[0],
    handlers.map((h) => ({ isAckHandledManually: false, methodName: 'm', ...h })) as never,
    transform,
  );
  return { socket, errors };
}

describe('ConfiguredIoAdapter.bindMessageHandlers', () => {
  it('acks the handler result, emits { event, data } results and sends nothing for nil', async () => {
    const seen: unknown[] = [];
    const { socket } = bind([
      {
        message: 'ping',
        callback: (data: unknown) => {
          seen.push(data);
          return Promise.resolve({ pong: data });
        },
      },
      { message: 'shout', callback: () => Promise.resolve({ event: 'notice', data: 'hi' }) },
      { message: 'quiet', callback: () => Promise.resolve(null) },
    ]);
    const ack = jest.fn();
    socket.receive('ping', { n: 1 }, ack);
    socket.receive('shout', {});
    const quietAck = jest.fn();
    socket.receive('quiet', {}, quietAck);
    await settle();
    expect(seen).toEqual([{ n: 1 }]);
    expect(ack).toHaveBeenCalledWith({ pong: { n: 1 } });
    expect(socket.emit).toHaveBeenCalledWith('notice', 'hi');
    expect(socket.emit).toHaveBeenCalledTimes(1);
    expect(quietAck).not.toHaveBeenCalled();
  });

  it('leaves the ack to a handler that acks itself', async () => {
    const { socket } = bind([
      {
        message: 'ping',
        isAckHandledManually: true,
        callback: () => Promise.resolve({ ok: true }),
      },
    ]);
    const ack = jest.fn();
    socket.receive('ping', {}, ack);
    await settle();
    expect(ack).not.toHaveBeenCalled();
  });

  it('sends nothing once the socket has disconnected', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { socket } = bind([
      { message: 'ping', callback: () => new Promise((resolve) => (answer = resolve)) },
    ]);
    const ack = jest.fn();
    socket.receive('ping', {}, ack);
    socket.connected = false;
    answer({ late: true });
    await settle();
    expect(ack).not.toHaveBeenCalled();
  });

  it('logs a handler that throws or rejects, and goes on serving the next messages', async () => {
    let calls = 0;
    const { socket, errors } = bind([
      {
        message: 'ping',
        callback: () => {
          calls += 1;
          if (calls === 1) throw new Error('sync');
          if (calls === 2) return Promise.reject(new Error('async'));
          return Promise.resolve({ ok: calls });
        },
      },
    ]);
    const acks = [jest.fn(), jest.fn(), jest.fn()];
    for (const ack of acks) socket.receive('ping', {}, ack);
    await settle();
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync', 'async']);
    expect(acks[0]).not.toHaveBeenCalled();
    expect(acks[1]).not.toHaveBeenCalled();
    expect(acks[2]).toHaveBeenCalledWith({ ok: 3 });
  });
});
