import { Inject, Injectable, Scope, type LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

/** The process-wide pino instance of one application (built by loggingModule from its config). */
export const PINO_ROOT = Symbol('PINO_ROOT');

type LogMethod = {
  (message: string): void;
  (fields: object, message?: string): void;
};

/**
 * A pino logger that stamps its `context` on every line. Inject it either by class (a fresh
 * instance per consumer, then `setContext`) or named with `@InjectPinoLogger('Sessions')`.
 */
@Injectable({ scope: Scope.TRANSIENT })
export class PinoLogger {
  private child: Pino;

  constructor(@Inject(PINO_ROOT) private readonly root: Pino) {
    this.child = root;
  }

  /** Every later line carries `context: name`. */
  setContext(name: string): void {
    this.child = this.root.child({ context: name });
  }

  private at(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'): LogMethod {
    return (first: object | string, message?: string) => {
      if (typeof first === 'string') this.child[level](first);
      else this.child[level](first, message);
    };
  }

  readonly trace = this.at('trace');
  readonly debug = this.at('debug');
  readonly info = this.at('info');
  readonly warn = this.at('warn');
  readonly error = this.at('error');
  readonly fatal = this.at('fatal');
}

/** Nest's own messages (bootstrap, exception filters, `new Logger('X')`) as pino lines. */
@Injectable()
export class NestPinoLogger implements LoggerService {
  constructor(@Inject(PINO_ROOT) private readonly root: Pino) {}

  /** Nest passes the context as the last optional parameter; an Error or a stack may precede it. */
  private write(
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
    message: unknown,
    params: unknown[],
  ): void {
    const rest = [...params];
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, message.message);
      return;
    }
    if (level === 'error' && typeof rest[0] === 'string') fields.stack = rest[0];
    if (typeof message === 'object' && message !== null)
      this.root[level]({ ...fields, ...message });
    else this.root[level](fields, String(message));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}

/** The injection token of the logger named `context`. */
export function pinoLoggerToken(context: string): string {
  return `PinoLogger:${context}`;
}

/** Every context asked for by @InjectPinoLogger so far; loggingModule provides one logger each. */
export const requestedContexts = new Set<string>();

/** Injects a PinoLogger whose lines carry `context`. */
export function InjectPinoLogger(context: string): PropertyDecorator & ParameterDecorator {
  requestedContexts.add(context);
  return Inject(pinoLoggerToken(context));
}
