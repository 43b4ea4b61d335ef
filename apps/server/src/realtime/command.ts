import { SubscribeMessage } from '@nestjs/websockets';
import { ErrorCode } from '@crossroads/shared';
import type { z } from 'zod';
import type { ClientEventName } from './types';

/**
 * `@SubscribeMessage` restricted to the event names of the shared contract, so a typo or an
 * event missing from ClientToServerEvents fails to compile.
 */
export const OnClientEvent = <E extends ClientEventName>(event: E): MethodDecorator =>
  SubscribeMessage(event);

/**
 * Throw from a command handler to answer the client with a rejected ack
 * (`{ status: 'rejected', code, message }`); WsAckExceptionFilter turns it into the ack.
 */
export class CommandRejected extends Error {
  override readonly name = 'CommandRejected';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Validates a client event's payload with its zod schema or throws CommandRejected(InvalidPayload). */
export function parsePayload<S extends z.ZodType>(
  event: ClientEventName,
  schema: S,
  payload: unknown,
): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
  throw new CommandRejected(ErrorCode.InvalidPayload, `Invalid ${event} payload. ${details}`);
}
