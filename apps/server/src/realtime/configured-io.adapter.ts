import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { ErrorCode, MAX_MESSAGE_BYTES } from '@crossroads/shared';
import { originAllowed } from '../public-origin';
import type { PinoLogger } from '../logging/logging.module';
import { Server, type ServerOptions } from 'socket.io';
import type { AppConfig } from '../config';

/** Where socket.io listens on the HTTP server. The client must use the same path. */
export const SOCKET_IO_PATH = '/socket.io';

type IoAdapterServer = ReturnType<IoAdapter['createIOServer']>;

/**
 * The socket.io adapter for every gateway. Gateway decorators hold static options only, so the
 * options that come from the validated configuration are applied here:
 * - browsers must come from PUBLIC_ORIGIN (the handshake fails otherwise; clients that send no
 *   Origin header, such as Node scripts and tests, are let through);
 * - messages larger than MAX_MESSAGE_BYTES close that client's connection (engine.io / ws
 *   enforce it before anything is parsed), and the server goes on serving the others.
 *
 * The server is built from this workspace's own `socket.io` dependency: @nestjs/platform-socket.io
 * pins (and nests) a slightly older socket.io, and using one copy keeps the runtime and the
 * TypedServer/TypedSocket types the same.
 */
export class ConfiguredIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly log: PinoLogger,
  ) {
    super(app);
  }

  // `options` are the static gateway decorator options (a plain object; none are set today).
  override createIOServer(port: number, options?: object): IoAdapterServer {
    const merged: Partial<ServerOptions> = {
      ...(options as Partial<ServerOptions> | undefined),
      path: SOCKET_IO_PATH,
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      cors: { origin: this.config.publicOrigin, credentials: true },
      allowRequest: (req, callback) => this.allowRequest(req, callback),
    };
    const server =
      this.httpServer && port === 0
        ? new Server(this.httpServer as HttpServer, merged)
        : new Server(port, merged);
    // Same class and API as the copy nested under @nestjs/platform-socket.io; only the
    // declarations differ, so tell the compiler it is the type the base adapter expects.
    return server as unknown as IoAdapterServer;
  }

  private allowRequest(
    req: IncomingMessage,
    callback: (err: string | null | undefined, success: boolean) => void,
  ): void {
    const origin = req.headers.origin;
    if (origin === undefined || originAllowed(this.config, origin, req.headers)) {
      callback(null, true);
      return;
    }
    this.log.warn(
      { origin, expected: this.config.publicOrigin, address: req.socket.remoteAddress },
      'socket refused: foreign origin',
    );
    callback(`${ErrorCode.ForeignOrigin}: origin ${origin} is not allowed`, false);
  }
}
