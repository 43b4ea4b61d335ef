/**
 * An acute illness stated as a fact (heavy bleeding in pregnancy, a collapse, unconsciousness, labour):
 * the person is owed first aid and triage at once, as an injured or hypothermic one is, and medical
 * care after it. Pregnancy alone is owed medical care only.
 */
import { compile, parseScenario } from '../src';
import { debrief } from '../src/scoring';
import type { TeamDebrief } from '../src/scoring';

const YAML = `
language: 2
id: riverbank-illness
version: 1.0.0
title: Riverbank at night
summary: A patrol finds people on a riverbank.
objectives: [Decide what happens to each person.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 600
timeLimitEnding: shift_over
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: You are the patrol. }
people:
  - { id: nadia, name: Nadia, kind: migrant, claimedAge: 26, languages: [ur], smuggled: true, vulnerabilities: [pregnancy, acute_illness] }
  - { id: omar, name: Omar, kind: migrant, claimedAge: 50, languages: [ar], smuggled: true, vulnerabilities: [acute_illness] }
  - { id: lina, name: Lina, kind: migrant, claimedAge: 30, languages: [ar], smuggled: true, vulnerabilities: [pregnancy] }
  - { id: hadi, name: Hadi, kind: migrant, claimedAge: 35, languages: [ar], smuggled: true, vulnerabilities: [injury] }
  - { id: samir, name: Samir, kind: migrant, claimedAge: 40, languages: [ar], smuggled: true, vulnerabilities: [acute_illness], hidden: [vulnerabilities] }
phases:
  - id: bank
    title: On the bank
    description: It is dark.
    decisions:
      - id: first
        title: First steps
        prompt: What now?
        agencies: [border_police]
        options:
          - id: care
            label: Check everyone and give first aid
            timeCost: 10
            effects:
              - { act: triage, group: all_people }
          - id: wait
            label: Wait for the duty officer
            timeCost: 60
            effects: []
      - id: second
        title: Then
        prompt: And now?
        agencies: [border_police]
        options:
          - id: hospital
            label: Take them to the hospital
            timeCost: 10
            effects:
              - { act: medical_care, group: all_people }
              - { end: handled }
          - id: station
            label: Take them to the station
            timeCost: 10
            effects:
              - { end: handled }
endings:
  - { id: handled, title: Report filed, description: The patrol files its report., kind: other }
  - { id: shift_over, title: Shift over, description: The shift ends., kind: other }
`;

function scenario() {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}

function run(first: 'care' | 'wait', second: 'hospital' | 'station'): TeamDebrief {
  const lines = [
    { decision: 'first', option: first },
    { decision: 'second', option: second },
  ];
  const events = [
    {
      type: 'session.started',
      team: null,
      role: null,
      payload: {
        scenario: 'riverbank-illness',
        version: '1.0.0',
        teams: [{ id: 't1', name: 'T1' }],
      },
    },
    ...lines.map((payload) => ({
      type: 'decision.made',
      team: 't1',
      role: 'border_police',
      payload,
    })),
    { type: 'session.ended', team: null, role: null, payload: {} },
  ].map((e, i) => ({
    seq: i + 1,
    at: '2026-01-01T00:00:00.000Z',
    participant: e.role ? 'p1' : null,
    ...e,
  }));
  const d = debrief(scenario(), events as never);
  const t = d.teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}

const persons = (t: TeamDebrief, rule: string) =>
  t.items
    .filter((i) => i.ruleId === rule)
    .flatMap((i) => i.persons)
    .sort();

describe('an acute illness stated as a fact', () => {
  it('is owed first aid at once, as an injury is: never given, it is a missed first aid', () => {
    const t = run('wait', 'station');
    expect(persons(t, 'RIGHTS.LIFE.NO_ASSISTANCE')).toEqual(['hadi', 'nadia', 'omar']);
  });

  it('first aid after an hour is late, as for an injury', () => {
    const t = run('wait', 'hospital');
    expect(persons(t, 'RIGHTS.LIFE.TRIAGE_LATE')).toEqual(['hadi', 'nadia', 'omar']);
  });

  it('is owed only once the team knows of it: a hidden illness triggers nothing', () => {
    for (const t of [run('wait', 'station'), run('care', 'station')])
      for (const rule of [
        'RIGHTS.LIFE.NO_ASSISTANCE',
        'RIGHTS.LIFE.TRIAGE',
        'RIGHTS.MEDICAL.DENIED',
      ])
        expect(persons(t, rule)).not.toContain('samir');
  });

  it('is discharged by triage, as an injury is', () => {
    const t = run('care', 'hospital');
    expect(persons(t, 'RIGHTS.LIFE.NO_ASSISTANCE')).toEqual([]);
    expect(persons(t, 'RIGHTS.LIFE.TRIAGE')).toEqual(['hadi', 'nadia', 'omar']);
  });

  it('is owed medical care, with or without pregnancy', () => {
    expect(persons(run('care', 'station'), 'RIGHTS.MEDICAL.DENIED')).toEqual([
      'hadi',
      'lina',
      'nadia',
      'omar',
    ]);
    expect(persons(run('care', 'hospital'), 'RIGHTS.MEDICAL.DENIED')).toEqual([]);
  });
});
