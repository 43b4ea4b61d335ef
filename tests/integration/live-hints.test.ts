/**
 * The legal model's findings on a trainee's decision (hints, in a session with feedback `hints`)
 * come from the live scores, which the server recomputes every few seconds off the command path.
 * They reach the trainee as soon as they are recomputed (`session.rescored`), not with the team's
 * next update: here no update follows the decision at all (a time ratio of 0: the clock ticker
 * writes nothing, and nobody else acts), and the hint arrives all the same. The staff's card of the
 * team follows in the same way. A decision brings the recomputation forward (a fifth of a second
 * after it), so at the default time ratio the hint follows the ack within a second, right after the
 * briefing (when the session's next score slot is furthest) as later.
 */
import {
  joinSeat,
  login,
  openSession,
  SessionClient,
} from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import { LEAD, useCatalogueServer } from './support/catalogue-play';

/** How long a decision's hint may take to reach the deciding trainee after its ack (real ms). */
const HINT_WITHIN_MS = 1000;

jest.setTimeout(60_000);

const play = useCatalogueServer();

/**
 * A one-team Horgoš session with feedback `hints` (and `timeRatio` when given), its facilitator's
 * console and one border police trainee connected, started, the trainee holding its first view.
 */
async function startedWithTrainee(timeRatio?: number) {
  const server = play.server();
  const lead = await login(server.url, LEAD.username, LEAD.password);
  const { meta, facilitator } = await openSession(
    server.url,
    lead.token,
    {
      scenario: 'reefer-horgos',
      teams: 1,
      feedbackPolicy: 'hints',
      ...(timeRatio === undefined ? {} : { timeRatio }),
    },
    play.clients,
  );
  const { client: trainee } = await joinSeat(
    server.url,
    meta,
    { displayName: 'Ana', role: 'border_police' },
    play.clients,
  );
  await trainee.until(() => trainee.snapshot !== null, 5000, 'snapshot');
  accepted(await facilitator.send('session.start', {}), 'session.start');
  await trainee.until(() => trainee.view !== null, 5000, 'the view');
  return { server, lead, meta, facilitator, trainee };
}

it('pushes the hint on a decision to the deciding trainee without any further command or tick', async () => {
  const { server, lead, meta, facilitator, trainee } = await startedWithTrainee(0);
  const decision = trainee.view?.decisions.find((d) => d.enabled && !d.joint);
  const option = decision?.options.find((o) => o.enabled);
  if (!decision || !option) throw new Error('the border police have no decision to take');
  const ack = accepted(
    await trainee.send('decision.submit', {
      decision: decision.id,
      option: option.id,
      rationale: 'Open and ventilate first.',
      confidence: 3,
    }),
    'decision.submit',
  );
  await trainee.until(() => trainee.lastSeq >= ack.seq, 5000, 'the decision’s update');
  await facilitator.until(() => facilitator.lastSeq >= ack.seq, 5000, 'the staff’s update');
  const rescoredBefore = { trainee: trainee.rescored, staff: facilitator.rescored };

  // At most a score period (5 s) and half of one after the last computation: well within this.
  await trainee.until(
    () => trainee.view?.hints.some((h) => h.seq === ack.seq) ?? false,
    15_000,
    'the hint on the decision',
  );
  const hint = trainee.view?.hints.find((h) => h.seq === ack.seq);
  expect(hint).toMatchObject({ decision: decision.id, option: option.id });
  expect(hint?.findings.length).toBeGreaterThan(0);
  // It came with no event: nothing was written since the decision, and no update arrived.
  expect(trainee.rescored).toBeGreaterThan(rescoredBefore.trainee);
  expect(trainee.lastSeq).toBe(ack.seq);
  expect(trainee.viewMismatches).toBe(0);

  // The staff's card of the team: as a console connecting now gets it.
  await facilitator.until(
    () => facilitator.rescored > rescoredBefore.staff,
    15_000,
    'the staff’s rescored card',
  );
  expect(facilitator.cardMismatches).toBe(0);
  const fresh = new SessionClient(server.url, { kind: 'facilitator', token: lead.token }, meta.id);
  play.clients.push(fresh);
  await fresh.until(() => fresh.snapshot !== null, 5000, 'snapshot');
  expect([...facilitator.cards.values()]).toEqual([...fresh.cards.values()]);
  expect(facilitator.lastSeq).toBe(ack.seq);
});

it('brings the hint within a second of the ack at the default time ratio, right after the start as later', async () => {
  const { meta, trainee } = await startedWithTrainee();
  expect(meta.settings.timeRatio).toBe(10);

  /** Takes decision `id` (its first open option): ms from the ack until the trainee holds its hint. */
  const hintDelay = async (id: string): Promise<number> => {
    const decision = trainee.view?.decisions.find((d) => d.id === id && d.enabled);
    const option = decision?.options.find((o) => o.enabled);
    if (!decision || !option) throw new Error(`the border police cannot take ${id} now`);
    const ack = accepted(
      await trainee.send('decision.submit', {
        decision: decision.id,
        option: option.id,
        rationale: 'As we were trained.',
        confidence: 3,
      }),
      'decision.submit',
    );
    const acked = Date.now();
    await trainee.until(
      () => trainee.view?.hints.some((h) => h.seq === ack.seq) ?? false,
      15_000,
      `the hint on ${id}`,
    );
    return Date.now() - acked;
  };

  // Right after the briefing: the session's scores were computed at the start, and before, its
  // next score slot was 2.5 to 7.5 s away.
  expect(await hintDelay('d_open')).toBeLessThan(HINT_WITHIN_MS);
  // Later, at a moment the session's slots did not choose.
  await new Promise((resolve) => setTimeout(resolve, 1300));
  expect(await hintDelay('d_sort')).toBeLessThan(HINT_WITHIN_MS);
  expect(trainee.viewMismatches).toBe(0);
});
