/**
 * A scenario with no basis for a criminal case (no evidence that could prove an offence element, no
 * charge): the debrief claims no criminal outcome and the evidence score is the process alone.
 */
import { LANGUAGES, debrief, renderDebriefText } from '@crossroads/scenarios';
import type { LogLine, ScenarioInput } from '@crossroads/scenarios';
import { compileData, tiny } from './helpers';

/** One team, one decision, the session ended. */
function log(option: 'yes' | 'no'): LogLine[] {
  const line = (seq: number, type: string, payload: unknown, role: string | null = null) =>
    ({
      seq,
      at: `2026-01-01T10:00:0${seq}.000Z`,
      team: seq === 1 || type === 'session.ended' ? null : 'a',
      role,
      participant: role === null ? null : 'p1',
      type,
      payload,
    }) as LogLine;
  return [
    line(1, 'session.started', {
      scenario: 'tiny',
      version: '1.0.0',
      teams: [{ id: 'a', name: 'A' }],
    }),
    line(2, 'decision.made', { decision: 'go', option }, 'police'),
    line(3, 'session.ended', {}),
  ];
}

/** The tiny scenario with only `other` endings (as at the Kelebija fence: no case is built). */
const noCase = (over: Partial<ScenarioInput> = {}) =>
  tiny({
    endings: [
      { id: 'done', title: 'Done', description: 'd', kind: 'other' },
      { id: 'fail', title: 'Handed over', description: 'd', kind: 'other' },
    ],
    ...over,
  });

describe('a scenario without a criminal case', () => {
  it('claims no criminal outcome and no ending for one; scores evidence on the process alone', () => {
    const d = debrief(compileData(noCase()), log('no'));
    const team = d.teams[0];
    expect(team?.outcome).toMatchObject({
      kind: 'not_applicable',
      ending: null,
      engineEnding: { id: 'fail', kind: 'other' },
      criminal: { kind: 'not_applicable' },
    });
    for (const lang of LANGUAGES) {
      expect(team?.outcome.label[lang]).toBeTruthy();
      expect(team?.outcome.reason[lang]).toBeTruthy();
    }
    expect(team?.outcome.label.en).toBe('Not applicable: no criminal case in this scenario');
    expect(team?.outcome.reason.en).not.toMatch(/admissible evidence|acquittal/i);
    expect(team?.evidenceScore).toMatchObject({ caseStrength: null, value: 50, process: 50 });
    expect(team?.evidenceScore.method).toBe(
      'evidence = process (clamp(50 + 4 × counted evidence points (+0), 0, 100) = 50) = 50; the scenario has no criminal case, so case strength does not count (rubric crossroads-core 2.1.0)',
    );
    const text = renderDebriefText(d);
    expect(text).toContain('Outcome: Not applicable: no criminal case in this scenario');
    expect(text).not.toMatch(/Acquittal|Not enough admissible evidence/);
    expect(text).toContain('Case strength: none');
  });

  it('a red line is still a hard fail, stated without a criminal case beside it', () => {
    const pushedBack = noCase({
      people: [
        {
          id: 'farid',
          name: 'Farid',
          kind: 'migrant',
          languages: ['fa'],
          asylumExpressed: true,
          smuggled: true,
        },
      ],
      phases: [
        {
          ...tiny().phases[0]!,
          decisions: [
            {
              ...tiny().phases[0]!.decisions![0]!,
              options: [
                { id: 'yes', label: 'Yes', timeCost: 10, effects: [{ end: 'done' }] },
                {
                  id: 'no',
                  label: 'Push back over the fence',
                  timeCost: 5,
                  effects: [{ act: 'pushback', person: 'farid' }, { end: 'fail' }],
                },
              ],
            },
          ],
        },
      ],
    });
    const team = debrief(compileData(pushedBack), log('no')).teams[0];
    expect(team?.redLines.length).toBeGreaterThan(0);
    expect(team?.outcome).toMatchObject({
      kind: 'hard_fail',
      criminal: { kind: 'not_applicable' },
    });
    expect(team?.outcome.reason.en).toMatch(
      /^A non-derogable right was breached \(.+\); it can be brought before the Constitutional Court or the ECtHR\. The scenario has no evidence/,
    );
    expect(team?.outcome.reason.en).not.toMatch(/criminal case on its own evidence/i);
    for (const lang of LANGUAGES) expect(team?.outcome.reason[lang]).toBeTruthy();
    // Kosovo is not a member of the Council of Europe: no application to the ECtHR lies there, only an
    // individual referral to its Constitutional Court (Constitution of Kosovo art. 113(7)).
    const inKosovo = debrief(compileData({ ...pushedBack, country: 'XK' }), log('no')).teams[0];
    expect(inKosovo?.outcome.kind).toBe('hard_fail');
    expect(inKosovo?.outcome.reason.en).toMatch(
      /^A non-derogable right was breached \(.+\); it can be brought before the Constitutional Court by an individual referral \(Constitution of Kosovo art\. 113\(7\)\)/,
    );
    for (const lang of LANGUAGES) {
      expect(inKosovo?.outcome.reason[lang]).toContain('113(7)');
      expect(inKosovo?.outcome.reason[lang]).not.toMatch(
        /or the ECtHR|predstavk[ae] ESLJP|апликација до ЕСЧП|aplikacij[ae] ESLJP|ankes[eë] në GJEDNJ/,
      );
    }
  });

  it('a charge for smuggling, or evidence that proves an element, makes a case (an acquittal here)', () => {
    const charged = noCase({
      people: [{ id: 'driver', name: 'Driver', kind: 'suspect', languages: [] }],
      phases: [
        {
          ...tiny().phases[0]!,
          decisions: [
            {
              ...tiny().phases[0]!.decisions![0]!,
              options: [
                { id: 'yes', label: 'Yes', timeCost: 10, effects: [{ end: 'done' }] },
                {
                  id: 'no',
                  label: 'Charge the driver',
                  timeCost: 5,
                  effects: [
                    { act: 'charge', person: 'driver', params: { offence: 'smuggling' } },
                    { end: 'fail' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const withEvidence = noCase({
      evidence: [
        {
          id: 'cmr',
          title: 'Consignment note',
          kind: 'document',
          source: 'driver_cab',
          independentSource: 'driver_cab',
          visibleTo: ['police'],
          element: ['facilitation'],
        },
      ],
    });
    for (const scenario of [charged, withEvidence]) {
      const team = debrief(compileData(scenario), log('no')).teams[0];
      expect(team?.outcome.criminal.kind).toBe('acquittal');
      expect(team?.evidenceScore.caseStrength).toBe(0);
      expect(team?.evidenceScore.value).toBe(25);
    }
  });
});
