/**
 * What a trainee's view says of a request (Reefer at Horgoš, req_guardian: the border police ask
 * social work for a temporary guardian). Its body, the scenario's words for what it asks, reaches
 * the sender in the send form and the agency addressed on the incoming request, in every language
 * as the title does. Sent again after a refusal, the request keeps the earlier exchange (when sent,
 * when refused, and why) under it on both sides. No other agency of the team gets either. The staff
 * card of a waiting request carries its body and every earlier exchange. A request refused to one
 * agency (Pashto interpreter: border police) and sent again by another (prosecutor) stays in the first
 * one's view as its own exchange, with nothing of the new one.
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

describe('the staff card of a request waiting for an answer', () => {
  const runtime = new EngineRuntime(compiled);

  it('carries what the request asks and every earlier exchange, whoever sent it', () => {
    const state = play(runtime, [
      tick(10),
      send('FIRST: boys alone'),
      tick(10),
      refuse,
      tick(10),
      send('SECOND: five boys, 15–17, at the terminal'),
    ]);
    const pending = runtime.card(state, context).pendingRequests;
    const guardian = pending.find((r) => r.request === 'req_guardian');
    expect(guardian).toMatchObject({
      body: { en: expect.stringContaining(BODY_EN), mk: expect.stringContaining('Граничната') },
      justification: 'SECOND: five boys, 15–17, at the terminal',
      earlier: [{ from: 'border_police', sentAt: 10, answeredAt: 20, reason: REASON }],
    });
  });

  it('has neither while the request was sent once and has no body', () => {
    const state = play(runtime, [
      {
        type: 'request.sent',
        role: 'border_police',
        payload: { request: 'req_interp_arabic', justification: 'Most of the group speak Arabic' },
      },
    ]);
    const pending = runtime.card(state, context).pendingRequests;
    expect(pending.find((r) => r.request === 'req_interp_arabic')).not.toHaveProperty('body');
    expect(pending.find((r) => r.request === 'req_interp_arabic')).not.toHaveProperty('earlier');
  });
});

describe('a request refused to one agency and sent again by another', () => {
  const runtime = new EngineRuntime(compiled);
  const pashto = (view: RoleView) => view.requests.find((r) => r.request === 'req_interp_pashto');
  // The border police ask for the Pashto interpreter and the interpreter service (played by the
  // facilitator) refuses; then the prosecutor asks for it.
  const refused = [
    tick(5),
    {
      type: 'request.sent',
      role: 'border_police',
      payload: { request: 'req_interp_pashto', justification: 'BP-WHY: two boys speak Pashto' },
    },
    tick(5),
    {
      type: 'request.answered',
      role: null,
      payload: { request: 'req_interp_pashto', granted: false, reason: 'REFUSED-BP: on leave' },
    },
  ] as const;
  const resent = [
    ...refused,
    tick(5),
    {
      type: 'request.sent',
      role: 'prosecutor',
      payload: { request: 'req_interp_pashto', justification: 'PR-WHY-4410: for the hearing' },
    },
  ] as const;

  it('stays in the first sender’s view, its own exchange unchanged, in the shared contract', () => {
    const before = pashto(viewOf(runtime, play(runtime, [...refused]), 'border_police'));
    expect(before).toMatchObject({
      direction: 'outgoing',
      from: 'border_police',
      status: 'refused',
      sentAt: 5,
      answeredAt: 10,
      reason: 'REFUSED-BP: on leave',
      justification: 'BP-WHY: two boys speak Pashto',
      body: { en: expect.stringContaining('The only certified Pashto interpreter') },
    });
    const view = viewOf(runtime, play(runtime, [...resent]), 'border_police');
    expect(pashto(view)).toEqual(before);
    expect(pashto(roleViewSchema.parse(view))).toEqual(before);
    expect(JSON.stringify(view)).not.toContain('PR-WHY-4410');
  });

  it('goes to the staff card with the first sender’s exchange under the new one', () => {
    const card = runtime.card(play(runtime, [...resent]), context);
    expect(card.pendingRequests.find((r) => r.request === 'req_interp_pashto')).toMatchObject({
      from: 'prosecutor',
      justification: 'PR-WHY-4410: for the hearing',
      earlier: [
        { from: 'border_police', sentAt: 5, answeredAt: 10, reason: 'REFUSED-BP: on leave' },
      ],
    });
  });
});
