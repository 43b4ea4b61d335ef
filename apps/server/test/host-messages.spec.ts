/**
 * Every message a live session sends, pinned by a digest: a change meant to make publishing
 * cheaper (skipping views, caching actions, patches, cards) must leave what each recipient gets
 * byte-identical. Two sessions of every catalogue scenario (one under each of two settings) are
 * played through a real SessionHost with the real projections, in memory, with every group and
 * two staff connections (bench/host-play.ts); each message is recorded with its recipients, event
 * name and JSON, in order, and version tokens (a counter with a random prefix) are renamed by
 * first appearance, so the digest pins which messages share a version, not its text.
 *
 * A change meant to change what recipients get changes these digests: check that the messages
 * differ only as intended, then update them here.
 */
import { loadCatalogue } from '@crossroads/scenarios/node';
import { messagesDigest } from '../bench/host-play';

const catalogue = loadCatalogue().flatMap((entry) => (entry.ok ? [entry.compiled] : []));

/**
 * Pinned from the host and projections before the changes that cut their CPU per command. A change
 * meant to alter what recipients get (a scenario's texts, a view's content) re-pins from the code
 * before that change and checks the optimised code gives the same digests (Sombor and Debt on the
 * farm were re-pinned so for their mk/sq/bs texts). Sombor and Debt on the farm again when their
 * interpreters' names lost the hours (the wait text says them): the new code with the old names
 * gives the pins before. All five when `broadcast.sent` gained `lang` (the language the message was
 * written in): with the event's payload as before, the pins before held.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 1983,
    hash: '106eac0c3c11a2f039a1129fe912f4849751422c25519c539c311bb750dd0f85',
  },
  'flat-in-sombor': {
    messages: 1616,
    hash: '3f3394d58a02479c115355d9d2d0db8b3bb144173f4bfc1df549ad4db0cb218c',
  },
  'night-on-the-drina': {
    messages: 1835,
    hash: '5ea5f2293d962532962d1584caba2fbd7ab3115efcc73be624167e958c0919ac',
  },
  'reefer-horgos': {
    messages: 1532,
    hash: 'a25f959c0b5b7c3164cf23c8a882f5b7b6f6d8a30901459ab414e28760699945',
  },
  'tickets-to-vienna': {
    messages: 1805,
    hash: '7c3bb357c61055d36eb190a418d1a314894a66e0a68187a3d708489530eb63a4',
  },
};

// SessionViews dates the live scores it computes by the wall clock (a snapshot rescores when they
// are more than SCORE_REFRESH_MS old): one instant for the whole run, so a slow machine gets the
// same messages.
beforeAll(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 5, 9, 0, 0));
});

afterAll(() => {
  jest.restoreAllMocks();
});

describe.each(catalogue.map((c) => [c.id, c] as const))('messages of %s', (id, compiled) => {
  it('digest as pinned', async () => {
    const got = await messagesDigest(compiled);
    expect(got.messages).toBeGreaterThan(500);
    expect(got).toEqual(PINNED[id]);
  });
});
