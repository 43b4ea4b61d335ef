import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode, type RestError } from '@crossroads/shared';

/**
 * The REST side of the outbound bound: bytes written to one address's HTTP connections that its
 * client has not read yet (each connection's `writableLength`). While that is past `limitBytes`,
 * new requests from the address are answered 503 with protocol/slow_consumer instead of building
 * one more response to pile up behind the others. Upgraded connections (WebSockets) are left to
 * the per-socket bound.
 *
 * Returns express middleware; it must be installed before the routes.
 */
export function boundResponseBacklog(
  http: Server,
  limitBytes: number,
  onRefused: (address: string, pendingBytes: number) => void,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const open = new Map<string, Set<Socket>>();
  const forget = (address: string, socket: Socket) => {
    const set = open.get(address);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) open.delete(address);
  };
  http.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    let set = open.get(address);
    if (!set) open.set(address, (set = new Set()));
    set.add(socket);
    socket.once('close', () => forget(address, socket));
  });
  http.on('upgrade', (_req: IncomingMessage, socket: Socket) =>
    forget(socket.remoteAddress ?? 'unknown', socket),
  );

  return (req, res, next) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    let pending = 0;
    for (const socket of open.get(address) ?? []) pending += socket.writableLength;
    if (pending <= limitBytes) {
      next();
      return;
    }
    onRefused(address, pending);
    const body: RestError = {
      code: ErrorCode.SlowConsumer,
      message:
        'Earlier responses to this address have not been read yet; try again once they have arrived.',
    };
    res.statusCode = 503;
    res.setHeader('Retry-After', '5');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };
}
