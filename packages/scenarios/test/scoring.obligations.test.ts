/**
 * Rights as obligations: situations reached on paths no option annotation covers (a facilitator inject,
 * a refused request, knowledge revealed by an interview), deadlines in scenario time, attribution.
 */
import { debrief } from '../src/scoring';
import type { ScoredItem, TeamDebrief } from '../src/scoring';
import { initialState, step } from '../src';
import type { LogLine } from '../src';
import { compileData, tiny } from './helpers';
import { lab, labLog } from './scoring/lab';
import type { LabStep } from './scoring/lab';

function team(steps: LabStep[], end = true): TeamDebrief {
  const d = debrief(lab(), labLog(steps, 't1', end));
  const t = d.teams[0];
  if (!t) throw new Error('no team');
  expect(t.rejected).toEqual([]);
  return t;
}
const items = (t: TeamDebrief, rule: string): ScoredItem[] =>
  t.items.filter((i) => i.ruleId === rule);

describe('obligations detected on paths without annotations', () => {
  it('a child put in custody by a generic inject (no detain act, no annotation) is a child detention', () => {
    const t = team([{ inject: 'kid_locked' }]);
    const [item] = items(t, 'RIGHTS.CHILD.DETENTION');
    expect(item).toBeDefined();
    expect(item?.persons).toEqual(['kid']);
    expect(item?.source).toBe('model');
    // the inject did it: no agency or participant is blamed for the act itself
    expect(item?.role).toBeNull();
    expect(item?.causedBySeq).toBe(2);
    // and the deprivation of liberty starts a review obligation
    expect(
      t.missedOpportunities.some(
        (m) => m.ruleId === 'RIGHTS.LIBERTY.NO_REVIEW' && m.persons.includes('kid'),
      ),
    ).toBe(true);
  });

  it('an interview without interpreter reached through a refused interpreter request is detected and taints nothing it did not produce', () => {
    const t = team([{ send: 'req_interp' }, { answer: 'req_interp', granted: false }]);
    const [item] = items(t, 'RIGHTS.INTERPRETER.NONE');
    expect(item?.persons).toEqual(['omar']);
    expect(item?.causedBySeq).toBe(3);
    expect(item?.legalBasis.length).toBeGreaterThan(0);
    // granted instead: a certified interpreter, no breach
    const ok = team([{ send: 'req_interp' }, { answer: 'req_interp', granted: true }]);
    expect(items(ok, 'RIGHTS.INTERPRETER.NONE')).toEqual([]);
    expect(items(ok, 'RIGHTS.INTERPRETER.NEUTRAL')).toHaveLength(2); // one per axis
  });

  it('a hidden asylum wish creates an obligation only once the team learns it, timed from then', () => {
    const unknown = team(['d_sort/separate']);
    expect(
      unknown.items.some(
        (i) => i.ruleId === 'RIGHTS.ASYLUM.IGNORED' && i.persons.includes('quiet'),
      ),
    ).toBe(false);
    const learned = team(['d_observe/screen_quiet']);
    const ignored = learned.items.find(
      (i) => i.ruleId === 'RIGHTS.ASYLUM.IGNORED' && i.persons.includes('quiet'),
    );
    expect(ignored?.triggeredBySeq).toBe(2);
    expect(ignored?.undischarged).toBe(true);
    const registered = team(['d_observe/screen_quiet', 'd_asylum/register_quiet']);
    expect(
      registered.items.some(
        (i) => i.ruleId === 'RIGHTS.ASYLUM.REGISTERED' && i.persons.includes('quiet'),
      ),
    ).toBe(true);
  });

  it('a witness whose departure was announced is lost at departure unless deposed first; the deposition beats the deadline', () => {
    const lost = team([{ inject: 'warning' }, 'd_omar_interview/certified', { tick: 3000 }]);
    const [item] = items(lost, 'EVIDENCE.WITNESS.LOST');
    expect(item?.flags).toContain('WITNESS_LOST');
    expect(item?.deadline?.due).toBe(2880);
    expect(item?.triggeredBySeq).toBe(2);
    expect(lost.witnessesLost.map((w) => w.person)).toEqual(['omar']);
    const kept = team([{ inject: 'warning' }, 'd_depo/depo', { tick: 3000 }]);
    expect(items(kept, 'EVIDENCE.WITNESS.LOST')).toEqual([]);
    expect(items(kept, 'EVIDENCE.WITNESS.EARLY_DEPOSITION')[0]?.deadline?.due).toBe(2880);
  });

  it('removing a witness yourself loses them too, whatever the removal is called', () => {
    const t = team(['d_omar_interview/certified', 'd_return/witness']);
    expect(items(t, 'EVIDENCE.WITNESS.LOST')[0]?.causedBySeq).toBe(3);
  });

  it('keeping people inside while someone is hypothermic is a red line that caps rights, not untainted evidence', () => {
    const steps = ['d_phone/judicial', 'd_cash/cash', 'd_cmr/cmr', 'd_depo/depo'];
    const t = team(['d_open/keep', ...steps]);
    const clean = team(['d_open/triage', ...steps]);
    expect(t.redLines.map((r) => r.ruleId)).toContain('RIGHTS.LIFE.KEPT_INSIDE');
    expect(t.outcome.kind).toBe('hard_fail');
    expect(t.rightsScore.value).toBe(0);
    expect(t.rightsScore.capped).toBe(true);
    // The two axes are independent: the red line taints none of this evidence, so the case is as strong.
    expect(t.evidenceScore.capped).toBe(false);
    expect(t.caseStrength).toEqual(clean.caseStrength);
    // the author's −4 on the same option does not count twice
    const annotation = t.items.find((i) => i.source === 'annotation' && i.sketch.includes('R01'));
    expect(annotation?.counted).toBe(false);
    expect(annotation?.notCounted).toBe('superseded_by_model');
  });

  it('annotations fill gaps the model leaves, on the option that carries them', () => {
    const t = team(['d_open/open', 'd_open/triage'].slice(0, 1));
    const a = t.items.find((i) => i.source === 'annotation');
    expect(a).toMatchObject({
      axis: 'rights',
      points: 1,
      counted: true,
      ruleId: 'RIGHTS.LIFE.CONTROLLED_STOP',
    });
    expect(a?.decision).toEqual({ decision: 'd_open', option: 'open' });
  });
});

