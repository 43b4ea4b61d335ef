import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../config.module';

/** Where log lines go instead of stdout (tests capture them); one JSON line per write. */
export type LogDestination = DestinationStream;

/**
 * Structured JSON logs (pino) for the whole server: one line per HTTP request (pino-http),
 * Nest's own messages (main.ts/createApp call app.useLogger), and whatever a provider logs
 * through an injected PinoLogger:
 *
 *   constructor(@InjectPinoLogger(MyService.name) private readonly logger: PinoLogger) {}
 *   this.logger.info({ sessionId }, 'session started');
 *
 * A function, not a module constant: nestjs-pino creates the @InjectPinoLogger providers when
 * forRootAsync is called, so it must run after every decorated class has been imported
 * (AppModule.forRoot calls it at start-up).
 */
export function loggingModule(destination?: LogDestination): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const options: HttpLoggerOptions = {
        level: config.logLevel,
        base: { service: 'crossroads-server' },
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        serializers: {
          req: (req: IncomingMessage & { id?: unknown }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
          }),
          res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      };
      return { pinoHttp: destination ? [options, destination] : options };
    },
  });
}
