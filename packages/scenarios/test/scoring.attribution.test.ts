/**
 * Who and what an item is attributed to: the working language (Serbian, Bosnian, Croatian and
 * Montenegrin are one language for understanding an interview), a joint decision (every signer is
 * responsible), the event a run starts at (session.started, not a participant joining), the agency
 * whose decision lost a witness, and the event that completed a proof.
 */
import { compile, parseScenario } from '../src';
import { debrief } from '../src/scoring';
import type { TeamDebrief } from '../src/scoring';

const YAML = `
language: 2
id: station-facts
version: 1.0.0
title: Night at the station
summary: A minibus is stopped and everyone is taken to the station.
objectives: [Work out what each person did and needs.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 900
timeLimitEnding: shift_over
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: You stopped the minibus. }
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: You lead the case. }
  - { id: social_work, name: Centre for Social Work, playable: required, briefing: You are on call for children. }
people:
  - { id: driver, name: The driver, kind: suspect, languages: [bs] }
  - { id: vesna, name: Vesna, kind: witness, languages: [hr] }
  - { id: marko, name: Marko, kind: witness, languages: [cnr] }
  - { id: goran, name: Goran, kind: witness, languages: [sh] }
  - { id: hana, name: Hana, kind: witness, languages: [fa], smuggled: true }
  - { id: lina, name: Lina, kind: witness, claimedAge: 14, languages: [ar], vulnerabilities: [child], smuggled: true, accompanied: false }
  - { id: omar, name: Omar, kind: witness, languages: [ar], smuggled: true }
  - { id: sami, name: Sami, kind: witness, languages: [ar], smuggled: true }
evidence:
  - { id: cash, title: Cash found on the driver, kind: physical, element: [benefit], source: driver, independentSource: cash, visibleTo: [border_police, prosecutor] }
  - { id: ledger, title: The driver's ledger, kind: document, element: [benefit], source: driver, independentSource: ledger, visibleTo: [border_police, prosecutor] }
  - { id: omar_statement, title: Omar's statement, kind: testimony, element: [facilitation, benefit], source: omar, independentSource: omar, visibleTo: [border_police, prosecutor] }
phases:
  - id: station
    title: At the station
    description: Everyone is at the station.
    decisions:
      - id: talk
        title: First talk
        prompt: Talk to them.
        agencies: [border_police]
        options:
          - id: in_serbian
            label: Talk to the driver, Vesna, Marko, Goran and Hana in Serbian
            timeCost: 10
            effects:
              - act: interview
                persons: [driver, vesna, marko, goran, hana]
                params: { purpose: screening, interpreter: not_needed, individual: true }
      - id: lina_plan
        title: Lina
        prompt: All three of you sign one plan.
        agencies: [border_police, prosecutor, social_work]
        joint: [border_police, prosecutor, social_work]
        options:
          - id: quick
            label: Hear her now and keep her in the cell
            timeCost: 40
            effects:
              - act: interview
                person: lina
                params: { purpose: witness, interpreter: none, individual: true }
              - { person: lina, set: { whereabouts: in_custody } }
          - id: guardian
            label: A guardian first
            timeCost: 30
            effects:
              - { person: lina, set: { guardian: true } }
      - id: lina_review
        title: Lina's custody
        prompt: Review it.
        agencies: [social_work]
        options:
          - id: alternatives
            label: Move her to a child facility
            timeCost: 30
            effects:
              - { act: alternatives_to_detention, person: lina }
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
      - id: car
        title: The car
        prompt: Search the car.
        agencies: [prosecutor]
        options:
          - id: ledger
            label: Take the ledger from the glovebox
            timeCost: 15
            effects:
              - evidence: ledger
                by: prosecutor
                obtained: { order: none, interpreter: not_needed, consent: not_needed, custody: kept }
      - id: omar
        title: Omar
        prompt: Omar wants to go.
        agencies: [border_police]
        options:
          - id: statement
            label: Take his statement with a certified interpreter
            timeCost: 30
            effects:
              - act: interview
                person: omar
                params: { purpose: witness, interpreter: certified, language: ar, individual: true }
              - evidence: omar_statement
                by: border_police
                obtained: { order: none, interpreter: certified, consent: recorded, custody: kept }
          - id: depose
            label: Depose him with the defence notified
            timeCost: 60
            effects:
              - act: deposition
                person: omar
                params: { defenceNotified: true, video: true, interpreter: certified }
          - id: drive_back
            label: Drive him back to the border
            timeCost: 60
            effects:
              - { person: omar, set: { whereabouts: deported } }
      - id: sami
        title: Sami
        prompt: Sami will leave.
        agencies: [prosecutor]
        options:
          - id: depose
            label: Depose him with the defence notified
            timeCost: 60
            effects:
              - act: deposition
                person: sami
                params: { defenceNotified: true, video: true, interpreter: certified }
injects:
  - id: sami_leaves
    title: Sami leaves
    body: Sami takes a taxi north.
    to: [border_police]
    release: facilitator
    effects: [{ person: sami, set: { whereabouts: departed } }]
endings:
  - { id: shift_over, title: Shift over, description: The shift ends., kind: other }
`;

