import type { Socket as IoSocket } from 'socket.io';

/**
 * What is queued for one socket and not yet taken by its client, read from the transport:
 * engine.io's write buffer (packets waiting while the transport is busy, or until the next poll)
 * plus, on WebSocket, the `ws` socket's `bufferedAmount` (frames handed to it that the kernel did
 * not take yet). A client that answers heartbeats but never reads makes both grow; nothing else
 * bounds them.
 */
export interface Queued {
  bytes: number;
  messages: number;
}

/** The parts of engine.io's socket and transports read here (they are not in its public types). */
interface EnginePacket {
  data?: unknown;
}
interface EngineTransport {
  name: string;
  socket?: { bufferedAmount?: unknown; terminate?: () => void };
}
interface EngineConnection {
  writeBuffer: EnginePacket[];
  transport: EngineTransport;
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): unknown;
  close(discard?: boolean): void;
}

function packetBytes(packet: EnginePacket): number {
  const data = packet.data;
  // Text is counted in UTF-16 units (at least one byte each); measuring every packet's UTF-8
  // length would cost a pass over every broadcast for every recipient.
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** Bytes and messages queued for a socket right now. */
export function queuedFor(socket: IoSocket): Queued {
  const conn = socket.conn as unknown as EngineConnection;
  let bytes = 0;
  for (const packet of conn.writeBuffer) bytes += packetBytes(packet);
  const ws = conn.transport.name === 'websocket' ? conn.transport.socket : undefined;
  if (typeof ws?.bufferedAmount === 'number') bytes += ws.bufferedAmount;
  return { bytes, messages: conn.writeBuffer.length };
}

export interface QueueBounds {
  bytes: number;
  messages: number;
}

/**
 * Watches what is queued for a socket and closes the connection the moment a new packet would take
 * it past `bounds`. The check runs as each packet is created, so the queue never exceeds the
 * bounds by more than what the current turn of the event loop adds. The connection is cut at once (the WebSocket is terminated, not
 * closed gracefully, which would keep its backlog in memory for the close handshake): the client
 * sees a transport close, reconnects with its last seq and resynchronises. `onOverflow` runs
 * before the cut, with what was queued.
 */
export function boundQueue(
  socket: IoSocket,
  bounds: QueueBounds,
  onOverflow: (queued: Queued) => void,
): SentCounter {
  const conn = socket.conn as unknown as EngineConnection;
  let cut = false;
  const counter = { bytes: 0 };
  conn.on('packetCreate', (packet) => {
    const size = packetBytes(packet);
    counter.bytes += size;
    if (cut) return;
    const queued = queuedFor(socket);
    queued.bytes += size;
    queued.messages += 1;
    if (queued.bytes <= bounds.bytes && queued.messages <= bounds.messages) return;
    cut = true;
    onOverflow(queued);
    // Terminating frees the WebSocket's backlog now; its close events arrive on a later turn, so
    // no disconnect handler runs inside the emit (or broadcast loop) that created this packet.
    const ws = conn.transport.name === 'websocket' ? conn.transport.socket : undefined;
    ws?.terminate?.();
    setImmediate(() => conn.close(true));
  });
  return { sentBytes: () => counter.bytes };
}

/** Bytes created for a socket so far (to measure what one emit cost). */
export interface SentCounter {
  sentBytes(): number;
}
