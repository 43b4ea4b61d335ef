/**
 * Who a request's answer is attributed to. A request granted from the console (the facilitator answering
 * for an agency nobody plays) carried out what the requesting agency asked for: its points are the
 * requester's, never the played agency's. A request granted by trainees is the work of both the agency
 * that asked and the agency that granted. A refusal is the refuser's choice: a trainee's refusal is
 * theirs, the console's is nobody's (like an inject). And every trainee who signed a joint decision is
 * responsible for it in byParticipant, as every signing agency is in byAgency.
 */
import { compile, parseScenario } from '../src';
import { debrief, renderDebriefText } from '../src/scoring';
import type { ScoredItem, TeamDebrief } from '../src/scoring';

const YAML = `
language: 2
id: river-bank
version: 1.0.0
title: The river bank
summary: A group is found on the bank; the agencies ask each other for help.
objectives: [Work out what each person needs.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 900
timeLimitEnding: shift_over
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: You found the group. }
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: You lead the case. }
  - { id: social_work, name: Centre for Social Work, playable: required, briefing: You are on call for children. }
  - { id: cso, name: Legal aid CSO, playable: optional, briefing: You give legal aid. }
  - { id: foreign_police, name: Foreign police, playable: facilitator, briefing: The neighbour's police. }
  - { id: ems, name: Ambulance, playable: facilitator, briefing: The ambulance service. }
  - { id: banks, name: Banks, playable: facilitator, briefing: Banks and money-transfer operators. }
people:
  - { id: driver, name: The driver, kind: suspect, languages: [sr] }
  - { id: omar, name: Omar, kind: witness, languages: [ar], smuggled: true }
  - { id: rahim, name: Rahim, kind: witness, languages: [ar], smuggled: true, vulnerabilities: [hypothermia] }
  - { id: lina, name: Lina, kind: witness, claimedAge: 14, languages: [ar], vulnerabilities: [child], smuggled: true, accompanied: false }
evidence:
  - { id: cash, title: Cash found on the driver, kind: physical, element: [benefit], source: driver, independentSource: cash, visibleTo: [border_police, prosecutor] }
  - { id: transfers, title: Money transfers to the driver, kind: document, element: [benefit], source: driver, independentSource: transfers, visibleTo: [border_police, prosecutor] }
phases:
  - id: bank
    title: On the bank
    description: Everyone is on the bank.
    decisions:
      - id: search
        title: The driver
        prompt: Search him.
        agencies: [border_police]
        options:
          - id: pockets
            label: Search his pockets
            timeCost: 15
            effects:
              - evidence: cash
                by: border_police
                obtained: { order: none, interpreter: not_needed, consent: not_needed, custody: kept }
      - id: lina_plan
        title: Lina
        prompt: Both of you sign one plan.
        agencies: [border_police, social_work]
        joint: [border_police, social_work]
        options:
          - id: cell
            label: Keep her in the cell for the night
            timeCost: 20
            effects:
              - { person: lina, set: { whereabouts: in_custody } }
          - id: guardian
            label: A guardian first
            timeCost: 20
            effects:
              - { person: lina, set: { guardian: true } }
          - id: back
            label: Walk her back to the river
            timeCost: 20
            effects:
              - { act: pushback, person: lina }
requests:
  - id: req_handover
    title: Take Omar back across the river
    from: [border_police]
    to: foreign_police
    durationMinutes: 10
    grantEffects:
      - { act: handover_foreign, person: omar }
  - id: req_ems
    title: Ambulance for Rahim
    from: [border_police]
    to: ems
    durationMinutes: 10
    grantEffects:
      - { act: medical_care, person: rahim }
      - { person: rahim, set: { whereabouts: hospital } }
    refuseEffects:
      - { act: keep_inside_vehicle, person: rahim }
  - id: req_money
    title: Transfers to the driver
    from: [prosecutor]
    to: banks
    durationMinutes: 10
    grantEffects:
      - evidence: transfers
        obtained: { order: prosecutor, interpreter: not_needed, consent: not_needed, custody: kept }
  - id: req_access
    title: Access to the people on the bank
    from: [cso]
    to: border_police
    durationMinutes: 5
    grantEffects:
      - { act: cso_access, params: { allowed: true } }
    refuseEffects:
      - { act: cso_access, params: { allowed: false } }
endings:
  - { id: shift_over, title: Shift over, description: The shift ends., kind: other }
`;

