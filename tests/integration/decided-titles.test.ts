/**
 * The titles of the decisions a team took in an earlier phase reach every device of an agency that
 * may see them, from the server: a view lists only the phase's decisions, so a member who joins
 * after the phase moved on (or opens a new browser) has never seen those decisions offered, and
 * would otherwise name the team's decision.made and joint.signed events by their ids. Need to know
 * holds for them as for the events: another team's decisions and another agency's stay out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LogEvent, RoleView } from '@crossroads/shared';
import {
  joinSeat,
  login,
  newStaff,
  openSession,
  publishScenario,
  type SessionClient,
} from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

const SCENARIO = readFileSync(path.join(__dirname, 'support', 'decided-titles-probe.yaml'), 'utf8');

let server: TestServer;
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

/** What a Border Police member of team A who joined after the first phase first received. */
let late: { view: RoleView; events: LogEvent[]; json: string };

beforeAll(async () => {
  server = await startMiniServer();
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  const author = await newStaff(server.url, admin.token, 'author', { author: true });
  await publishScenario(server.url, author.token, SCENARIO);
  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    { scenario: 'decided-titles-probe', teams: 2, timeRatio: 0 },
    clients,
  );
  const seat = async (team: string, role: string, displayName: string) =>
    (await joinSeat(server.url, meta, { displayName, team, role }, clients)).client;
  const police = await seat('team-a', 'police', 'Ana');
  const prosecutor = await seat('team-a', 'prosecutor', 'Petar');
  const policeB = await seat('team-b', 'police', 'Bojan');
  accepted(await facilitator.send('session.start', {}));
  for (const c of [police, prosecutor, policeB])
    await c.until(() => c.view !== null, 5000, 'first view');
  const act = async (
    c: SessionClient,
    name: 'decision.submit' | 'joint.sign',
    payload: { decision: string; option: string },
  ) => {
    const result = accepted(await c.send(name, payload));
    await c.until(() => c.lastSeq >= result.seq, 5000, `own event ${result.seq}`);
  };
  // Team A: the prosecutor's own decision, the plan both sign, then Border Police's first step,
  // which moves the team to the charge.
  await act(prosecutor, 'decision.submit', { decision: 'review', option: 'read_file' });
  await act(prosecutor, 'joint.sign', { decision: 'plan', option: 'together' });
  await act(police, 'joint.sign', { decision: 'plan', option: 'together' });
  await act(police, 'decision.submit', { decision: 'first_step', option: 'hand_over' });
  // Team B's Border Police takes a decision team A never took.
  await act(policeB, 'decision.submit', { decision: 'detour', option: 'wait' });
  await police.until(() => police.view?.phase.id === 'charging', 5000, 'the charge');

  // A second member of team A's Border Police joins now: the first phase is over.
  const second = await seat('team-a', 'police', 'Marko');
  await second.until(() => second.snapshot !== null, 5000, 'the snapshot');
  const snapshot = second.snapshot;
  if (snapshot?.view == null) throw new Error('the late member got no view');
  late = { view: snapshot.view, events: snapshot.events, json: JSON.stringify(snapshot) };
});

it('names the decisions its team took in an earlier phase, with their titles and options', () => {
  // The phase's decisions no longer list them.
  expect(late.view.phase.id).toBe('charging');
  expect(late.view.decisions.map((d) => d.id)).toEqual(['report']);
  // Its events do: the step it took, and the plan it signed.
  const taken = late.events.flatMap((e) =>
    (e.type === 'decision.made' || e.type === 'joint.signed') && e.role === 'police'
      ? [`${e.payload.decision}:${e.payload.option}`]
      : [],
  );
  expect(taken).toEqual(['plan:together', 'first_step:hand_over']);
  const text = (en: string) => ({ en, 'sr-Latn': en });
  expect(late.view.decided).toEqual([
    {
      id: 'plan',
      title: text('TITLE-JOINT-PLAN'),
      options: [{ id: 'together', label: text('LABEL-JOINT-TOGETHER') }],
    },
    {
      id: 'first_step',
      title: text('TITLE-OWN-FIRST-STEP'),
      // The option taken: the only one its event names.
      options: [{ id: 'hand_over', label: text('LABEL-OWN-HAND-OVER') }],
    },
  ]);
});

it('names none of another agency’s decisions nor another team’s', () => {
  for (const marker of [
    // The prosecutor's own decision in team A.
    'TITLE-PROS-ONLY-REVIEW',
    'LABEL-PROS-ONLY-READ',
    // Team B's Border Police took it; team A's never did.
    'TITLE-B-ONLY-DETOUR',
    'LABEL-B-ONLY-WAIT',
  ])
    expect(late.json).not.toContain(marker);
  expect(late.json).toContain('TITLE-OWN-FIRST-STEP');
});
