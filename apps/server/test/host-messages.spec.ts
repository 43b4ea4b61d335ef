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
 * All five again when a request's view began to carry its body (what it asks) and its earlier
 * exchanges (a request sent again after a refusal): with neither field carried, every digest was
 * as before; with the body alone, only Horgos changed (its requests alone have a body); the others
 * change with the earlier exchanges of requests their sessions send again.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 1983,
    hash: 'a203e577d85f8110862082b7548911b00b70033ff28c55ee9d456b0a3b2a319e',
  },
  'flat-in-sombor': {
    messages: 1616,
    hash: '0fd8a2f16aa3a1641b2865f562a04d44c830d08302e789b3d49fda3833636529',
  },
  'night-on-the-drina': {
    messages: 1835,
    hash: 'c91b6fe3049a47013c764a29712b5e6d075b9e15532e2cc9d228d1e6b33e8ec5',
  },
  'reefer-horgos': {
    messages: 1532,
    hash: '0a1a7fe079b429cd0e11b68d6b9a3c5865bd36f029068ed4d580ceabb33158ba',
  },
  'tickets-to-vienna': {
    messages: 1805,
    hash: '02981d29cfe1f0d1f67f81b75b3ab5a2eea79ba8db05f916464efae44ccb4621',
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
