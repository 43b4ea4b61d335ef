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
 * All five again when a clock move not the ticker's (a decision's or a request's time cost, the
 * facilitator's clock move) began to send the team's minutes to every trainee group (`minutes`):
 * the only lines that changed are trainee group updates, each of the facilitator's clock moves
 * gaining `minutes`, and new `{ seq, status, event: null, minutes }` updates for the groups that
 * may not see a time-costing decision, signature or answer.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 2077,
    hash: '4d1043fb61c6c9d38346e0348406ff57bf674917aa26c130f013f27a3551757f',
  },
  'flat-in-sombor': {
    messages: 1703,
    hash: '72254b92f4950206b957801ef6554e90bfe222260de8701294ac427c23069442',
  },
  'night-on-the-drina': {
    messages: 1909,
    hash: '768663387789130181635e48f53cc2b5e55eca87a545a7d865eb50df27f775a1',
  },
  'reefer-horgos': {
    messages: 1642,
    hash: '8f7a2a76afdcc5bae145e6a84c9d818b8ca8820492546b88e989879d5d84f9e0',
  },
  'tickets-to-vienna': {
    messages: 1941,
    hash: '133dd5484f61e7f76158aeabf77f5c34d6602bfff33f42861a77854c70b05ade',
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
