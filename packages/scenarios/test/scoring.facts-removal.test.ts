/**
 * Removals and deaths written as facts only (a person's whereabouts set to `deported` or `deceased`,
 * with no removal act): the legal model must still judge them, and must not forget the obligations
 * that were already overdue when the person left.
 */
import { compile, parseScenario } from '../src';
import { debrief } from '../src/scoring';
import type { TeamDebrief } from '../src/scoring';

const YAML = `
language: 2
id: fence-facts
version: 1.0.0
title: Fence at dawn
summary: A patrol finds people by the border fence.
objectives: [Decide what happens to each person.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 600
timeLimitEnding: shift_over
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: You are the patrol. }
  - { id: hu_police, name: Hungarian police, playable: facilitator, briefing: Facilitator. }
people:
  - { id: farid, name: Farid, kind: migrant, claimedAge: 24, languages: [fa], asylumExpressed: true, smuggled: true }
  - { id: ali, name: Ali, kind: migrant, claimedAge: 30, languages: [ar], smuggled: true, vulnerabilities: [hypothermia] }
phases:
  - id: fence
    title: At the fence
    description: It is cold.
    decisions:
      - id: first
        title: First steps
        prompt: What now?
        agencies: [border_police]
        options:
          - id: care
            label: Blankets and first aid; record the asylum wish
            timeCost: 30
            effects:
              - { act: triage, group: all_people }
              - { act: medical_care, person: ali }
              - { act: register_asylum_intention, person: farid }
              - { end: handled }
          - id: wait
            label: Keep them by the fence and call the Hungarian officers
            timeCost: 60
            effects:
              - { request: take_them }
requests:
  - id: take_them
    title: Ask the Hungarian officers to take the group
    from: [border_police]
    to: hu_police
    durationMinutes: 20
    sendable: false
    grantEffects:
      - { person: farid, set: { whereabouts: deported } }
      - { person: ali, set: { whereabouts: deported } }
      - { end: handed_over }
injects:
  - id: ali_dies
    title: Ali collapses
    body: The doctor pronounces him dead.
    to: [border_police]
    release: facilitator
    effects: [{ person: ali, set: { whereabouts: deceased } }]
endings:
  - { id: handled, title: Report filed, description: The patrol files its report., kind: other }
  - { id: handed_over, title: Taken to Hungary, description: The officers take them through the gate., kind: other }
  - { id: shift_over, title: Shift over, description: The shift ends., kind: other }
`;

function scenario() {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}

type Line = { type: string; team?: string | null; role?: string | null; payload: unknown };
function run(lines: Line[]): TeamDebrief {
  const events = [
    {
      type: 'session.started',
      team: null,
      role: null,
      payload: { scenario: 'fence-facts', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
    },
    ...lines,
    { type: 'session.ended', team: null, role: null, payload: {} },
  ].map((e, i) => ({
    seq: i + 1,
    at: '2026-01-01T00:00:00.000Z',
    participant: e.role ? 'p1' : null,
    team: 't1',
    role: null,
    ...e,
  }));
  const d = debrief(scenario(), events as never);
  const t = d.teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}
const rules = (t: TeamDebrief) => t.items.map((i) => i.ruleId);

describe('removals and deaths stated as facts', () => {
  const pushback: Line[] = [
    {
      type: 'decision.made',
      team: 't1',
      role: 'border_police',
      payload: { decision: 'first', option: 'wait' },
    },
    {
      type: 'request.answered',
      team: 't1',
      role: 'hu_police',
      payload: { request: 'take_them', granted: true, reason: 'ok' },
    },
  ];

  it('people deported with no removal decision on record are a removal without individual examination', () => {
    const t = run(pushback);
    const removal = t.items.filter((i) => i.ruleId === 'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL');
    // One finding for the event, as a removal act naming them both would give.
    expect(removal).toHaveLength(1);
    expect(removal[0]?.persons.slice().sort()).toEqual(['ali', 'farid']);
    expect(t.rightsScore.value).toBeLessThan(50);
  });

  it('first aid overdue before the person was deported is still a finding', () => {
    const t = run(pushback);
    const missed = t.items.find((i) => i.ruleId === 'RIGHTS.LIFE.NO_ASSISTANCE');
    expect(missed?.persons).toEqual(['ali']);
  });

  it('first aid overdue before the person died is still a finding', () => {
    const t = run([
      { type: 'clock.ticked', team: 't1', payload: { minutes: 45 } },
      { type: 'inject.released', team: 't1', payload: { inject: 'ali_dies' } },
    ]);
    const missed = t.items.find((i) => i.ruleId === 'RIGHTS.LIFE.NO_ASSISTANCE');
    expect(missed?.persons).toEqual(['ali']);
  });

  it('a death before the first-aid deadline is not also a missed first aid once the clock passes it', () => {
    const t = run([
      { type: 'clock.ticked', team: 't1', payload: { minutes: 10 } },
      { type: 'inject.released', team: 't1', payload: { inject: 'ali_dies' } },
      { type: 'clock.ticked', team: 't1', payload: { minutes: 45 } },
    ]);
    const missed = t.items.filter((i) => i.ruleId === 'RIGHTS.LIFE.NO_ASSISTANCE');
    expect(missed.flatMap((i) => i.persons)).not.toContain('ali');
  });

  it('the compliant path has neither finding', () => {
    const t = run([
      {
        type: 'decision.made',
        team: 't1',
        role: 'border_police',
        payload: { decision: 'first', option: 'care' },
      },
    ]);
    expect(rules(t)).not.toContain('RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL');
    expect(rules(t)).not.toContain('RIGHTS.LIFE.NO_ASSISTANCE');
    expect(rules(t)).toContain('RIGHTS.LIFE.TRIAGE');
  });
});
