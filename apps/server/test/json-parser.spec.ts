import { createRequire } from 'node:module';
import { jsonEventParser } from '../src/realtime/json-parser';

/** socket.io's default parser, the one its clients decode with. */
const ioRequire = createRequire(require.resolve('socket.io'));
const { Encoder, Decoder, PacketType } = ioRequire('socket.io-parser') as {
  Encoder: new () => { encode(packet: object): unknown[] };
  Decoder: new () => {
    add(chunk: unknown): void;
    on(event: 'decoded', listener: (packet: { data: unknown }) => void): void;
  };
  PacketType: { EVENT: number; ACK: number };
};

const view = {
  role: { id: 'prosecutor', name: { en: 'Prosecutor', mk: 'Обвинител', 'sr-Latn': 'Tužilac' } },
  decisions: [{ id: 'd', enabled: false, whyNot: { code: 'x', text: { en: '“quoted”' } } }],
  clock: { minutes: 3, running: true, limitMinutes: null },
  facts: { notes: 2, flag: true, none: null },
};

describe('the socket.io parser of the server', () => {
  const update = {
    type: PacketType.EVENT,
    nsp: '/',
    data: ['session.update', { seq: 4, view, event: null }],
  };
  const packets = [
    update,
    { type: PacketType.EVENT, nsp: '/', data: ['session.snapshot', { seq: 1, teams: [] }] },
    { type: PacketType.EVENT, nsp: '/', data: ['notice', { code: 'a', message: 'b' }] },
    { type: PacketType.ACK, nsp: '/', id: 7, data: [{ status: 'accepted', seq: 3 }] },
    { type: PacketType.EVENT, nsp: '/', data: ['other', { bytes: Buffer.from('binary') }] },
  ];

  it.each(packets.map((p) => [p.type === PacketType.ACK ? 'an ack' : String(p.data[0]), p]))(
    'encodes %s exactly as socket.io does',
    (_name, packet) => {
      expect(new jsonEventParser.Encoder().encode(packet)).toEqual(new Encoder().encode(packet));
    },
  );

  it('round-trips a session update through the default decoder', () => {
    const [text] = new jsonEventParser.Encoder().encode(update);
    const decoder = new Decoder();
    let decoded: unknown;
    decoder.on('decoded', (p) => (decoded = p.data));
    decoder.add(text);
    expect(decoded).toEqual(update.data);
  });
});
