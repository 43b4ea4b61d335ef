import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import {
  ErrorCode,
  type RejectedAck,
  type ResourceWait,
  type RestError,
  type Text,
} from '@crossroads/shared';
import type { HttpResponse as Response } from './http';
import type { z } from 'zod';

/** HTTP status for each error code (README §6). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.InvalidPayload]: HttpStatus.BAD_REQUEST,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedProtocol]: HttpStatus.BAD_REQUEST,
  [ErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.SlowConsumer]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.CommandIdReused]: HttpStatus.CONFLICT,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.SessionUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.ForeignOrigin]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.LinkGone]: HttpStatus.GONE,
  [ErrorCode.StaleRevision]: HttpStatus.CONFLICT,
  [ErrorCode.SessionPaused]: HttpStatus.CONFLICT,
  [ErrorCode.SessionNotRunning]: HttpStatus.CONFLICT,
  [ErrorCode.SeatChanged]: HttpStatus.CONFLICT,
  [ErrorCode.NameTaken]: HttpStatus.CONFLICT,
  [ErrorCode.WrongRole]: HttpStatus.CONFLICT,
  [ErrorCode.NotInPhase]: HttpStatus.CONFLICT,
  [ErrorCode.ConditionNotMet]: HttpStatus.CONFLICT,
  [ErrorCode.RequestPending]: HttpStatus.CONFLICT,
  [ErrorCode.AlreadyDecided]: HttpStatus.CONFLICT,
  [ErrorCode.Ended]: HttpStatus.CONFLICT,
};

/**
 * An error with a shared ErrorCode; REST answers it as a RestError, sockets as a rejected ack.
 * `text` is the message in the reader's languages when the server has it so (the engine's why-not
 * words for the refused agency); only acks carry it (see rejectedAck).
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: RestError['details'],
    readonly text?: Text,
    readonly wait?: ResourceWait,
  ) {
    super(message);
  }

  /**
   * A refusal told in every language `text` has (its English is `message`), with what the refused
   * action waits for when that is a scarce resource.
   */
  static told(
    code: ErrorCode,
    message: string,
    text: Text | undefined,
    wait?: ResourceWait,
  ): AppError {
    return new AppError(code, message, undefined, text, wait);
  }

  toRest(): RestError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** The rejected ack of an AppError: every path that answers a command builds it here, so none drops `text`. */
export function rejectedAck(error: AppError): RejectedAck {
  return {
    status: 'rejected',
    code: error.code,
    message: error.message,
    ...(error.text !== undefined ? { text: error.text } : {}),
    ...(error.wait !== undefined ? { wait: error.wait } : {}),
  };
}

/** One validation problem as zod and Standard Schema report it. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** AppError(InvalidPayload) listing every problem, each with its dotted path ("(root)" for the whole value). */
export function invalidPayload(what: string, issues: readonly SchemaIssue[]): AppError {
  const details = issues.map((issue) => ({
    path:
      issue.path && issue.path.length > 0
        ? issue.path
            .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
            .join('.')
        : '(root)',
    message: issue.message,
  }));
  return new AppError(
    ErrorCode.InvalidPayload,
    `Invalid ${what}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    details,
  );
}

/** Validates with zod or throws invalidPayload (socket commands; REST routes use ZodBody/ZodQuery). */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidPayload(what, result.error.issues);
}

/** An error of express' body parser (malformed JSON, body over the size limit). */
function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    ((error as { type: string }).type.startsWith('entity.') ||
      (error as { type: string }).type.startsWith('request.')) &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** Turns every error from the REST controllers into a RestError body with the matching status. */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Rest');

  catch(exception: unknown, host: ArgumentsHost): void {
    // Also the global filter (malformed JSON, 413, unknown routes); sockets have their own.
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    let body: RestError;
    let status: number;
    // Nest's express adapter wraps the body parser's errors in an HttpException that carries the
    // parser's own words ("Unexpected end of JSON input"); the error itself is its cause.
    const parserError = isBodyParserError(exception)
      ? exception
      : exception instanceof HttpException && isBodyParserError(exception.cause)
        ? exception.cause
        : null;
    if (exception instanceof AppError) {
      body = exception.toRest();
      status = HTTP_STATUS[exception.code];
    } else if (parserError !== null) {
      status = parserError.status;
      body =
        status === 413
          ? { code: ErrorCode.PayloadTooLarge, message: 'The request body is too large.' }
          : { code: ErrorCode.InvalidPayload, message: 'The request body is not valid JSON.' };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const code =
        status === 401
          ? ErrorCode.Unauthenticated
          : status === 403
            ? ErrorCode.Forbidden
            : status === 404
              ? ErrorCode.NotFound
              : status === 413
                ? ErrorCode.PayloadTooLarge
                : status === 429
                  ? ErrorCode.RateLimited
                  : status < 500
                    ? ErrorCode.InvalidPayload
                    : ErrorCode.Internal;
      body = { code, message: exception.message };
    } else {
      this.logger.error({ err: exception, msg: 'request failed' });
      status = 500;
      body = { code: ErrorCode.Internal, message: 'Something failed on the server.' };
    }
    if (!response.headersSent) response.status(status).json(body);
  }
}
