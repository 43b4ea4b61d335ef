/**
 * What a trainee's view says of a request (Reefer at Horgoš, req_guardian: the border police ask
 * social work for a temporary guardian). Its body, the scenario's words for what it asks, reaches
 * the sender in the send form and the agency addressed on the incoming request, in every language
 * as the title does. Sent again after a refusal, the request keeps the earlier exchange (when sent,
 * when refused, and why) under it on both sides. No other agency of the team gets either.
 */
import { loadCatalogue } from '@crossroads/scenarios/node';
import { roleViewSchema, type LogEvent, type RoleView } from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import type { TeamState, ViewContext } from '../src/catalogue/runtime';

const compiled = loadCatalogue().flatMap((e) =>
  e.ok && e.compiled.id === 'reefer-horgos' ? [e.compiled] : [],
)[0];
if (compiled === undefined) throw new Error('reefer-horgos is not in the catalogue');

const context: ViewContext = {
  team: { id: 't1', name: 'Team 1' },
  settings: {
    feedbackPolicy: 'debrief_only',
    scoresVisibleToTrainees: false,
    timeRatio: 10,
    language: 'en',
  },
  running: true,
  scores: null,
};

const REASON = 'REFUSED-ONCE: say how many children and where they are';
const BODY_EN = 'The border police report boys without parents';

function play(runtime: EngineRuntime, lines: Pick<LogEvent, 'type' | 'role' | 'payload'>[]) {
  let state: TeamState = runtime.initialState('t1');
  lines.forEach((line, i) => {
    const event = {
      seq: i + 1,
      at: new Date(Date.UTC(2026, 11, 5) + i * 1000).toISOString(),
      time: runtime.clock(state),
      team: 't1',
      participant: null,
      ...line,
    } as LogEvent;
    const outcome = runtime.step(state, event);
    if (!outcome.ok) throw new Error(`rejected: ${outcome.message}`);
    state = outcome.state;
  });
  return state;
}

const send = (justification: string) =>
  ({
    type: 'request.sent',
    role: 'border_police',
    payload: { request: 'req_guardian', justification },
  }) as const;
const refuse = {
  type: 'request.answered',
  role: 'social_work',
  payload: { request: 'req_guardian', granted: false, reason: REASON },
} as const;
const tick = (minutes: number) =>
  ({ type: 'clock.ticked', role: null, payload: { minutes } }) as const;

function viewOf(runtime: EngineRuntime, state: TeamState, role: string): RoleView {
  return runtime.view(state, role, context);
}
const guardian = (view: RoleView) => view.requests.find((r) => r.request === 'req_guardian');

describe('the body of a request', () => {
  const runtime = new EngineRuntime(compiled);

  it('is in the send form of the agency that may send it, in every language', () => {
    const view = viewOf(runtime, runtime.initialState('t1'), 'border_police');
    const sendable = view.sendableRequests.find((r) => r.id === 'req_guardian');
    expect(sendable?.body).toMatchObject({
      en: expect.stringContaining(BODY_EN),
      'sr-Latn': expect.stringContaining('Granična policija'),
      mk: expect.stringContaining('Граничната полиција'),
      sq: expect.stringContaining('Policia kufitare'),
      bs: expect.stringContaining('Granična policija'),
    });
  });

  it('is on the request at both ends once sent, and nowhere else in the team', () => {
    const state = play(runtime, [send('Five boys alone at the terminal')]);
    for (const role of ['border_police', 'social_work']) {
      const request = guardian(viewOf(runtime, state, role));
      expect(request?.body).toMatchObject({ en: expect.stringContaining(BODY_EN) });
    }
    for (const role of compiled.playable.filter(
      (r) => r !== 'border_police' && r !== 'social_work',
    )) {
      expect(JSON.stringify(viewOf(runtime, state, role))).not.toContain(BODY_EN);
    }
  });

  it('is part of the shared view contract', () => {
    const state = play(runtime, [send('Five boys alone at the terminal')]);
    const parsed = roleViewSchema.parse(runtime.view(state, 'social_work', context));
    expect(guardian(parsed)?.body).toMatchObject({ en: expect.stringContaining(BODY_EN) });
  });
});

describe('a request sent again after a refusal', () => {
  const runtime = new EngineRuntime(compiled);
  // Sent, refused ten minutes later, sent again ten minutes after that.
  const state = play(runtime, [
    tick(10),
    send('FIRST: boys alone'),
    tick(10),
    refuse,
    tick(10),
    send('SECOND: five boys, 15–17, at the terminal'),
  ]);

  it('shows the earlier refusal and its reason under the new request, on both sides', () => {
    for (const role of ['border_police', 'social_work']) {
      const request = guardian(viewOf(runtime, state, role));
      expect(request).toMatchObject({ status: 'pending', reason: null });
      const sentAt = request?.sentAt ?? 0;
      expect(request?.earlier).toEqual([
        { from: 'border_police', sentAt: sentAt - 20, answeredAt: sentAt - 10, reason: REASON },
      ]);
    }
  });

  it('shows nothing of it to the other agencies of the team', () => {
    for (const role of compiled.playable.filter(
      (r) => r !== 'border_police' && r !== 'social_work',
    )) {
      expect(JSON.stringify(viewOf(runtime, state, role))).not.toContain('REFUSED-ONCE');
    }
  });
});
