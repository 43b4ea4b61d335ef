/**
 * A course's trends read red lines and missed obligations per agency from each session's debrief. A
 * joint decision's red line is every signing agency's (as the debrief's byAgency counts it), and it is
 * still one red line: in the session's total, in its rule's count and in the team count.
 */
import { compile, debrief, parseScenario, type Debrief } from '@crossroads/scenarios';
import {
  missedObligationCounts,
  redLineCounts,
  scoredRun,
  sessionTrend,
  type SessionFacts,
} from '../src/courses/trends';

const YAML = `
language: 2
id: fence-line
version: 1.0.0
title: The fence line
summary: A boy is found at the fence.
objectives: [Decide together what happens to him.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 900
timeLimitEnding: shift_over
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: You found him. }
  - { id: social_work, name: Centre for Social Work, playable: required, briefing: You are on call for children. }
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: You lead the case. }
people:
  - { id: lina, name: Lina, kind: witness, claimedAge: 14, languages: [ar], vulnerabilities: [child], smuggled: true, accompanied: false }
  - { id: omar, name: Omar, kind: migrant, languages: [ar], vulnerabilities: [injury], smuggled: true }
phases:
  - id: fence
    title: At the fence
    description: The boy is at the fence.
    decisions:
      - id: plan
        title: Lina
        prompt: Both of you sign one plan.
        agencies: [border_police, social_work]
        joint: [border_police, social_work]
        options:
          - id: back
            label: Walk her back through the gate
            timeCost: 20
            effects:
              - { act: pushback, person: lina }
          - id: guardian
            label: A guardian first
            timeCost: 20
            effects:
              - { person: lina, set: { guardian: true } }
      - id: omar_hurt
        title: Omar
        prompt: Omar is bleeding from a cut on the fence.
        agencies: [border_police]
        options:
          - id: first_aid
            label: Give him first aid
            timeCost: 10
            effects:
              - { act: triage, person: omar }
endings:
  - { id: shift_over, title: Shift over, description: The shift ends., kind: other }
`;

function scored(option: 'back' | 'guardian'): Debrief {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const lines = [
    {
      type: 'session.started',
      team: null,
      role: null,
      participant: null,
      payload: { scenario: 'fence-line', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
    },
    {
      type: 'joint.signed',
      team: 't1',
      role: 'border_police',
      participant: 'p-bp',
      payload: { decision: 'plan', option },
    },
    {
      type: 'joint.signed',
      team: 't1',
      role: 'social_work',
      participant: 'p-sw',
      payload: { decision: 'plan', option },
    },
    { type: 'session.ended', team: null, role: null, participant: null, payload: {} },
  ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', ...e }));
  return debrief(compile(r.scenario), lines as never);
}

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';

function facts(session: string, d: Debrief): SessionFacts {
  return {
    session,
    scenario: { id: 'fence-line', version: '1.0.0', title: 'The fence line' },
    createdAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T01:00:00.000Z',
    status: 'ended',
    pinnedRubricVersion: null,
    events: 4,
    run: scoredRun(d),
    knowledge: {
      session,
      check: null,
      respondents: { pre: 0, post: 0 },
      overall: null,
      agencies: [],
    },
  };
}

describe('course trends of a joint decision that crossed a red line', () => {
  const d = scored('back');
  const team = d.teams[0];

  it('is a joint red line in the debrief (the premise)', () => {
    expect(team?.redLines.map((r) => [r.ruleId, r.roles])).toEqual([
      ['RIGHTS.NONREFOULEMENT.PUSHBACK', ['border_police', 'social_work']],
    ]);
  });

  it("counts it for every signing agency, as the debrief's byAgency does", () => {
    const trend = sessionTrend(facts(S1, d));
    const red = (agency: string) => trend.agencies.find((a) => a.agency === agency)?.redLines;
    expect(red('border_police')).toBe(1);
    expect(red('social_work')).toBe(1);
    for (const b of team?.byAgency ?? [])
      expect([b.id, red(b.id) ?? 0]).toEqual([b.id, b.redLines]);
  });

  it('still counts one red line in the session and in its rule, with each signer beside it', () => {
    const trend = sessionTrend(facts(S1, d));
    expect(trend.redLines).toBe(1);
    expect(trend.teamsWithRedLine).toBe(1);
    const counts = redLineCounts([facts(S1, d), facts(S2, scored('guardian'))]);
    expect(counts).toEqual([
      {
        ruleId: 'RIGHTS.NONREFOULEMENT.PUSHBACK',
        title: expect.anything(),
        count: 1,
        sessions: 1,
        agencies: [
          { agency: 'border_police', count: 1 },
          { agency: 'social_work', count: 1 },
        ],
      },
    ]);
  });

  it('counts an obligation nobody discharged once, under the agency that could have', () => {
    // Omar's first aid, which only the Border Police could give, was never given.
    const missed = missedObligationCounts([facts(S1, d)]);
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.flatMap((m) => m.agencies.map((a) => a.agency))).toContain('border_police');
    for (const m of missed) expect(m.agencies.reduce((n, a) => n + a.count, 0)).toBe(m.count);
  });
});
