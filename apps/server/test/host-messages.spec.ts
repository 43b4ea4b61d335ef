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
 * All five again when an agency whose refused request another agency sent again kept it in its view
 * (its own exchange), and staff cards began to carry a waiting request's body and earlier exchanges:
 * the message counts and version tokens are as before; the lines that changed are trainee group
 * view patches that no longer remove such a request (and the paths of later ops into the list
 * behind it), and staff team patches and snapshots whose pending requests gain `earlier` (all five)
 * and `body` (Horgos alone).
 * Debt on the farm, Horgos and Vienna when a trainee began to receive another agency's decision
 * without its rationale (need to know, `eventForTrainee`): the message counts are as before, and the
 * only lines that changed (10, 3 and 26) are single trainee group `session.update`s whose
 * `decision.made` event lost `payload.rationale`; with it put back, each line is as before. Sombor
 * and the Drina are unchanged.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 2077,
    hash: 'dc9223c1157e2ba8cadb4e6d7f70b0400d0011ae441d11b306f590d547fc38b7',
  },
  'flat-in-sombor': {
    messages: 1703,
    hash: '681f1d22f18f99180bd880e50eacb68c1b6aed76e509026a1977a0a24a696f4b',
  },
  'night-on-the-drina': {
    messages: 1909,
    hash: '9a0d6714a9aa05125e4a348891801e1f06ce68c03be68017af236f9676d4b16b',
  },
  'reefer-horgos': {
    messages: 1642,
    hash: '214e5868cab7962b0fdc6f8819b4a98d943f50150e92ebf05de7a217a818ecfb',
  },
  'tickets-to-vienna': {
    messages: 1941,
    hash: 'aeff63c7a89a29d866c2f2211fa92b7c5e9adf058ebe546374a25f1b89c8919e',
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
