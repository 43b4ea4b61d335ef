import 'reflect-metadata';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { ErrorCode } from '@crossroads/shared';
import { CommandRejected, parsePayload } from '../src/realtime/command';
import { WsAckExceptionFilter } from '../src/realtime/ws-ack-exception.filter';
import { pingPayloadSchema } from '@crossroads/shared';

/** A ws ArgumentsHost as Nest builds it for a handler: (socket, data, ack, pattern). */
function wsHost(ack: unknown) {
  const socket = { id: 'socket-1', emit: jest.fn() };
  const args = [socket, { any: 'data' }, ack, 'ping'];
  const host = {
    getArgs: () => args,
    getArgByIndex: (i: number) => args[i],
    getType: () => 'ws',
    switchToWs: () => ({
      getClient: () => socket,
      getData: () => args[1],
      getPattern: () => 'ping',
    }),
  } as unknown as ArgumentsHost;
  return { host, socket };
}

describe('WsAckExceptionFilter', () => {
  const filter = new WsAckExceptionFilter();
  let logged: jest.SpyInstance;
  // Watch (and keep out of the test output) what the filter logs.
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a CommandRejected through the ack with its code and message', () => {
    const ack = jest.fn();
    const { host, socket } = wsHost(ack);
    filter.catch(new CommandRejected(ErrorCode.NotFound, 'No such session.'), host);
    expect(ack).toHaveBeenCalledWith({
      status: 'rejected',
      code: ErrorCode.NotFound,
      message: 'No such session.',
    });
    expect(socket.emit).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });

  it('answers any other error with protocol/internal, without leaking its text', () => {
    const ack = jest.fn();
    const { host } = wsHost(ack);
    filter.catch(new Error('SQLITE_CORRUPT secret detail'), host);
    expect(ack).toHaveBeenCalledTimes(1);
    const response = ack.mock.calls[0]?.[0] as { code: string; message: string };
    expect(response.code).toBe(ErrorCode.Internal);
    expect(response.message).not.toContain('SQLITE');
    // … but the server log keeps the real error.
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({
        err: expect.objectContaining({ message: expect.stringContaining('SQLITE') }),
      }),
    );
  });

  it('sends a notice when the client gave no ack callback', () => {
    const { host, socket } = wsHost(undefined);
    filter.catch(new CommandRejected(ErrorCode.InvalidPayload, 'Bad.'), host);
    expect(socket.emit).toHaveBeenCalledWith('notice', {
      code: ErrorCode.InvalidPayload,
      message: 'Bad.',
    });
  });
});

describe('parsePayload', () => {
  it('returns the parsed payload when it is valid', () => {
    expect(parsePayload('ping', pingPayloadSchema, { sentAt: 7 })).toEqual({ sentAt: 7 });
  });

  it('throws CommandRejected(InvalidPayload) naming the event and the bad field', () => {
    let caught: unknown;
    try {
      parsePayload('ping', pingPayloadSchema, { sentAt: 'soon' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CommandRejected);
    expect(caught).toMatchObject({ code: ErrorCode.InvalidPayload });
    expect((caught as Error).message).toMatch(/^Invalid ping payload\. sentAt: /);
  });
});
