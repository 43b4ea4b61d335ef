import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule, Provider } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../config.module';
import {
  NestPinoLogger,
  PINO_ROOT,
  PinoLogger,
  pinoLoggerToken,
  requestedContexts,
} from './pino-logger';

export { InjectPinoLogger, NestPinoLogger, PinoLogger } from './pino-logger';

/** Where log lines go instead of stdout (tests capture them); one JSON line per write. */
export type LogDestination = DestinationStream;

/** The express middleware writing one line per HTTP request (createApp installs it first). */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/**
 * Structured JSON logs (pino) for the whole server: one line per HTTP request (pino-http),
 * Nest's own messages (createApp calls app.useLogger with NestPinoLogger), and whatever a
 * provider logs through an injected PinoLogger:
 *
 *   constructor(@InjectPinoLogger(MyService.name) private readonly logger: PinoLogger) {}
 *   this.logger.info({ sessionId }, 'session started');
 *
 * Each application builds its own pino instance from its own configuration, so several
 * applications in one process (tests) never share a level or a destination.
 *
 * A function, not a module constant: it provides one logger per @InjectPinoLogger context,
 * so it must run after every decorated class has been imported (AppModule.forRoot calls it).
 */
export function loggingModule(destination?: LogDestination): DynamicModule {
  const named: Provider[] = [...requestedContexts].map((context) => ({
    provide: pinoLoggerToken(context),
    inject: [PINO_ROOT],
    useFactory: (root: Pino) => {
      const logger = new PinoLogger(root);
      logger.setContext(context);
      return logger;
    },
  }));
  return {
    module: LoggingModule,
    global: true,
    providers: [
      {
        provide: PINO_ROOT,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig): Pino => {
          const options = {
            level: config.logLevel,
            base: { service: 'crossroads-server' },
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
          };
          return destination ? pino(options, destination) : pino(options);
        },
      },
      {
        provide: HTTP_LOGGER,
        inject: [PINO_ROOT],
        useFactory: (root: Pino): HttpLogger =>
          pinoHttp({
            logger: root,
            serializers: {
              req: (req: IncomingMessage & { id?: unknown }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
            },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
              httpLogLevel(res.statusCode, err),
            customErrorObject: (
              _req: IncomingMessage,
              _res: ServerResponse,
              error: Error,
              fields: Record<string, unknown>,
            ) => requestErrorFields(error, fields),
          }),
      },
      PinoLogger,
      NestPinoLogger,
      ...named,
    ],
    exports: [
      PINO_ROOT,
      HTTP_LOGGER,
      PinoLogger,
      NestPinoLogger,
      ...named.map((p) => (p as { provide: string }).provide),
    ],
  };
}

/**
 * The level of a finished request's line. A 503 says the server cannot serve now (not ready yet,
 * Redis unreachable, a session moving between processes): an operational state that a load
 * balancer probing readiness through an outage would otherwise write as an error every few seconds.
 */
export function httpLogLevel(statusCode: number, err?: Error): 'info' | 'warn' | 'error' {
  if (statusCode === 503) return 'warn';
  if (err !== undefined || statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

/** pino-http's stand-in error for a 5xx answered without one: its stack is pino-http's own. */
const STAND_IN = /^failed with status code \d+$/;

/** A request line's fields: without pino-http's stand-in error, whose only news is the status. */
export function requestErrorFields(
  error: Error,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  if (!STAND_IN.test(error.message)) return fields;
  const { err: _standIn, ...rest } = fields;
  return rest;
}

class LoggingModule {}
