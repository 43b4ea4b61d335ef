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
 * All five when a snapshot's chat messages began to carry the scenario `time` they were sent at
 * (the play screen shows chat at scenario time): the message counts are as before; the only lines
 * that changed (2, 2, 2, 1 and 2) are `session.snapshot`s, and with `"time"` stripped from their
 * chat entries every digest is the pin before.
 * All five when a view's evidence began to carry `concerns` (what the
 * team's own acts did to an item that the debrief holds against it): the message counts are as
 * before, and with the server leaving `concerns` out of its views every digest is the pin before.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 2077,
    hash: '673c8f981a7325a9abd8c5c3efdbb8216f467b45a695b1193442158429c0ca03',
  },
  'flat-in-sombor': {
    messages: 1703,
    hash: '99eba08dd121f8ad1ff03606e05eb2196712ffc997d5f28219e765c1a74ead2b',
  },
  'night-on-the-drina': {
    messages: 1909,
    hash: '60189de94f7aa3b6ca45399c1737944acedc5587e00ff1f5e86f4f849223d3c5',
  },
  'reefer-horgos': {
    messages: 1642,
    hash: 'c26f616c06cc6604f6c8b5181790fe0127e8a50ba821cf9ba0dbed4657067ba9',
  },
  'tickets-to-vienna': {
    messages: 1941,
    hash: '40fedeb9dbcc19e6eb4755de57730f698085e2a11d11fadc007b57bf636a256e',
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
