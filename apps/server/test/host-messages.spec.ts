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
 * gives the pins before.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 1983,
    hash: '7aefcbdad78928b753c0767a5d2a3702b6e6eeb857fd35e98b979ee91beda69b',
  },
  'flat-in-sombor': {
    messages: 1616,
    hash: 'fa31e698c1c4eaf61c081c8e6c448bb908d5caf8cbdc7b07cad9b14be260d29a',
  },
  'night-on-the-drina': {
    messages: 1835,
    hash: '409f8f67fffc64c7a0707c2cbe0a3616957affad021f1ec3d6ff82f0ac6ae8f2',
  },
  'reefer-horgos': {
    messages: 1532,
    hash: '8621a6ff3193213e03c4e9d69dfe0e7bbaeb2c7a949e4de7facd5b9dd40a3aa5',
  },
  'tickets-to-vienna': {
    messages: 1805,
    hash: '61c4943a862dc49e0ed4f925a772d2f987dddb7f07bfcf690089d7d53bda7e99',
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