function scenario() {
  const r = parseScenario(YAML, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}

type Line = {
  type: string;
  role: string | null;
  participant: string | null;
  payload: unknown;
};
const START: Line = {
  type: 'session.started',
  role: null,
  participant: null,
  payload: { scenario: 'river-bank', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
};
function run(lines: Line[]): TeamDebrief {
  const events = [
    START,
    ...lines,
    { type: 'session.ended', role: null, participant: null, payload: {} },
  ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', team: 't1', ...e }));
  const d = debrief(scenario(), events as never);
  const t = d.teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}

const send = (role: string, participant: string, request: string): Line => ({
  type: 'request.sent',
  role,
  participant,
  payload: { request },
});
/** An answer from the console: the facilitator answering for an agency nobody plays. */
const fromConsole = (to: string, request: string, granted: boolean): Line => ({
  type: 'request.answered',
  role: to,
  participant: null,
  payload: { request, granted },
});
const byTrainee = (to: string, participant: string, request: string, granted: boolean): Line => ({
  type: 'request.answered',
  role: to,
  participant,
  payload: { request, granted },
});
const decide = (role: string, participant: string, decision: string, option: string): Line => ({
  type: 'decision.made',
  role,
  participant,
  payload: { decision, option },
});
const sign = (role: string, participant: string, option: string): Line => ({
  type: 'joint.signed',
  role,
  participant,
  payload: { decision: 'lina_plan', option },
});

/** Items the event at `seq` caused (not obligations it triggered and nobody discharged). */
const causedBy = (t: TeamDebrief, seq: number): ScoredItem[] =>
  t.items.filter((i) => i.causedBySeq === seq && !i.undischarged);
const agencyIds = (t: TeamDebrief) => t.byAgency.map((b) => b.id);

describe('a request granted from the console', () => {
  it('charges a hand-over the border police asked for to the border police, not to the foreign police that took them', () => {
    const t = run([
      send('border_police', 'p-bp', 'req_handover'),
      fromConsole('foreign_police', 'req_handover', true),
    ]);
    const handover = causedBy(t, 3).find((i) => i.ruleId === 'RIGHTS.NONREFOULEMENT.HANDOVER');
    expect(handover).toMatchObject({ role: 'border_police', participant: 'p-bp' });
    expect(handover?.roles).toBeUndefined();
    expect(t.redLines.map((r) => [r.ruleId, r.role, r.participant])).toEqual([
      ['RIGHTS.NONREFOULEMENT.HANDOVER', 'border_police', 'p-bp'],
    ]);
    expect(agencyIds(t)).not.toContain('foreign_police');
    expect(t.byAgency.find((b) => b.id === 'border_police')?.redLines).toBe(1);
    expect(t.byParticipant.find((b) => b.id === 'p-bp')?.redLines).toBe(1);
    expect(t.byParticipant.map((b) => b.id)).not.toContain('(none)');
  });

  it('credits the care the ambulance gave to the agency that called it', () => {
    const t = run([send('border_police', 'p-bp', 'req_ems'), fromConsole('ems', 'req_ems', true)]);
    const care = causedBy(t, 3);
    expect(care.map((i) => i.ruleId)).toEqual(
      expect.arrayContaining(['RIGHTS.LIFE.TRIAGE', 'RIGHTS.MEDICAL.CARE']),
    );
    for (const i of care)
      expect([i.ruleId, i.role, i.participant]).toEqual([i.ruleId, 'border_police', 'p-bp']);
    expect(agencyIds(t)).not.toContain('ems');
  });

  it('gives the proof of profit the bank records completed to the prosecutor who ordered them', () => {
    const t = run([
      decide('border_police', 'p-bp', 'search', 'pockets'),
      send('prosecutor', 'p-pr', 'req_money'),
      fromConsole('banks', 'req_money', true),
    ]);
    const proven = t.items.find((i) => i.ruleId === 'EVIDENCE.PROFIT.PROVEN');
    expect(proven?.causedBySeq).toBe(4);
    expect(proven).toMatchObject({ role: 'prosecutor', participant: 'p-pr' });
    expect(agencyIds(t)).not.toContain('banks');
  });

  it("makes a refusal's consequences nobody's: the console's answer is no trainee's choice", () => {
    const t = run([send('border_police', 'p-bp', 'req_ems'), fromConsole('ems', 'req_ems', false)]);
    const kept = causedBy(t, 3).find((i) => i.ruleId === 'RIGHTS.LIFE.KEPT_INSIDE');
    expect(kept).toMatchObject({ role: null, participant: null });
    expect(agencyIds(t)).not.toContain('ems');
  });
});

describe('a request answered by trainees', () => {
  it('makes the agency that asked and the agency that granted both responsible, counted once in the team score', () => {
    const t = run([
      send('cso', 'p-cso', 'req_access'),
      byTrainee('border_police', 'p-bp', 'req_access', true),
    ]);
    const access = causedBy(t, 3).find((i) => i.ruleId === 'RIGHTS.CSO.ACCESS');
    expect(access).toMatchObject({
      role: 'border_police',
      roles: ['cso', 'border_police'],
      participant: 'p-bp',
      participants: ['p-cso', 'p-bp'],
    });
    for (const id of ['cso', 'border_police'])
      expect(t.byAgency.find((b) => b.id === id)?.rights).toBe(access?.points);
    for (const id of ['p-cso', 'p-bp'])
      expect(t.byParticipant.find((b) => b.id === id)?.rights).toBe(access?.points);
    const counted = t.items.filter((i) => i.counted && i.axis === 'rights');
    expect(t.rightsScore.points).toBe(counted.reduce((a, i) => a + i.points, 0));
  });

  it('leaves a refusal to the agency that refused', () => {
    const t = run([
      send('cso', 'p-cso', 'req_access'),
      byTrainee('border_police', 'p-bp', 'req_access', false),
    ]);
    const barred = causedBy(t, 3).find((i) => i.ruleId === 'RIGHTS.CSO.BARRED');
    expect(barred).toMatchObject({ role: 'border_police', participant: 'p-bp' });
    expect(barred?.roles).toBeUndefined();
    expect(barred?.participants).toBeUndefined();
    expect(t.byParticipant.map((b) => b.id)).not.toContain('p-cso');
  });
});

describe('a joint decision in byParticipant', () => {
  it('makes every trainee who signed responsible for its points, counted once in the team score', () => {
    const t = run([sign('border_police', 'p-bp', 'cell'), sign('social_work', 'p-sw', 'cell')]);
    const plan = causedBy(t, 3);
    const detention = plan.find((i) => i.ruleId === 'RIGHTS.CHILD.DETENTION');
    expect(detention).toMatchObject({
      roles: ['border_police', 'social_work'],
      participant: 'p-sw',
      participants: ['p-bp', 'p-sw'],
    });
    const sum = (axis: 'evidence' | 'rights') =>
      plan.filter((i) => i.counted && i.axis === axis).reduce((a, i) => a + i.points, 0);
    for (const p of ['p-bp', 'p-sw']) {
      const b = t.byParticipant.find((x) => x.id === p);
      expect(b).toMatchObject({ rights: sum('rights'), evidence: sum('evidence') });
      expect(b?.items).toBe(plan.length);
    }
    expect(sum('rights')).toBeLessThan(0);
    const counted = t.items.filter((i) => i.counted && i.axis === 'rights');
    expect(t.rightsScore.points).toBe(counted.reduce((a, i) => a + i.points, 0));
  });

  it('names the trainee whose signature was replaced by a colleague of the same agency no more', () => {
    const t = run([
      sign('border_police', 'p-bp', 'guardian'),
      sign('border_police', 'p-bp2', 'cell'),
      sign('social_work', 'p-sw', 'cell'),
    ]);
    const detention = causedBy(t, 4).find((i) => i.ruleId === 'RIGHTS.CHILD.DETENTION');
    expect(detention?.participants).toEqual(['p-bp2', 'p-sw']);
    expect(t.byParticipant.map((b) => b.id)).not.toContain('p-bp');
  });

  /** The debrief of a session where border police and social work both sign the push-back. */
  function jointPushBack() {
    const events = [
      START,
      sign('border_police', 'p-bp', 'back'),
      sign('social_work', 'p-sw', 'back'),
      { type: 'session.ended', role: null, participant: null, payload: {} },
    ].map((e, i) => ({ seq: i + 1, at: '2026-01-01T00:00:00.000Z', team: 't1', ...e }));
    return debrief(scenario(), events as never);
  }

  it("names every signer's trainee beside its red line in the text debrief", () => {
    const d = jointPushBack();
    expect(d.teams[0]?.redLines.map((r) => r.participants)).toEqual([['p-bp', 'p-sw']]);
    const text = renderDebriefText(d, { lang: 'en' });
    expect(text).toMatch(/✖ .* · border_police \+ social_work \(p-bp \+ p-sw\) · #3/);
  });

  it('names the one agency and trainee of a red line whose lists are empty (as a stored debrief may hold them)', () => {
    const d = jointPushBack();
    const team = d.teams[0];
    const red = team?.redLines[0];
    if (!team || !red) throw new Error('the joint push-back should be a red line');
    const stored = {
      ...d,
      teams: [
        {
          ...team,
          redLines: [
            { ...red, role: 'border_police', roles: [], participant: 'p-bp', participants: [] },
          ],
        },
      ],
    };
    const text = renderDebriefText(stored, { lang: 'en' });
    expect(text).toMatch(/✖ .* · border_police \(p-bp\) · #3/);
  });
});
