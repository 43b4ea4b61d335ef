/**
 * Why a request was granted or refused, on the debrief's timeline. The answer's reason (typed by the
 * agency that answered, or by the facilitator answering for one nobody plays) is central to learning
 * from a refusal, so the answer's timeline entry carries it. Need to know: it goes wherever the entry
 * itself goes (the agency that sent the request and the one it was addressed to); an agency of the
 * team that neither sent nor received the request gets the entry as "outside your view", without
 * the reason, and another team's trainee gets nothing of it.
 */
import { debriefSchema } from '@crossroads/shared';
import { compile, needToKnow, parseScenario, replay } from '../src';
import { debrief } from '../src/scoring';
import type { Debrief, TeamDebrief, TimelineEntry } from '../src/scoring';
import { WARRANT_DESK_YAML as YAML } from './fixtures/warrant-desk';

function scenario() {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}

type Line = {
  team: string;
  type: string;
  role: string | null;
  participant: string | null;
  payload: unknown;
};
const send = (team: string, role: string, request: string, justification?: string): Line => ({
  team,
  type: 'request.sent',
  role,
  participant: `${team}-${role}`,
  payload: { request, ...(justification ? { justification } : {}) },
});
const answer = (
  team: string,
  role: string,
  request: string,
  granted: boolean,
  reason: string,
  participant: string | null = `${team}-${role}`,
): Line => ({
  team,
  type: 'request.answered',
  role,
  participant,
  payload: { request, granted, reason },
});

