/**
 * A request sent again after a refusal keeps its earlier exchanges in the agencies' views: each
 * earlier exchange (when it was sent, when and why it was refused) is listed under the request, to
 * exactly the agencies that may see it (visibility.ts `exchange`: the agency addressed sees every
 * exchange; a sender, the ones it sent), as the debrief does. An agency whose refused exchange
 * another agency followed keeps the request in its list, as its own exchanges show it.
 */
import { compile, parseScenario, replay, viewCache, viewFor } from '../src';
import type { TeamState } from '../src';
import { WARRANT_DESK_YAML as YAML } from './fixtures/warrant-desk';

function scenario() {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}
const c = scenario();

const send = (role: string, request: string, justification: string) => ({
  team: 't1',
  type: 'request.sent',
  role,
  participant: `t1-${role}`,
  payload: { request, justification },
});
const answer = (role: string, request: string, granted: boolean, reason: string) => ({
  team: 't1',
  type: 'request.answered',
  role,
  participant: `t1-${role}`,
  payload: { request, granted, reason },
});
const tick = (minutes: number) => ({
  team: 't1',
  type: 'clock.ticked',
  role: null,
  participant: null,
  payload: { minutes },
});

function stateAfter(lines: object[]): TeamState {
  const log = [
    {
      team: null,
      type: 'session.started',
      role: null,
      participant: null,
      payload: { scenario: 'warrant-desk', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
    },
    ...lines,
  ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', ...e }));
  const state = replay(c, log as never).teams.t1;
  if (!state) throw new Error('no state');
  return state;
}

const interpreter = (state: TeamState, role: string | null) =>
  viewFor(c, state, role).requests.find((r) => r.id === 'req_interpreter');

describe('a request sent again after a refusal, in the live views', () => {
  // Police ask at 0:05 and are refused at 0:07; they ask again at 0:12.
  const state = stateAfter([
    tick(5),
    send('police', 'req_interpreter', 'JUSTIFY-1'),
    tick(2),
    answer('prosecutor', 'req_interpreter', false, 'REFUSE-1: no budget tonight'),
    tick(5),
    send('police', 'req_interpreter', 'JUSTIFY-2'),
  ]);
  const round = { from: 'police', sentAt: 5, answeredAt: 7, reason: 'REFUSE-1: no budget tonight' };

  it('shows the sender and the agency addressed the earlier refusal under the new request', () => {
    for (const role of ['police', 'prosecutor']) {
      const r = interpreter(state, role);
      expect(r).toMatchObject({ status: 'pending', sentAt: 12, reason: null });
      expect(r?.earlier).toEqual([round]);
    }
    expect(interpreter(state, null)?.earlier).toEqual([round]);
  });

  it('shows nothing of it to the other agencies of the team', () => {
    for (const role of ['social_work', 'judge']) {
      expect(JSON.stringify(viewFor(c, state, role))).not.toContain('REFUSE-1');
    }
  });

  it('is the same in the cached views', () => {
    const view = viewCache(c);
    for (const role of ['police', 'prosecutor', 'social_work'])
      expect(view(state, role)).toEqual(viewFor(c, state, role));
  });
});

describe('a request another agency sends again', () => {
  // Social work asks and is refused; the police ask and are refused; the police ask again.
  const state = stateAfter([
    send('social_work', 'req_interpreter', 'JUSTIFY-SOCIAL'),
    answer('prosecutor', 'req_interpreter', false, 'REFUSE-SOCIAL'),
    tick(3),
    send('police', 'req_interpreter', 'JUSTIFY-POLICE'),
    tick(1),
    answer('prosecutor', 'req_interpreter', false, 'REFUSE-POLICE'),
    send('police', 'req_interpreter', 'JUSTIFY-POLICE-AGAIN'),
  ]);

  it('the agency addressed sees every earlier exchange, oldest first', () => {
    expect(interpreter(state, 'prosecutor')?.earlier).toEqual([
      { from: 'social_work', sentAt: 0, answeredAt: 0, reason: 'REFUSE-SOCIAL' },
      { from: 'police', sentAt: 3, answeredAt: 4, reason: 'REFUSE-POLICE' },
    ]);
  });

  it('a sender sees only the exchanges it sent', () => {
    expect(interpreter(state, 'police')?.earlier).toEqual([
      { from: 'police', sentAt: 3, answeredAt: 4, reason: 'REFUSE-POLICE' },
    ]);
    expect(JSON.stringify(viewFor(c, state, 'police'))).not.toContain('REFUSE-SOCIAL');
  });

  it('a request sent once has no earlier exchanges', () => {
    const once = stateAfter([send('police', 'req_interpreter', 'JUSTIFY')]);
    expect(interpreter(once, 'police')).not.toHaveProperty('earlier');
    expect(interpreter(once, 'prosecutor')).not.toHaveProperty('earlier');
  });
});

describe('a request refused to one agency and sent again by another', () => {
  // Social work asks at 0:00 and is refused at 0:02; the police ask again at 0:05.
  const refused = [
    send('social_work', 'req_interpreter', 'JUSTIFY-SOCIAL'),
    tick(2),
    answer('prosecutor', 'req_interpreter', false, 'REFUSE-SOCIAL'),
    tick(3),
  ];
  const before = interpreter(stateAfter(refused), 'social_work');
  const resent = [...refused, send('police', 'req_interpreter', 'JUSTIFY-POLICE')];
  const state = stateAfter(resent);

  it('stays in the first sender’s view as its own exchange: what it sent, refused, and why', () => {
    expect(before).toMatchObject({
      direction: 'sent',
      from: 'social_work',
      status: 'refused',
      sentAt: 0,
      answeredAt: 2,
      reason: 'REFUSE-SOCIAL',
      justification: 'JUSTIFY-SOCIAL',
    });
    expect(interpreter(state, 'social_work')).toEqual(before);
  });

  it('tells the first sender nothing of the other agency’s exchange, answered or not', () => {
    const answered = stateAfter([
      ...resent,
      tick(4),
      answer('prosecutor', 'req_interpreter', false, 'REFUSE-POLICE'),
    ]);
    for (const s of [state, answered]) {
      expect(interpreter(s, 'social_work')).toEqual(before);
      const text = JSON.stringify(viewFor(c, s, 'social_work'));
      for (const marker of ['JUSTIFY-POLICE', 'REFUSE-POLICE']) expect(text).not.toContain(marker);
    }
  });

  it('shows the first sender, sending it again, its own earlier exchanges and no other', () => {
    const again = stateAfter([
      ...resent,
      answer('prosecutor', 'req_interpreter', false, 'REFUSE-POLICE'),
      tick(1),
      send('social_work', 'req_interpreter', 'JUSTIFY-SOCIAL-AGAIN'),
    ]);
    expect(interpreter(again, 'social_work')).toMatchObject({
      from: 'social_work',
      status: 'pending',
      justification: 'JUSTIFY-SOCIAL-AGAIN',
      earlier: [{ from: 'social_work', sentAt: 0, answeredAt: 2, reason: 'REFUSE-SOCIAL' }],
    });
    expect(JSON.stringify(viewFor(c, again, 'social_work'))).not.toContain('POLICE');
  });

  it('leaves the new sender, the agency addressed and the facilitator as they were', () => {
    expect(interpreter(state, 'police')).toMatchObject({ from: 'police', status: 'pending' });
    expect(interpreter(state, 'police')).not.toHaveProperty('earlier');
    for (const role of ['prosecutor', null])
      expect(interpreter(state, role)?.earlier).toEqual([
        { from: 'social_work', sentAt: 0, answeredAt: 2, reason: 'REFUSE-SOCIAL' },
      ]);
    expect(interpreter(state, 'judge')).toBeUndefined();
  });

  it('is the same in the cached views', () => {
    const view = viewCache(c);
    const slot = {};
    for (const s of [stateAfter(refused), state])
      for (const role of ['police', 'prosecutor', 'social_work', 'judge'])
        expect(view(s, role, slot)).toEqual(viewFor(c, s, role));
  });
});
