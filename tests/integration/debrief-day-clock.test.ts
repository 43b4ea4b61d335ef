import { readFileSync } from 'node:fs';
import {
  debriefEnvelopeSchema,
  reviewLinkSchema,
  type DebriefEnvelope,
  type SessionMeta,
} from '@crossroads/shared';
import {
  api,
  joinSeat,
  openSession,
  type SessionClient,
} from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { MINI_SCENARIO, miniFacilitator, startMiniServer } from './mini-server';
import { accepted } from '../acks';

/*
 * The debrief carries what the live views read the clock by: a scenario that says when Day 1
 * starts gives its sessions' debriefs that start (scenario.startTime, the same as SessionMeta's),
 * so the debrief page, its PDF and its file read "Day 1, 23:55" where trainees and the console did,
 * not "T+00:05". The staff debrief, a trainee's (need-to-know: the start, and nothing else new about
 * the scenario) and a reviewer's all carry it; a scenario without a start gives none.
 */

jest.setTimeout(30_000);

/** The mini scenario under its own id, with Day 1 starting ten minutes before midnight. */
const MINI_BY_DAY = readFileSync(MINI_SCENARIO, 'utf8')
  .replace(/^id: mini-kelebija$/m, 'id: mini-by-day')
  .replace(/^version: 1\.0\.0$/m, "version: 1.0.0\nstartTime: '23:50'");

let server: TestServer;
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

/** Plays a short session of `scenario` (one decision, 15 minutes) to its end, debrief released. */
async function playedSession(scenario: string, facToken: string) {
  const { meta, facilitator } = await openSession(
    server.url,
    facToken,
    { scenario, teams: 1, timeRatio: 0 },
    clients,
  );
  const { joined, client } = await joinSeat(
    server.url,
    meta as SessionMeta,
    { displayName: 'Border officer', team: 'team-a', role: 'border_police' },
    clients,
  );
  accepted(await facilitator.send('session.start', {}));
  await client.until(() => client.view !== null, 5000, 'first view');
  accepted(await facilitator.send('clock.advance', { minutes: 15 }));
  accepted(
    await client.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
  );
  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));
  const path = `/api/sessions/${meta.id}/debrief`;
  const staff = debriefEnvelopeSchema.parse(
    await api(server.url, 'GET', path, undefined, facToken),
  );
  const traineeRaw = await api<DebriefEnvelope>(
    server.url,
    'GET',
    path,
    undefined,
    joined.participantToken,
  );
  const link = reviewLinkSchema.parse(
    await api(server.url, 'POST', `/api/sessions/${meta.id}/review-links`, {}, facToken),
  );
  const review = debriefEnvelopeSchema.parse(
    await api(server.url, 'GET', `/api/reviews/${link.token}`),
  );
  return { meta, staff, traineeRaw, trainee: debriefEnvelopeSchema.parse(traineeRaw), review };
}

it('carries the scenario’s start of Day 1 into every debrief of its sessions, and only that', async () => {
  server = await startMiniServer({ scenarios: { 'mini-by-day.yaml': MINI_BY_DAY } });
  const fac = await miniFacilitator(server);

  const byDay = await playedSession('mini-by-day', fac.token);
  // What the live views read the clock by.
  expect(byDay.meta.scenario.startTime).toBe('23:50');
  for (const envelope of [byDay.staff, byDay.trainee, byDay.review])
    expect(envelope.debrief.scenario.startTime).toBe('23:50');
  expect(byDay.trainee.debrief.recipient).toEqual({ team: 'team-a', role: 'border_police' });
  // The trainee's body says no more about the scenario than the staff's: the start is all that is new.
  expect(Object.keys(byDay.traineeRaw.debrief.scenario).sort()).toEqual(
    ['country', 'id', 'startTime', 'title', 'version'].sort(),
  );
  expect(byDay.traineeRaw.debrief.scenario).toEqual(byDay.staff.debrief.scenario);
  // The moments are the scenario's minutes (the client reads them by the start): the decision,
  // taken after 15 minutes, was Day 2, 00:05 on the trainees' screens.
  const decided = byDay.staff.debrief.teams[0]?.timeline.find((e) => e.type === 'decision.made');
  expect(decided?.time).toBe(15);

  const elapsed = await playedSession('mini-kelebija', fac.token);
  expect(elapsed.meta.scenario.startTime).toBeUndefined();
  for (const envelope of [elapsed.staff, elapsed.trainee, elapsed.review])
    expect(envelope.debrief.scenario).not.toHaveProperty('startTime');
});
