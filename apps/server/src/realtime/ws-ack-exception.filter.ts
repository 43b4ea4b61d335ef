import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { ErrorCode } from '@crossroads/shared';
import { CommandRejected } from './command';
import type { TypedSocket } from './types';

/**
 * Answers a failed command through its ack, so the client never waits forever:
 * CommandRejected → `{status:'rejected', code, message}`; anything else is logged and answered
 * with ErrorCode.Internal. Without an ack callback the client gets a `notice` instead.
 * Apply with `@UseFilters(WsAckExceptionFilter)` on every gateway.
 */
@Catch()
export class WsAckExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Realtime');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    const socket = ws.getClient<TypedSocket>();
    // Nest calls a handler with (socket, data, ack, pattern): the ack is the third argument.
    const ack: unknown = host.getArgByIndex(2);
    const pattern = ws.getPattern();

    let code: ErrorCode = ErrorCode.Internal;
    let message = 'Something failed on the server; nothing was changed.';
    if (exception instanceof CommandRejected) {
      code = exception.code;
      message = exception.message;
      this.logger.debug({ socketId: socket.id, command: pattern, code, msg: 'command rejected' });
    } else {
      this.logger.error({
        socketId: socket.id,
        command: pattern,
        err: exception,
        msg: 'command failed',
      });
    }

    if (typeof ack === 'function') {
      (ack as (response: unknown) => void)({ status: 'rejected', code, message });
    } else {
      socket.emit('notice', { code, message });
    }
  }
}
