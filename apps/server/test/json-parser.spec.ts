import { createRequire } from 'node:module';
import { jsonEventParser } from '../src/realtime/json-parser';
import { rememberJson } from '../src/realtime/known-json';

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
  const event = {
    seq: 4,
    at: '2026-12-05T09:00:00.000Z',
    team: 'team-a',
    role: 'prosecutor',
    participant: null,
    type: 'decision.made',
    payload: { decision: 'd', option: 'o', rationale: 'line\nbreak "quoted" \u2028' },
  };
  const ops = [
    { op: 'replace', path: '/clock/minutes', value: 4 },
    { op: 'add', path: '/decisions/0/whyNot', value: view.decisions[0]?.whyNot },
    { op: 'remove', path: '/facts/none' },
  ];
  const patched = {
    type: PacketType.EVENT,
    nsp: '/',
    data: [
      'session.update',
      { seq: 4, status: 'running', event, viewPatch: { base: 'a', version: 'b', ops } },
    ],
  };
  const packets = [
    update,
    patched,
    {
      type: PacketType.EVENT,
      nsp: '/',
      data: ['session.update', { seq: 5, status: 'running', event, teams: [{ a: 1 }] }],
    },
    {
      type: PacketType.EVENT,
      nsp: '/',
      data: ['session.update', { seq: 6, event: null, view: undefined, injects: [], f: () => 1 }],
    },
    { type: PacketType.EVENT, nsp: '/admin', id: 12, data: ['lobby.updated', { seq: 1 }] },
    { type: PacketType.EVENT, nsp: '/', data: ['presence.updated'] },
    { type: PacketType.EVENT, nsp: '/', data: ['notice', undefined] },
    { type: PacketType.EVENT, nsp: '/', data: ['notice', 'text'] },
    { type: PacketType.EVENT, nsp: '/', data: ['notice', { at: new Date(0) }] },
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

  it('encodes an event sent to several rooms, and the next one, as socket.io does', () => {
    const encoder = new jsonEventParser.Encoder();
    const other = {
      type: PacketType.EVENT,
      nsp: '/',
      data: ['session.update', { seq: 5, status: 'running', event: { ...event, seq: 5 } }],
    };
    for (const packet of [patched, patched, other, patched, other]) {
      expect(encoder.encode(packet)).toEqual(new Encoder().encode(packet));
    }
  });

  it('copies the text a patch was measured with instead of serialising its ops again', () => {
    const measured = [{ op: 'replace', path: '/clock/minutes', value: 9 }];
    // Valid JSON of the same ops but not JSON.stringify's spacing: shows which text was used.
    rememberJson(measured, JSON.stringify(measured, null, 1));
    const packet = {
      type: PacketType.EVENT,
      nsp: '/',
      data: [
        'session.update',
        { seq: 7, event: null, viewPatch: { base: 'a', version: 'b', ops: measured } },
      ],
    };
    const [text] = new jsonEventParser.Encoder().encode(packet) as string[];
    expect(text).toContain(JSON.stringify(measured, null, 1));
    const decoder = new Decoder();
    let decoded: unknown;
    decoder.on('decoded', (p) => (decoded = p.data));
    decoder.add(text);
    expect(decoded).toEqual(packet.data);
  });

  it('round-trips a session update through the default decoder', () => {
    const [text] = new jsonEventParser.Encoder().encode(update);
    const decoder = new Decoder();
    let decoded: unknown;
    decoder.on('decoded', (p) => (decoded = p.data));
    decoder.add(text);
    expect(decoded).toEqual(update.data);
  });
});
