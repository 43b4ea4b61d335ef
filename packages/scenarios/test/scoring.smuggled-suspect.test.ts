/**
 * A smuggled migrant whom the police treat as a suspect (he held the GPS phone): the person's kind is
 * the author's label for how the case sees him, `smuggled: true` is the fact. Charging him with
 * smuggling without assessing his role is the R26 breach whatever his kind.
 */
import { compile, parseScenario } from '../src';
import { debrief } from '../src/scoring';
import type { TeamDebrief } from '../src/scoring';

const YAML = `
language: 2
id: gps-boy
version: 1.0.0
title: The boy with the GPS
summary: A passenger read the route to the driver.
objectives: [Decide whom to charge.]
durationMinutes: 30
languages: [en]
agencies:
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: You charge. }
people:
  - { id: driver, name: The driver, kind: suspect, languages: [sr] }
  - { id: karim, name: Karim, kind: suspect, claimedAge: 25, languages: [sr], smuggled: true }
phases:
  - id: charging
    title: Charging
    description: Decide.
    decisions:
      - id: assess
        title: Hear Karim
        prompt: With a lawyer?
        agencies: [prosecutor]
        options:
          - id: hear
            label: Hear him as a suspect with a lawyer
            timeCost: 30
            effects:
              - act: interview
                person: karim
                params: { purpose: suspect, interpreter: not_needed, lawyerPresent: true, caution: true }
      - id: charge
        title: Charge
        prompt: Whom?
        agencies: [prosecutor]
        options:
          - id: both
            label: Charge the driver and Karim
            timeCost: 10
            effects:
              - { act: charge, persons: [driver, karim], params: { offence: smuggling } }
              - { end: done }
endings:
  - { id: done, title: Charged, description: Charges filed., kind: other }
`;

function run(options: string[]): TeamDebrief {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const events = [
    {
      type: 'session.started',
      team: null,
      role: null,
      participant: null,
      payload: { scenario: 'gps-boy', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
    },
    ...options.map((o) => {
      const [decision, option] = o.split('/');
      return {
        type: 'decision.made',
        team: 't1',
        role: 'prosecutor',
        participant: 'p1',
        payload: { decision, option },
      };
    }),
  ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', ...e }));
  const t = debrief(compile(r.scenario), events as never).teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}

describe('a smuggled person labelled as a suspect', () => {
  it('charged with smuggling without a role assessment: passenger charged (the driver is not)', () => {
    const t = run(['charge/both']);
    const hits = t.items.filter((i) => i.ruleId === 'RIGHTS.STATUS.PASSENGER_CHARGED');
    expect([...new Set(hits.flatMap((i) => i.persons))]).toEqual(['karim']);
  });
  it('heard with a lawyer first: role assessed, no breach', () => {
    const t = run(['assess/hear', 'charge/both']);
    const ids = t.items.map((i) => i.ruleId);
    expect(ids).not.toContain('RIGHTS.STATUS.PASSENGER_CHARGED');
    expect([
      ...new Set(
        t.items
          .filter((i) => i.ruleId === 'EVIDENCE.STATUS.ROLE_ASSESSED')
          .flatMap((i) => i.persons),
      ),
    ]).toEqual(['karim']);
  });
  it('the safeguarded hearing is described by what the log shows: cautioned and a lawyer, not "recorded"', () => {
    const t = run(['assess/hear', 'charge/both']);
    const heard = t.items.filter((i) => i.ruleId === 'EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW');
    expect(heard.length).toBeGreaterThan(0);
    for (const i of heard) {
      expect(i.detail.en).toContain('lawyer present');
      expect(i.detail.en).not.toContain('recorded');
    }
  });
});