describe('timeliness: the score follows when the team acted relative to the trigger', () => {
  it.each([
    [0, 'RIGHTS.CHILD.GUARDIAN'],
    [1439, 'RIGHTS.CHILD.GUARDIAN'],
    [1441, 'RIGHTS.CHILD.GUARDIAN_LATE'],
  ])('guardian requested after %i minutes → %s', (minutes, rule) => {
    const steps: LabStep[] =
      minutes > 0 ? [{ tick: minutes }, 'd_guardian/guardian'] : ['d_guardian/guardian'];
    const t = team(steps);
    const item = t.items.find(
      (i) =>
        i.ruleId.startsWith('RIGHTS.CHILD.GUARDIAN') || i.ruleId === 'RIGHTS.CHILD.NO_GUARDIAN',
    );
    expect(item?.ruleId).toBe(rule);
    expect(item?.deadline).toMatchObject({ from: 0, due: 1440, actedAt: minutes });
  });

  it('acting faster than the deadline earns nothing extra', () => {
    const fast = team(['d_guardian/guardian']);
    const slower = team([{ tick: 1200 }, 'd_guardian/guardian']);
    const pts = (t: TeamDebrief) =>
      items(t, 'RIGHTS.CHILD.GUARDIAN').reduce((n, i) => n + i.points, 0);
    expect(pts(fast)).toBe(pts(slower));
  });

  it('CCTV: full within 24 h, partial within 72 h, lost after; never requested = lost when the run ends', () => {
    const rule = (steps: LabStep[]) =>
      team(steps).items.find((i) => i.ruleId.startsWith('EVIDENCE.CCTV.'))?.ruleId;
    expect(rule([{ tick: 1440 }, 'd_cctv/preserve'])).toBe('EVIDENCE.CCTV.PRESERVED');
    expect(rule([{ tick: 1441 }, 'd_cctv/preserve'])).toBe('EVIDENCE.CCTV.PARTIAL');
    expect(rule([{ tick: 4321 }, 'd_cctv/preserve'])).toBe('EVIDENCE.CCTV.LOST');
    expect(rule(['d_sort/separate'])).toBe('EVIDENCE.CCTV.LOST');
  });

  it('an obligation whose deadline has not passed is pending, not penalised, while the session runs', () => {
    const running = team(['d_sort/separate'], false);
    expect(running.items.some((i) => i.ruleId === 'RIGHTS.ASYLUM.IGNORED')).toBe(false);
    expect(running.missedOpportunities.some((m) => m.ruleId === 'RIGHTS.ASYLUM.IGNORED')).toBe(
      true,
    );
    expect(running.outcome.final).toBe(false);
    const passed = team(['d_sort/separate', { tick: 4400 }], false);
    const late = passed.items.find((i) => i.ruleId === 'RIGHTS.ASYLUM.IGNORED');
    expect(late?.deadline?.passedAtSeq).toBe(3);
    expect(late?.time).toBe(4320);
  });

  it('a person who left before the deadline ends the obligation (nothing left to discharge)', () => {
    const t = team([{ inject: 'omar_leaves' }, 'd_sort/separate']);
    expect(t.items.some((i) => i.undischarged && i.persons.includes('omar'))).toBe(false);
  });
});

