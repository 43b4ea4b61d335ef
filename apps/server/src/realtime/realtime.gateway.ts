import {
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { UseFilters } from '@nestjs/common';
import { pingPayloadSchema, type PingAck } from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { OnClientEvent, parsePayload } from './command';
import type { TypedServer, TypedSocket } from './types';
import { WsAckExceptionFilter } from './ws-ack-exception.filter';

/**
 * The connection-level gateway: logs every connection and disconnection and answers `ping`.
 * Feature gateways (sessions, …) are separate classes with the same bare `@WebSocketGateway()`
 * and `@UseFilters(WsAckExceptionFilter)`; they share this socket.io server.
 */
@UseFilters(WsAckExceptionFilter)
@WebSocketGateway()
export class RealtimeGateway
  implements OnGatewayConnection<TypedSocket>, OnGatewayDisconnect<TypedSocket>
{
  @WebSocketServer()
  server: TypedServer;

  constructor(
    @InjectPinoLogger(RealtimeGateway.name)
    private readonly logger: PinoLogger,
  ) {}

  handleConnection(socket: TypedSocket): void {
    socket.data.connectedAt = Date.now();
    const fields = {
      socketId: socket.id,
      address: socket.handshake.address,
      origin: socket.handshake.headers.origin,
      transport: socket.conn.transport.name,
    };
    this.logger.info(fields, 'socket connected');
  }

  // Nest's own disconnect hook, rather than a `once` listener of ours on every socket (a bound
  // wrapper, its state and a closure per connection).
  handleDisconnect(socket: TypedSocket, reason?: string): void {
    this.logger.info(
      { socketId: socket.id, reason, connectedMs: Date.now() - socket.data.connectedAt },
      'socket disconnected',
    );
  }

  /** Round-trip check: echoes the client's clock and adds the server's. */
  @OnClientEvent('ping')
  handlePing(@MessageBody() payload: unknown): PingAck {
    const { sentAt } = parsePayload('ping', pingPayloadSchema, payload);
    return { status: 'accepted', sentAt, serverTime: Date.now() };
  }
}