/** Two teams: in t1 a trainee and the console refuse, with reasons; in t2 the console grants. */
function log() {
  const lines: Line[] = [
    send('t1', 'social_work', 'req_interpreter', 'JUSTIFY-T1-SOCIAL'),
    answer('t1', 'prosecutor', 'req_interpreter', false, 'REFUSE-T1-PROS: no budget tonight'),
    send('t1', 'police', 'req_warrant'),
    // The console answers for the judge, whom nobody plays.
    answer('t1', 'judge', 'req_warrant', false, 'REFUSE-T1-JUDGE: no grounds stated', null),
    send('t2', 'police', 'req_warrant'),
    answer('t2', 'judge', 'req_warrant', true, 'GRANT-T2-JUDGE: grounds are clear', null),
    send('t2', 'social_work', 'req_interpreter'),
    answer('t2', 'prosecutor', 'req_interpreter', true, '  '),
  ];
  return [
    {
      team: null,
      type: 'session.started',
      role: null,
      participant: null,
      payload: {
        scenario: 'warrant-desk',
        version: '1.0.0',
        teams: [
          { id: 't1', name: 'T1' },
          { id: 't2', name: 'T2' },
        ],
      },
    },
    ...lines,
    { team: null, type: 'session.ended', role: null, participant: null, payload: {} },
  ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', ...e }));
}

const c = scenario();
const full = (): Debrief => debrief(c, log() as never);
const scoped = (team: string, role: string): Debrief =>
  debrief(c, log() as never, undefined, { recipient: { team, role } });

function team(d: Debrief, id: string): TeamDebrief {
  const t = d.teams.find((x) => x.team === id);
  if (!t) throw new Error(`no team ${id}`);
  expect(t.rejected).toEqual([]);
  return t;
}
const answers = (t: TeamDebrief): TimelineEntry[] =>
  t.timeline.filter((e) => e.type === 'request.answered');
const MARKERS = ['REFUSE-T1-PROS', 'REFUSE-T1-JUDGE', 'GRANT-T2-JUDGE'];
const markersIn = (d: Debrief) => MARKERS.filter((m) => JSON.stringify(d).includes(m));

describe('an answer’s reason on the debrief timeline', () => {
  it('is on the answer’s entry, whether a trainee or the console answered, granted or refused', () => {
    const d = full();
    expect(
      answers(team(d, 't1')).map((e) => [e.seq, e.request, e.label.en, e.role, e.reason]),
    ).toEqual([
      [
        3,
        'req_interpreter',
        'Request refused: An interpreter for the interview',
        'prosecutor',
        'REFUSE-T1-PROS: no budget tonight',
      ],
      [
        5,
        'req_warrant',
        'Request refused: Warrant to search the van',
        'judge',
        'REFUSE-T1-JUDGE: no grounds stated',
      ],
    ]);
    const t2 = answers(team(d, 't2'));
    expect(t2.map((e) => [e.label.en, e.reason])).toEqual([
      ['Request granted: Warrant to search the van', 'GRANT-T2-JUDGE: grounds are clear'],
      // A blank reason is no reason: the field is left out.
      ['Request granted: An interpreter for the interview', undefined],
    ]);
    expect(t2[1]).not.toHaveProperty('reason');
    // Only answers carry one: a request's own entry keeps its justification as before.
    const sent = team(d, 't1').timeline.find((e) => e.type === 'request.sent');
    expect(sent).toMatchObject({ rationale: 'JUSTIFY-T1-SOCIAL' });
    expect(sent).not.toHaveProperty('reason');
  });

  it('is in the wire contract: parsing the debrief keeps it', () => {
    const parsed = debriefSchema.parse(JSON.parse(JSON.stringify(full())));
    expect(parsed.teams[0]?.timeline.filter((e) => e.reason).map((e) => e.reason)).toEqual([
      'REFUSE-T1-PROS: no budget tonight',
      'REFUSE-T1-JUDGE: no grounds stated',
    ]);
  });

  it('reaches the agency that sent the request and the one that answered it', () => {
    const sender = answers(team(scoped('t1', 'social_work'), 't1'));
    expect(sender.map((e) => e.reason)).toEqual(['REFUSE-T1-PROS: no budget tonight']);
    const answerer = answers(team(scoped('t1', 'prosecutor'), 't1'));
    expect(answerer.map((e) => e.reason)).toEqual(['REFUSE-T1-PROS: no budget tonight']);
    // The police sent the warrant request the console refused for the judge.
    const police = answers(team(scoped('t1', 'police'), 't1'));
    expect(police.map((e) => e.reason)).toEqual(['REFUSE-T1-JUDGE: no grounds stated']);
  });

  it('never reaches an agency outside the request, nor another team', () => {
    // Police could have sent the interpreter request but did not: the answer is outside its view.
    const police = scoped('t1', 'police');
    expect(markersIn(police)).toEqual(['REFUSE-T1-JUDGE']);
    const hidden = team(police, 't1').timeline.find((e) => e.seq === 3);
    expect(hidden).toMatchObject({ type: 'hidden', role: null, participant: null });
    expect(hidden).not.toHaveProperty('reason');
    expect(hidden).not.toHaveProperty('request');
    // Social work and the prosecutor had nothing to do with the warrant.
    expect(markersIn(scoped('t1', 'social_work'))).toEqual(['REFUSE-T1-PROS']);
    expect(markersIn(scoped('t1', 'prosecutor'))).toEqual(['REFUSE-T1-PROS']);
    // Team 2's trainees never see team 1's answers, and the reverse.
    for (const role of ['police', 'prosecutor', 'social_work']) {
      expect(markersIn(scoped('t2', role)).filter((m) => m.includes('T1'))).toEqual([]);
      expect(markersIn(scoped('t1', role)).filter((m) => m.includes('T2'))).toEqual([]);
    }
    expect(markersIn(scoped('t2', 'police'))).toEqual(['GRANT-T2-JUDGE']);
  });
});

describe('a request sent again after a refusal', () => {
  // Social work asks, the prosecutor refuses with a reason; then the police send the same request
  // again, and the prosecutor grants it. Each exchange is its agencies' own: the refusal and its
  // reason belong to social work and the prosecutor, the grant to the police and the prosecutor.
  const resent = () =>
    [
      {
        team: null,
        type: 'session.started',
        role: null,
        participant: null,
        payload: { scenario: 'warrant-desk', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
      },
      send('t1', 'social_work', 'req_interpreter', 'JUSTIFY-SOCIAL'),
      answer('t1', 'prosecutor', 'req_interpreter', false, 'REFUSE-SOCIAL: no budget tonight'),
      send('t1', 'police', 'req_interpreter', 'JUSTIFY-POLICE'),
      answer('t1', 'prosecutor', 'req_interpreter', true, 'GRANT-POLICE: budget found'),
      { team: null, type: 'session.ended', role: null, participant: null, payload: {} },
    ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', ...e }));
  const scopedResent = (role: string) =>
    debrief(c, resent() as never, undefined, { recipient: { team: 't1', role } });
  const markers = (d: Debrief) =>
    ['JUSTIFY-SOCIAL', 'REFUSE-SOCIAL', 'JUSTIFY-POLICE', 'GRANT-POLICE'].filter((m) =>
      JSON.stringify(d).includes(m),
    );
  const kinds = (d: Debrief) =>
    team(d, 't1')
      .timeline.filter((e) => e.seq >= 2 && e.seq <= 5)
      .map((e) => [e.seq, e.type, e.reason ?? null]);

  it('the new sender does not see the earlier refusal, nor its reason', () => {
    const police = scopedResent('police');
    expect(markers(police)).toEqual(['JUSTIFY-POLICE', 'GRANT-POLICE']);
    expect(kinds(police)).toEqual([
      [2, 'hidden', null],
      [3, 'hidden', null],
      [4, 'request.sent', null],
      [5, 'request.answered', 'GRANT-POLICE: budget found'],
    ]);
  });

  it('the first sender keeps its own refusal and its reason, and not the later exchange’s', () => {
    const social = scopedResent('social_work');
    expect(markers(social)).toEqual(['JUSTIFY-SOCIAL', 'REFUSE-SOCIAL']);
    expect(kinds(social)).toEqual([
      [2, 'request.sent', null],
      [3, 'request.answered', 'REFUSE-SOCIAL: no budget tonight'],
      [4, 'hidden', null],
      [5, 'hidden', null],
    ]);
  });

  it('the agency that answered both sees both, with both reasons and both justifications', () => {
    // A justification is written for the agency the request is addressed to (as its live request
    // view and live events show it): the prosecutor reads why each sender asked.
    const prosecutor = scopedResent('prosecutor');
    expect(markers(prosecutor)).toEqual([
      'JUSTIFY-SOCIAL',
      'REFUSE-SOCIAL',
      'JUSTIFY-POLICE',
      'GRANT-POLICE',
    ]);
    expect(
      team(prosecutor, 't1')
        .timeline.filter((e) => e.type === 'request.sent')
        .map((e) => [e.seq, e.role, e.rationale]),
    ).toEqual([
      [2, 'social_work', 'JUSTIFY-SOCIAL'],
      [4, 'police', 'JUSTIFY-POLICE'],
    ]);
    expect(kinds(prosecutor)).toEqual([
      [2, 'request.sent', null],
      [3, 'request.answered', 'REFUSE-SOCIAL: no budget tonight'],
      [4, 'request.sent', null],
      [5, 'request.answered', 'GRANT-POLICE: budget found'],
    ]);
  });

  it('the live event filter follows the same rule after the re-sending (catch-up reads the latest state)', () => {
    const log = resent();
    const state = replay(c, log as never).teams.t1;
    if (!state) throw new Error('no state');
    expect(state.requests.req_interpreter?.earlier).toEqual([
      {
        from: 'social_work',
        until: 4,
        sentAt: 0,
        answeredAt: 0,
        reason: 'REFUSE-SOCIAL: no budget tonight',
        // Kept for the sender: its view still shows why it asked (view.ts ownLastExchange).
        justification: 'JUSTIFY-SOCIAL',
      },
    ]);
    const seen = (role: string) =>
      log
        .filter((e) => e.type === 'request.sent' || e.type === 'request.answered')
        .filter((e) => needToKnow(c, state, role).event(e as never))
        .map((e) => e.seq);
    expect(seen('police')).toEqual([4, 5]);
    expect(seen('social_work')).toEqual([2, 3]);
    expect(seen('prosecutor')).toEqual([2, 3, 4, 5]);
  });
});
