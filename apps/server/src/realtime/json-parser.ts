import { createRequire } from 'node:module';
import type { ServerToClientEvents } from '@crossroads/shared';
import { knownJsonOf } from './known-json';

/**
 * socket.io's own parser (the copy its Server uses by default, so the wire format is the one the
 * client speaks), with an encoder of its own for the server's session events. The default encoder
 * walks every emitted payload looking for Buffers before it serialises it; the session events are
 * plain JSON by contract (the shared ServerToClientEvents carry no binary, and every command
 * payload they echo passed a zod schema of strings, numbers and plain objects), and a role view is
 * some 1,000 values: the walk cost about a fifth of the JSON.stringify that follows it. And a
 * session event is serialised reusing the texts of parts serialised already: a view patch's
 * operations (measured against the view just before, see known-json.ts) and a log event (one
 * commit sends the same event to the staff and to several trainee groups, one room after the
 * other). Any other packet (acks, pings, other events) is encoded exactly as before. The bytes on
 * the wire do not change.
 */
const ioRequire = createRequire(require.resolve('socket.io'));

interface Packet {
  type: number;
  nsp?: string;
  id?: number;
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
  'session.rescored': true,
  'session.events': true,
  'lobby.updated': true,
  'presence.updated': true,
};
const JSON_EVENTS: ReadonlySet<string> = new Set(Object.keys(JSON_ONLY));

/**
 * JSON.stringify(value) for a plain JSON value, reusing remembered texts (known-json.ts): of
 * `value` itself, and of its members down to `depth` levels of plain objects (a session update,
 * its view patch). The member named `eventKey`, if any, is a log event (see eventJson). Members in the
 * order and with the omissions of JSON.stringify, so the text is the same.
 */
function jsonOf(value: unknown, depth: number, eventKey: string | null = null): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const known = knownJsonOf(value);
  if (known !== undefined) return known;
  if (depth === 0 || Array.isArray(value) || 'toJSON' in value) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (text.length > 1) text += ',';
    const json =
      key === eventKey && typeof item === 'object' && item !== null
        ? eventJson(item)
        : jsonOf(item, depth - 1);
    text += `${JSON.stringify(key)}:${json}`;
  }
  return `${text}}`;
}

/**
 * The last log event serialised in a session update, and its text: a commit emits each event to
 * the staff and to every trainee group that may see it one room after the other, each room's
 * update serialised once, so the same event object comes back until the next one.
 */
let lastEvent: object | null = null;
let lastEventJson = '';

function eventJson(event: object): string {
  if (event !== lastEvent) {
    lastEventJson = JSON.stringify(event);
    lastEvent = event;
  }
  return lastEventJson;
}

class JsonEventEncoder extends parser.Encoder {
  override encode(packet: Packet): unknown[] {
    if (packet.type === parser.PacketType.EVENT && Array.isArray(packet.data)) {
      const [name, payload, ...rest] = packet.data as unknown[];
      if (typeof name === 'string' && JSON_EVENTS.has(name) && rest.length === 0) {
        // encodeAsString's framing: type, namespace unless the main one, ack id, then the data.
        let text = String(packet.type);
        if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
        if (packet.id !== undefined && packet.id !== null) text += String(packet.id);
        const data =
          packet.data.length === 1
            ? ''
            : `,${jsonOf(payload, 2, name === 'session.update' ? 'event' : null)}`;
        return [`${text}[${JSON.stringify(name)}${data}]`];
      }
    }
    return super.encode(packet);
  }
}

/** The `parser` option of the socket.io Server. */
export const jsonEventParser = { Encoder: JsonEventEncoder, Decoder: parser.Decoder };