function scenario(source = YAML) {
  const r = parseScenario(source, { format: 'yaml' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}

type Line = {
  type: string;
  team?: string | null;
  role?: string | null;
  participant?: string | null;
  payload: unknown;
};
const sign = (role: string, option: string): Line => ({
  type: 'joint.signed',
  team: 't1',
  role,
  payload: { decision: 'lina_plan', option },
});
const START: Line = {
  type: 'session.started',
  team: null,
  role: null,
  payload: { scenario: 'station-facts', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
};
function run(lines: Line[], start: Line[] = [START], compiled = scenario()): TeamDebrief {
  const events = [
    ...start,
    ...lines,
    { type: 'session.ended', team: null, role: null, payload: {} },
  ].map((e, i) => ({
    seq: i + 1,
    at: '2026-01-01T00:00:00.000Z',
    participant: e.role ? `p-${e.role}` : null,
    team: 't1',
    role: null,
    ...e,
  }));
  const d = debrief(compiled, events as never);
  const t = d.teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}
const decide = (role: string, decision: string, option: string): Line => ({
  type: 'decision.made',
  team: 't1',
  role,
  payload: { decision, option },
});

const joined = (role: string): Line => ({
  type: 'participant.joined',
  team: 't1',
  role,
  participant: `p-${role}`,
  payload: { displayName: role, team: 't1', role },
});

describe('a run starts when the session starts', () => {
  it('an obligation that exists from minute 0 is caused by session.started, not by a participant joining', () => {
    const start = [joined('border_police'), joined('prosecutor'), START];
    const t = run([decide('border_police', 'talk', 'in_serbian')], start);
    const guardian = t.items.find((i) => i.ruleId === 'RIGHTS.CHILD.NO_GUARDIAN');
    expect(guardian?.causedBySeq).toBe(3);
    expect(t.timeline.some((e) => e.type === 'participant.joined')).toBe(false);
  });
});

describe('a witness lost by a state change', () => {
  it('is the loss of the agency whose decision sent the witness away', () => {
    const t = run([decide('border_police', 'omar', 'drive_back')]);
    const lost = t.items.find((i) => i.ruleId === 'EVIDENCE.WITNESS.LOST');
    expect(lost?.persons).toEqual(['omar']);
    expect(lost?.role).toBe('border_police');
    expect(lost?.participant).toBe('p-border_police');
  });

  it("is nobody's when an inject released by the facilitator makes the witness leave", () => {
    const t = run([
      {
        type: 'inject.released',
        team: 't1',
        role: 'facilitator',
        payload: { inject: 'sami_leaves' },
      },
    ]);
    const lost = t.items.find((i) => i.ruleId === 'EVIDENCE.WITNESS.LOST');
    expect(lost?.persons).toEqual(['sami']);
    expect(lost?.role).toBeNull();
    expect(lost?.participant).toBeNull();
  });

  it('is the omission of the agency that could depose the witness when the scenario’s timed departure was foreseen', () => {
    // The same inject, at a known minute: a deposition of Sami is owed from the start, and only
    // the prosecutor's decisions can depose him (the border police's depose Omar).
    const timed = scenario(YAML.replace('release: facilitator', 'release: { at: 30 }'));
    const t = run([{ type: 'clock.ticked', team: 't1', payload: { minutes: 40 } }], [START], timed);
    const lost = t.items.find((i) => i.ruleId === 'EVIDENCE.WITNESS.LOST');
    expect(lost?.persons).toEqual(['sami']);
    expect(lost?.role).toBe('prosecutor');
    expect(lost?.participant).toBeNull();
    expect(t.byAgency.map((b) => b.id)).toContain('prosecutor');
    // Deposed in time: nothing lost, nobody's omission.
    const deposed = run(
      [
        decide('prosecutor', 'sami', 'depose'),
        { type: 'clock.ticked', team: 't1', payload: { minutes: 40 } },
      ],
      [START],
      timed,
    );
    expect(deposed.items.some((i) => i.ruleId === 'EVIDENCE.WITNESS.LOST')).toBe(false);
  });
});

describe('the working language', () => {
  it('speakers of Bosnian, Croatian, Montenegrin and Serbo-Croatian understand an interview in Serbian; a Farsi speaker does not', () => {
    const t = run([decide('border_police', 'talk', 'in_serbian')]);
    const none = t.items.filter((i) => i.ruleId === 'RIGHTS.INTERPRETER.NONE');
    expect(none.length).toBe(2);
    for (const i of none) expect(i.persons).toEqual(['hana']);
  });
});

describe('a joint decision', () => {
  const SIGNERS = ['border_police', 'prosecutor', 'social_work'];
  const quick = [
    sign('border_police', 'quick'),
    sign('prosecutor', 'quick'),
    sign('social_work', 'quick'),
  ];

  it('makes every signer responsible for what it did, in the items and in byAgency', () => {
    const t = run(quick);
    const last = 4; // session.started, then the three signatures
    // What the plan did (an obligation it triggered and nobody discharged is the discharging agency's).
    const items = t.items.filter((i) => i.causedBySeq === last && !i.undischarged);
    expect(items.map((i) => i.ruleId)).toEqual(
      expect.arrayContaining(['RIGHTS.INTERPRETER.NONE', 'RIGHTS.CHILD.DETENTION']),
    );
    for (const i of items) expect(i.roles).toEqual(SIGNERS);
    const sum = (of: typeof items, axis: 'evidence' | 'rights') =>
      of.filter((i) => i.counted && i.axis === axis).reduce((a, i) => a + i.points, 0);
    for (const role of SIGNERS) {
      const own = t.items.filter((i) => (i.roles ?? [i.role]).includes(role));
      expect(own).toEqual(expect.arrayContaining(items));
      const b = t.byAgency.find((x) => x.id === role);
      expect(b).toMatchObject({ evidence: sum(own, 'evidence'), rights: sum(own, 'rights') });
      expect(b?.items).toBe(own.length);
    }
    expect(sum(items, 'rights')).toBeLessThan(0);
  });

  it("does not count its points more than once in the team's scores", () => {
    const t = run(quick);
    const counted = (axis: 'evidence' | 'rights') =>
      t.items.filter((i) => i.counted && i.axis === axis).reduce((a, i) => a + i.points, 0);
    expect(t.rightsScore.points).toBe(counted('rights'));
    expect(t.evidenceScore.points).toBe(counted('evidence'));
  });

  it('leaves an agency acting alone solely responsible', () => {
    const t = run([decide('border_police', 'talk', 'in_serbian'), ...quick]);
    const talk = t.items.filter((i) => i.causedBySeq === 2);
    expect(talk.length).toBeGreaterThan(0);
    for (const i of talk) {
      expect(i.role).toBe('border_police');
      expect(i.roles).toBeUndefined();
    }
  });
});

describe('profit proven', () => {
  it('is caused by the evidence that completed the proof, and lists only what proved it then', () => {
    const t = run([
      decide('border_police', 'search', 'pockets'),
      decide('prosecutor', 'car', 'ledger'),
      decide('border_police', 'omar', 'statement'),
    ]);
    const proven = t.items.find((i) => i.ruleId === 'EVIDENCE.PROFIT.PROVEN');
    const car = t.timeline.find((e) => e.decision?.decision === 'car');
    expect(proven?.causedBySeq).toBe(car?.seq);
    expect(proven?.time).toBe(car?.time);
    expect(proven?.role).toBe('prosecutor');
    expect(proven?.evidence).toEqual(['cash', 'ledger']);
    expect(proven?.detail.en).not.toMatch(/Omar/);
    expect(t.evidence.find((e) => e.id === 'omar_statement')?.status).toBe('admissible');
  });
});

describe('the time of an item', () => {
  it('is when its event took effect, the same for every item of one event', () => {
    const t = run([
      decide('border_police', 'talk', 'in_serbian'),
      sign('border_police', 'quick'),
      sign('prosecutor', 'quick'),
      sign('social_work', 'quick'),
      decide('border_police', 'omar', 'drive_back'),
    ]);
    for (const decision of ['lina_plan', 'omar']) {
      // The event that applied it (for the joint plan: the last signature).
      const e = t.timeline.filter((x) => x.decision?.decision === decision).pop();
      const items = t.items.filter((i) => i.causedBySeq === e?.seq && !i.undischarged);
      expect(items.length).toBeGreaterThan(1);
      for (const i of items) expect([i.ruleId, i.time]).toEqual([i.ruleId, e?.time]);
    }
  });
});