describe('attribution', () => {
  it('names rule, axis, points, team, agency, participant, time, causing event, basis and both languages', () => {
    const t = team([{ tick: 10 }, 'd_sort/cuff']);
    const cuff = items(t, 'RIGHTS.STATUS.CUFF_ALL');
    expect(cuff.map((i) => [i.axis, i.points]).sort()).toEqual([
      ['evidence', -1],
      ['rights', -2],
    ]);
    for (const i of cuff) {
      expect(i).toMatchObject({
        team: 't1',
        role: 'border_police',
        participant: 't1-border_police',
        time: 10,
        causedBySeq: 3,
      });
      expect(
        i.legalBasis.some(
          (b) => b.instrument === 'UN Smuggling of Migrants Protocol' && b.article === 'art. 5',
        ),
      ).toBe(true);
      expect(i.explanation.en).toMatch(/witnesses, not offenders/);
      expect(i.explanation['sr-Latn']).toMatch(/svedoci/);
    }
  });

  it('an undischarged obligation names the event that triggered it and the deadline that passed', () => {
    const t = team([{ tick: 2000 }]);
    const g = items(t, 'RIGHTS.CHILD.NO_GUARDIAN')[0];
    expect(g).toMatchObject({
      causedBySeq: 1,
      triggeredBySeq: 1,
      undischarged: true,
      time: 1440,
      role: 'border_police',
    });
    expect(g?.deadline).toMatchObject({
      kind: 'guardian',
      from: 0,
      due: 1440,
      actedAt: null,
      passedAtSeq: 2,
    });
  });

  it('sums per agency and per participant match the counted items', () => {
    const t = team(['d_sort/cuff', 'd_asylum/register', 'd_depo/depo', 'd_guardian/guardian']);
    const total = (axis: 'evidence' | 'rights') =>
      t.items.filter((i) => i.counted && i.axis === axis).reduce((n, i) => n + i.points, 0);
    expect(t.byAgency.reduce((n, b) => n + b.rights, 0)).toBe(total('rights'));
    expect(t.byParticipant.reduce((n, b) => n + b.evidence, 0)).toBe(total('evidence'));
    expect(t.rightsScore.points).toBe(total('rights'));
  });
});

