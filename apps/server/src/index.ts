import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_LOGGER, NestPinoLogger, PinoLogger } from './logging/logging.module';
import { AppModule } from './app.module';
import {
  crossroadsVariables,
  loadConfig,
  queueBounds,
  redactDatabaseUrl,
  type AppConfig,
  type Env,
} from './config';
import type { LogDestination } from './logging/logging.module';
import { ConfiguredIoAdapter } from './realtime/configured-io.adapter';
import { REDIS_FANOUT, type RedisFanout } from './realtime/redis-fanout';
import { RestErrorFilter } from './auth/rest-error';
import { markUnreadBody } from './auth/zod-params';
import { OpenApiDocument } from './openapi/openapi';
import { studioJsonParser } from './studio/body';
import { serveClient } from './web/client-static';
import { applySecurityHeaders } from './web/security-headers';
import { boundResponseBacklog } from './web/response-backlog';

export { ConfigError, loadConfig, SESSION_TIMING_DEFAULTS } from './config';
export type { AppConfig, ConfigIssue, Env, LogLevel, NodeEnv } from './config';
export { APP_CONFIG, InjectConfig } from './config.module';
export { SOCKET_IO_PATH } from './realtime/configured-io.adapter';
export type { LogDestination } from './logging/logging.module';
export type { TypedServer, TypedSocket } from './realtime/types';
/** Its `server` is the application's socket.io server (tests broadcast through it). */
export { RealtimeGateway } from './realtime/realtime.gateway';
/** The session service (e.g. `app.get(SessionsService).tick(now)` drives the clock ticker in tests). */
export { SessionsService } from './sessions/sessions.service';

/** Every REST route lives under this prefix (controllers declare paths without it). */
export const API_PREFIX = 'api';

export interface CreateAppOptions {
  /**
   * Environment to read the configuration from; defaults to process.env. CROSSROADS_* variables
   * that a given `env` leaves out are still taken from process.env, as before they were part of
   * the validated configuration (pass them in `env` to be independent of process.env).
   */
  env?: Env;
  /** Close gracefully and exit 0 on SIGTERM/SIGINT (the runner sets it; tests leave it off). */
  shutdownHooks?: boolean;
  /** Send the JSON log lines here instead of stdout (tests read them). */
  logDestination?: LogDestination;
}

export interface RunningApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL the server answers on, e.g. http://localhost:3000 (the real port when PORT=0). */
  url: string;
  /** Closes socket.io, HTTP and the database. Safe to call more than once. */
  close(): Promise<void>;
}

/** Host to put in a URL: wildcard addresses become localhost, IPv6 literals get brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Validates the configuration, builds the Nest application (REST under /api, socket.io, SQLite
 * with migrations run, JSON logs), starts listening and returns once it accepts connections.
 *
 * @throws ConfigError when the environment is invalid (nothing is started then).
 */
/** How long a shutdown lets open HTTP connections finish before closing them. */
const SHUTDOWN_GRACE_MS = 2000;
/**
 * How long an idle keep-alive connection stays open. Longer than the idle timeout of the load
 * balancers and proxies that keep upstream connections open (60 s for most cloud ones, nginx's
 * `keepalive_timeout`): with Node's 5 s the server closed connections such a proxy was about to
 * reuse, and the request sent on one failed ("other side closed", a 502 behind a proxy).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function createApp(options: CreateAppOptions = {}): Promise<RunningApp> {
  const env = options.env ? { ...crossroadsVariables(process.env), ...options.env } : process.env;
  const config = loadConfig(env);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.logDestination),
    {
      bufferLogs: true,
      // JSON bodies only (added below): Nest's default also parses HTML form posts, which a page
      // on another site can send without a preflight and which no client of this API sends.
      bodyParser: false,
      // Throw start-up errors to the caller instead of aborting the process.
      abortOnError: false,
    },
  );
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    if (closing) return closing;
    // A browser may hold a keep-alive or long-polling connection open; after a short grace the
    // remaining HTTP connections are cut so a shutdown never waits on a client.
    const http = app.getHttpServer() as Server;
    const cutConnections = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
    cutConnections.unref();
    closing = app.close().finally(() => clearTimeout(cutConnections));
    return closing;
  };

  try {
    app.useLogger(app.get(NestPinoLogger));
    // First middleware: every request gets its line, whatever answers it.
    app.use(
      app.get<(req: IncomingMessage, res: ServerResponse, next: () => void) => void>(HTTP_LOGGER),
    );
    app.disable('x-powered-by');
    applySecurityHeaders(app, config);
    app.setGlobalPrefix(API_PREFIX);
    app.get(OpenApiDocument).attach(app);
    // Errors outside the controllers (malformed JSON, 413, unknown routes) get the same
    // { code, message } body as theirs.
    app.useGlobalFilters(new RestErrorFilter());
    // Scenario text is larger than the default 100 kB JSON limit (the flagship is about 210 kB):
    // the studio's routes parse JSON bodies up to the studio limit, every other route keeps the default.
    app.use(`/${API_PREFIX}/studio`, studioJsonParser());
    app.useBodyParser('json');
    app.use(markUnreadBody);

    const logger = await app.resolve<PinoLogger>(PinoLogger);
    logger.setContext('Server');
    // Before the routes (Nest mounts them at listen): a refused request builds no response.
    app.use(
      boundResponseBacklog(
        app.getHttpServer() as Server,
        queueBounds(config).bytes,
        (address, pending) =>
          logger.warn({ address, pending }, 'request refused: earlier responses unread'),
      ),
    );
    const socketLogger = await app.resolve<PinoLogger>(PinoLogger);
    socketLogger.setContext('Socket');
    app.useWebSocketAdapter(
      new ConfiguredIoAdapter(app, config, socketLogger, app.get<RedisFanout | null>(REDIS_FANOUT)),
    );

    if (config.isProduction) serveClient(app, config, logger);
    if (options.shutdownHooks) {
      app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
    }

    const http = app.getHttpServer() as Server;
    http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    // Above the keep-alive timeout, as is usual behind a proxy (it bounds a request's headers only).
    http.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
    await app.listen(config.port, config.host);

    const address = app.getHttpServer().address() as AddressInfo;
    const url = `http://${urlHost(config.host)}:${address.port}`;
    // The database this process really uses (PostgreSQL's URL without its password, not the
    // unused SQLite path), and its NODE_ID in a cluster, so an operator can tell the processes apart.
    const database =
      config.databaseUrl === undefined
        ? config.databasePath
        : redactDatabaseUrl(config.databaseUrl);
    logger.info(
      {
        url,
        nodeEnv: config.nodeEnv,
        database,
        ...(config.nodeId ? { nodeId: config.nodeId } : {}),
      },
      `Crossroads server listening on ${url}`,
    );
    return { app, config, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
