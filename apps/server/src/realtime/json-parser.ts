import { createRequire } from 'node:module';
import type { ServerToClientEvents } from '@crossroads/shared';

/**
 * socket.io's own parser (the copy its Server uses by default, so the wire format is the one the
 * client speaks), with an encoder that skips the search for binary attachments in the server's
 * session events. The default encoder walks every emitted payload looking for Buffers before it
 * serialises it; the session events are plain JSON by contract (the shared ServerToClientEvents
 * carry no binary, and every command payload they echo passed a zod schema of strings, numbers and
 * plain objects), and a role view is some 1,000 values: the walk cost about a fifth of the
 * JSON.stringify that follows it. Any other packet (acks, pings, other events) is encoded exactly
 * as before. The bytes on the wire do not change.
 */
const ioRequire = createRequire(require.resolve('socket.io'));

interface Packet {
  type: number;
  data?: unknown;
}

interface ParserModule {
  Encoder: new (replacer?: unknown) => {
    encode(packet: Packet): unknown[];
    encodeAsString(packet: Packet): string;
  };
  Decoder: new (...args: never[]) => unknown;
  PacketType: { EVENT: number };
}

// The module is untyped here on purpose: it is socket.io's dependency, not ours.
const parser = ioRequire('socket.io-parser') as ParserModule;

/** Server → client events whose payloads are JSON values only: all of them (the shared contract). */
const JSON_ONLY: Record<keyof ServerToClientEvents, true> = {
  notice: true,
  'session.snapshot': true,
  'session.update': true,
  'session.events': true,
  'lobby.updated': true,
  'presence.updated': true,
};
const JSON_EVENTS: ReadonlySet<string> = new Set(Object.keys(JSON_ONLY));

class JsonEventEncoder extends parser.Encoder {
  override encode(packet: Packet): unknown[] {
    if (packet.type === parser.PacketType.EVENT && Array.isArray(packet.data)) {
      const name: unknown = packet.data[0];
      if (typeof name === 'string' && JSON_EVENTS.has(name)) return [this.encodeAsString(packet)];
    }
    return super.encode(packet);
  }
}

/** The `parser` option of the socket.io Server. */
export const jsonEventParser = { Encoder: JsonEventEncoder, Decoder: parser.Decoder };
