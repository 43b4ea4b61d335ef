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
 * All five when staff cards began to carry the team's `taints` (what the debrief's case file holds
 * against its evidence, from the live scores) and a trainee's view the `witnessesLost` its agency
 * knows of: with the server leaving both out (cards without `taints`, views given no witnesses
 * lost) every digest is the pin before; with them, the message counts grow by 5, 3, 8, 3 and 0:
 * updates to groups whose view changed only by a witness lost (and with the same phone-consent
 * change of the engine in place, so it changes nothing in the catalogue's sessions).
 * All five when a view's hints became the legal model's findings on the agency's decisions (from the
 * live scores, which then also run for trainees in a session with hints) instead of the options'
 * own feedback texts, which left the catalogue: with the server showing no hints and not running the
 * scores for them, Debt on the farm and the Drina (whose options had no such texts) give the pins
 * before, and Sombor, Horgos and Vienna differ only by the texts gone; with the findings, the
 * message counts grow by 0, 0, 3, 1 and 1 (updates to groups whose view changed only by a finding).
 * Debt on the farm and the Drina when the model began to charge a duty never met to the agency that
 * could meet it for that person, and to give up care owed to people at the act that removed them:
 * their live findings, scores and cards changed (the Drina's sessions lose 8 updates); the scoring
 * package's tests pin what changed and why.
 * Debt on the farm and the Drina when a witness the team itself removed before anyone heard them
 * became a witness lost (their account in the scenario, no statement yet in the file, no deposition
 * offered): the message counts are as before; the lines that changed (13 and 24) carry a new
 * EVIDENCE.WITNESS.LOST finding and the witnesses lost in views and cards for Imran, returned with
 * the workers by a collective return decision (both sessions), and the three men from the Bosnian
 * bank handed to the Serbian patrol, with the evidence scores that follow from it. Nothing else.
 * All five when rubric 2.1.0 (help given for nothing charged as smuggling) became the newest and the
 * default: the message counts are as before; the lines that changed (60, 44, 52, 44 and 52) are those
 * naming the rubric version, and with "2.1.0" read as "2.0.0" every digest is the pin before (no
 * catalogue session charges anyone the scenario says was paid nothing; Debt and the Drina pinned
 * again with the witnesses lost above).
 * The Drina back to its 2.1.0 digest when a removal followed, in the same event, by the person being
 * placed here again stopped counting as a loss: the Bosnian patrol's men are put into the Serbian
 * patrol's boat and set present, so they never left the team's reach (the loss above was wrong there).
 * All five when a trainee's view began to name the decisions its team took or signed that its agency
 * may see (`decided`), so a device that joins after the phase moved on does not name them by id: the
 * message counts are as before, and with the server leaving `decided` out of its views every digest
 * is the pin before.
 */
const PINNED: Record<string, { messages: number; hash: string }> = {
  'debt-on-the-farm': {
    messages: 2082,
    hash: 'd101aadeb965ab73f3c2b396bfc9ecbf6eb2af882b803774b08fc2149aa68ec3',
  },
  'flat-in-sombor': {
    messages: 1706,
    hash: 'dcd77da334a8d3c276c9a33804a8a31a010fb44bfad296570a91a07952aa361a',
  },
  'night-on-the-drina': {
    messages: 1912,
    hash: 'daec33ed02d9c3a1d086d7592835c356d4a775547a90d9fb2bf8e54660f4913f',
  },
  'reefer-horgos': {
    messages: 1646,
    hash: '5b92971ef3e635aa1c3e809b04076a4a73ae6d4d6f80b4d88f1ad545d978bf1b',
  },
  'tickets-to-vienna': {
    messages: 1942,
    hash: 'd35b31928a02177f8d9acb9a037b04bc7daf397b8a14c1d2030e5aebb35d016f',
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