describe('what a document says about a person', () => {
  // A woman nobody has met, in a house the police have not entered: the only fact is a call note, readable from
  // minute 60, saying she is pregnant and bleeding. Knowing it from the note calls for care as meeting her would.
  const c = compileData(
    tiny({
      people: [{ id: 'nadia', name: 'Nadia', kind: 'migrant', languages: ['ar'], knownTo: [] }],
      documents: [
        {
          id: 'call_note',
          title: 'Call from a neighbour',
          body: 'A woman in the house at no. 4 is pregnant and bleeding.',
          visibleTo: ['police'],
          from: 60,
          about: [{ person: 'nadia', vulnerabilities: ['pregnancy', 'injury'] }],
        },
      ],
      phases: [
        {
          id: 'one',
          title: 'One',
          description: 'd',
          decisions: [
            {
              id: 'wait',
              title: 'Wait?',
              prompt: 'p',
              agencies: ['police'],
              options: [
                { id: 'hour', label: 'Wait an hour and a half', timeCost: 90, effects: [] },
              ],
            },
            {
              id: 'go',
              title: 'Go?',
              prompt: 'p',
              agencies: ['police'],
              options: [
                {
                  id: 'ambulance',
                  label: 'Send an ambulance',
                  timeCost: 20,
                  effects: [
                    { act: 'medical_care', person: 'nadia' },
                    { person: 'nadia', set: { whereabouts: 'hospital' } },
                    { end: 'done' },
                  ],
                },
                { id: 'close', label: 'Close the file', timeCost: 5, effects: [{ end: 'fail' }] },
              ],
            },
          ],
        },
      ],
    }),
  );
  const teamOf = (choices: [string, string][]): TeamDebrief => {
    let state = initialState(c, 't1');
    const log: LogLine[] = [
      {
        seq: 1,
        time: 0,
        team: null,
        role: null,
        participant: null,
        type: 'session.started',
        payload: { scenario: 'tiny', version: '1.0.0', teams: [{ id: 't1', name: 't1' }] },
      } as LogLine,
    ];
    for (const [decision, option] of choices) {
      const line = {
        seq: log.length + 1,
        time: state.clock,
        team: 't1',
        role: 'police',
        participant: 't1:police',
        type: 'decision.made',
        payload: { decision, option },
      } as LogLine;
      const r = step(c, state, line as never);
      if (!r.ok) throw new Error(r.message);
      state = r.state;
      log.push(line);
    }
    const t = debrief(c, log as never).teams[0];
    if (!t) throw new Error('no team');
    return t;
  };

  it("a note only the facilitator's agency holds tells the team nothing", () => {
    const held = compileData({
      ...c.scenario,
      documents: c.scenario.documents.map((d) => ({ ...d, visibleTo: ['pool'] })),
    });
    expect(held.documents.get('call_note')?.visibleTo).toEqual(['pool']);
    let state = initialState(held, 't1');
    const lines = [
      ['wait', 'hour'],
      ['go', 'close'],
    ].map(
      ([decision, option], i) =>
        ({
          seq: i + 2,
          team: 't1',
          role: 'police',
          participant: 't1:police',
          type: 'decision.made',
          payload: { decision, option },
        }) as LogLine,
    );
    for (const line of lines) {
      const r = step(held, state, { ...line, time: state.clock } as never);
      if (!r.ok) throw new Error(r.message);
      state = r.state;
    }
    const start = {
      seq: 1,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: { scenario: 'tiny', version: '1.0.0', teams: [{ id: 't1', name: 't1' }] },
    } as LogLine;
    const t = debrief(held, [start, ...lines] as never).teams[0];
    expect(t?.items.filter((i) => i.persons.includes('nadia'))).toEqual([]);
  });

  it('calls for care once the note can be read, not before', () => {
    // Closed at minute 5: the note was not there yet, so nothing was owed.
    const early = teamOf([['go', 'close']]);
    expect(early.items.filter((i) => i.persons.includes('nadia'))).toEqual([]);
    // Closed after the note came in: the care she needed was never given.
    const late = teamOf([
      ['wait', 'hour'],
      ['go', 'close'],
    ]);
    expect(items(late, 'RIGHTS.MEDICAL.DENIED').map((i) => i.persons)).toEqual([['nadia']]);
    // An ambulance sent after reading it: care given, timed from when the note was readable.
    const cared = teamOf([
      ['wait', 'hour'],
      ['go', 'ambulance'],
    ]);
    expect(items(cared, 'RIGHTS.MEDICAL.CARE').map((i) => i.persons)).toEqual([['nadia']]);
    expect(items(cared, 'RIGHTS.MEDICAL.DENIED')).toEqual([]);
  });
});
