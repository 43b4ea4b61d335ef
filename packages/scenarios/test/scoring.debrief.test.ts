/**
 * The debrief as a whole: determinism, cross-team comparison, recipient scoping, re-scoring under
 * another rubric version, and equivalence of the scorer's fast replay with the engine.
 */
import { applyEvent, canonicalJson, initialState, replay, step } from '../src';
import type { LogLine, TeamState } from '../src';
import { RUBRIC_V1_0_0, RUBRIC_V1_1_0, deriveRubric } from '../src/rubric';
import {
  debrief,
  diffDebriefs,
  parseEventLog,
  renderDebriefText,
  rescore,
  toJsonl,
} from '../src/scoring';
import { applyInPlace, privateState } from '../src/scoring/apply';
import { inLang } from '../src/scoring/text';
import { playSession, randomPolicy } from '../examples/generate';
import { lab, labLog } from './scoring/lab';
import type { LabStep } from './scoring/lab';

/** Two teams through the lab: one careful, one careless (plus chat that the engine ignores). */
function twoTeams(): LogLine[] {
  const careful: LabStep[] = [
    'd_open/triage',
    'd_ems/ems',
    'd_guardian/guardian',
    'd_asylum/register',
    'd_omar_interview/certified',
    'd_depo/depo',
    'd_phone/judicial',
    'd_cmr/cmr',
    'd_cash/cash',
    'd_fence/refuse',
  ];
  const careless: LabStep[] = [
    'd_open/open',
    'd_sort/cuff',
    'd_omar_interview/co_national',
    'd_phone/browse',
    'd_cmr/cmr',
    'd_fence/refuse',
    'd_place/cell',
  ];
  const a = labLog(careful, 'alpha', false);
  const b = labLog(careless, 'bravo', false).slice(1);
  const events: LogLine[] = [
    {
      ...a[0],
      payload: {
        scenario: 'scoring-lab',
        version: '1.0.0',
        teams: [
          { id: 'alpha', name: 'Alpha' },
          { id: 'bravo', name: 'Bravo' },
        ],
      },
    } as LogLine,
  ];
  const rest = [...a.slice(1), ...b];
  rest.forEach((e, i) => {
    events.push({ ...e, seq: events.length + 1 });
    if (i % 3 === 0)
      events.push({
        seq: events.length + 1,
        team: e.team,
        role: 'prosecutor',
        participant: 'x',
        type: 'chat.message',
        payload: { text: 'ok' },
      });
  });
  events.push({
    seq: events.length + 1,
    team: null,
    role: null,
    participant: null,
    type: 'session.ended',
    payload: {},
  });
  return events;
}

describe('debrief', () => {
  it('is deterministic: the same input gives byte-identical JSON', () => {
    const events = twoTeams();
    const a = JSON.stringify(debrief(lab(), events));
    const b = JSON.stringify(debrief(lab(), JSON.parse(JSON.stringify(events)) as LogLine[]));
    expect(a).toBe(b);
    expect(a).not.toMatch(/"undefined"|NaN/);
  });

  it('compares teams at each decision point and finds where a team left the best path', () => {
    const d = debrief(lab(), twoTeams());
    expect(d.teams.map((t) => t.team)).toEqual(['alpha', 'bravo']);
    const fence = d.comparison.find((c) => c.decision === 'd_fence');
    expect(fence?.summary.en).toMatch(/^2 of 2 teams chose “refuse”/);
    const phone = d.comparison.find((c) => c.decision === 'd_phone');
    expect(phone?.choices.map((c) => [c.option, c.count])).toEqual(
      expect.arrayContaining([
        ['judicial', 1],
        ['browse', 1],
      ]),
    );
    expect(phone?.best).toBe('judicial');
    expect(phone?.summary.en).toMatch(/Teams split/);
    const [alpha, bravo] = d.teams;
    expect(bravo?.leftBestPath?.decision).toBeDefined();
    expect(bravo?.leftBestPath?.bestValue).toBeGreaterThan(bravo?.leftBestPath?.chosenValue ?? 0);
    expect(alpha?.evidenceScore.value).toBeGreaterThan(bravo?.evidenceScore.value ?? 100);
    expect(alpha?.rightsScore.value).toBeGreaterThan(bravo?.rightsScore.value ?? 100);
    for (const t of d.teams) {
      expect(t.evidenceScore.method).toMatch(/case strength/);
      expect(t.rightsScore.method).toMatch(/rights points/);
    }
  });

  it('calls the option worth most the least costly, not the best, where every option loses points', () => {
    // Sharing data with the consulate costs 3 points, giving images to the media 2: neither is good.
    const d = debrief(lab(), labLog(['d_data/consulate'], 'alpha'));
    const data = d.comparison.find((c) => c.decision === 'd_data');
    expect(data?.choices.map((c) => [c.option, c.value])).toEqual([
      ['consulate', -3],
      ['media', -2],
    ]);
    expect(data?.best).toBe('media');
    expect(data?.summary.en).toBe(
      '1 of 1 team chose “consulate”. Least costly option here: “media” (-2).',
    );
    const summary = data?.summary ?? '';
    expect(inLang(summary, 'sr-Latn')).toContain('Opcija sa najmanjim gubitkom ovde: “media” (-2)');
    for (const lang of ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const) {
      expect(inLang(summary, lang)).not.toMatch(/Best option|Najbolja|Најдобра|më i mirë/);
    }
    const text = renderDebriefText(d, { lang: 'en' });
    expect(text).toContain('where the least costly option open was “media” (-2)');
    expect(text).not.toContain('where the best option open was');
    // An option that gains points is still the best.
    const sort = debrief(lab(), labLog(['d_sort/cuff'], 'alpha'));
    expect(sort.comparison.find((c) => c.decision === 'd_sort')?.summary.en).toContain(
      'Best option here: “separate” (+1)',
    );
    expect(renderDebriefText(sort, { lang: 'en' })).toContain('where the best option open was');
  });

  it('the plain-text debrief names the country the case is investigated in, in its language', () => {
    const d = debrief(lab(), twoTeams());
    const head = (x: Parameters<typeof renderDebriefText>[0], lang: 'en' | 'mk' | 'sq') =>
      renderDebriefText(x, { lang }).split('\n')[0];
    expect(head(d, 'en')).toMatch(
      /^DEBRIEF — .+ \(scoring-lab [^)]+\) · Country: Serbia · rubric /,
    );
    const macedonian = { ...d, scenario: { ...d.scenario, country: 'MK' as const } };
    expect(head(macedonian, 'en')).toContain(' · Country: North Macedonia · ');
    expect(head(macedonian, 'mk')).toContain(' · Држава: Северна Македонија · ');
    expect(head(macedonian, 'sq')).toContain(' · Shteti: Maqedonia e Veriut · ');
    // A debrief stored before scenarios stated their country names none.
    const { country: _none, ...scenario } = d.scenario;
    expect(head({ ...d, scenario }, 'en')).toMatch(/^DEBRIEF — .+ \(scoring-lab [^)]+\) · rubric /);
  });

  it('puts every scored item on the timeline with its delta', () => {
    const [t] = debrief(lab(), twoTeams()).teams;
    const onTimeline = new Set(t?.timeline.flatMap((e) => e.items));
    expect(t?.items.every((i) => onTimeline.has(i.key))).toBe(true);
    const sum = t?.timeline.reduce((n, e) => n + e.delta.rights, 0);
    expect(sum).toBe(t?.rightsScore.points);
  });

  it('lists missed opportunities: obligations never discharged and evidence never secured', () => {
    const [, bravo] = debrief(lab(), twoTeams()).teams;
    const kinds = new Set(bravo?.missedOpportunities.map((m) => m.ruleId));
    expect(kinds).toContain('RIGHTS.CHILD.NO_GUARDIAN');
    expect(
      bravo?.missedOpportunities.some((m) => m.kind === 'evidence' && m.evidence.includes('cash')),
    ).toBe(true);
  });
});

describe('recipient scoping', () => {
  it('shows a trainee only their team and what their agency could see', () => {
    const events = twoTeams();
    const full = debrief(lab(), events);
    const bp = debrief(lab(), events, RUBRIC_V1_0_0, {
      recipient: { team: 'alpha', role: 'border_police' },
    });
    const json = JSON.stringify(bp);
    expect(bp.teams.map((t) => t.team)).toEqual(['alpha']);
    expect(json).not.toContain('bravo');
    // "statement" (visible to the prosecutor only) and "chats" (restricted) never appear for border police
    expect(json).not.toMatch(/"statement"|"chats"/);
    expect(JSON.stringify(full)).toMatch(/"statement"/);
    // the prosecutor does not know the kid: nothing about the kid reaches them
    const pr = debrief(lab(), events, RUBRIC_V1_0_0, {
      recipient: { team: 'alpha', role: 'prosecutor' },
    });
    expect(JSON.stringify(pr)).not.toContain('"kid"');
    expect(pr.teams[0]?.evidence.every((e) => /^S\d+$/.test(e.independentSource))).toBe(true);
    // team scores stay the team's
    expect(pr.teams[0]?.rightsScore.value).toBe(full.teams[0]?.rightsScore.value);
  });

  it("counts the events of the trainee's debrief, not the whole session's (other teams' included)", () => {
    const events = twoTeams();
    const full = debrief(lab(), events);
    expect(full.events.count).toBe(events.length);
    const bp = debrief(lab(), events, RUBRIC_V1_0_0, {
      recipient: { team: 'alpha', role: 'border_police' },
    });
    const timeline = bp.teams[0]?.timeline ?? [];
    expect(timeline.length).toBeGreaterThan(0);
    expect(bp.events.count).toBe(timeline.length);
    // Bravo's moves do not count towards Alpha's debrief.
    const withoutBravo = debrief(
      lab(),
      events.filter((e) => e.team !== 'bravo' || e.type === 'session.started'),
      RUBRIC_V1_0_0,
      { recipient: { team: 'alpha', role: 'border_police' } },
    );
    expect(withoutBravo.events.count).toBe(bp.events.count);
  });
});

describe('re-scoring under another rubric version', () => {
  it('reports exactly the items whose points changed, and the score deltas', () => {
    const events = twoTeams();
    const r = rescore(lab(), events, RUBRIC_V1_0_0, RUBRIC_V1_1_0);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(r.changed.length).toBeGreaterThan(0);
    for (const c of r.changed)
      expect(c).toMatchObject({
        ruleId: 'RIGHTS.INTERPRETER.NEUTRAL',
        axis: 'evidence',
        from: { points: 1 },
        to: { points: 2 },
      });
    const before = debrief(lab(), events, RUBRIC_V1_0_0);
    const expected = before.teams.flatMap((t) =>
      t.items
        .filter((i) => i.ruleId === 'RIGHTS.INTERPRETER.NEUTRAL' && i.axis === 'evidence')
        .map((i) => i.key),
    );
    expect(r.changed.map((c) => c.key).sort()).toEqual(expected.sort());
    const alpha = r.teams.find((t) => t.team === 'alpha');
    expect(alpha?.rights.delta).toBe(0);
    expect(alpha?.evidence.delta).toBeGreaterThanOrEqual(0);
    expect(r).toMatchObject({ from: '1.0.0', to: '1.1.0' });
  });

  it('reports nothing when the versions agree, and removed items when a rule goes', () => {
    const events = twoTeams();
    const same = rescore(lab(), events, RUBRIC_V1_0_0, RUBRIC_V1_0_0);
    expect([same.added, same.removed, same.changed]).toEqual([[], [], []]);
    const without = deriveRubric(RUBRIC_V1_0_0, {
      version: '2.0.0',
      note: { en: 'x', 'sr-Latn': 'x' },
      remove: ['RIGHTS.STATUS.CUFF_ALL'],
    });
    const r = rescore(lab(), events, RUBRIC_V1_0_0, without);
    expect(r.removed.map((i) => i.ruleId)).toEqual([
      'RIGHTS.STATUS.CUFF_ALL',
      'RIGHTS.STATUS.CUFF_ALL',
    ]);
    const bravo = r.teams.find((t) => t.team === 'bravo');
    expect(bravo?.rights.delta).toBeGreaterThanOrEqual(0);
    expect(diffDebriefs(debrief(lab(), events), debrief(lab(), events)).changed).toEqual([]);
  });

  it('records the rubric version in the debrief', () => {
    expect(debrief(lab(), twoTeams(), RUBRIC_V1_1_0).rubric).toEqual({
      id: 'crossroads-core',
      version: '1.1.0',
    });
  });
});

describe('event log format', () => {
  it('round-trips through JSONL and reports bad lines with their number', () => {
    const events = twoTeams();
    const text = toJsonl(events);
    expect(text.split('\n').filter(Boolean)).toHaveLength(events.length);
    const back = parseEventLog(`${text}not json\n{"seq":-1,"type":"x"}\n`);
    expect(back.events).toHaveLength(events.length);
    expect(back.errors.map((e) => e.line)).toEqual([events.length + 1, events.length + 2]);
    expect(JSON.stringify(debrief(lab(), back.events))).toBe(
      JSON.stringify(debrief(lab(), events)),
    );
  });
});

describe("the scorer's replay equals the engine's", () => {
  it.each([1, 2, 3, 4, 5])(
    'random lab session %i: in-place and copy-on-write states equal step()/replay()',
    (seed) => {
      const c = lab();
      const events = playSession(c, [{ id: 'r1', name: 'r1', policy: randomPolicy }], {
        seed,
        maxEvents: 80,
      });
      let viaStep: TeamState = initialState(c, 'r1');
      let cow: TeamState = viaStep;
      const mine = privateState(JSON.stringify(viaStep), 'r1');
      for (const ev of events.filter((e) => e.team === 'r1')) {
        const a = step(c, viaStep, ev);
        const b = applyEvent(c, cow, ev);
        const inPlace = applyInPlace(c, mine, ev);
        expect(b.ok).toBe(a.ok);
        expect(inPlace === null || Array.isArray(inPlace)).toBe(a.ok);
        if (a.ok && b.ok) {
          viaStep = a.state;
          cow = b.state;
          expect(b.emitted).toEqual(a.emitted);
          if (Array.isArray(inPlace)) expect(inPlace).toEqual(a.emitted);
        }
      }
      expect(canonicalJson(cow)).toBe(canonicalJson(viaStep));
      expect(canonicalJson(mine)).toBe(canonicalJson(replay(c, events).teams.r1));
    },
  );
});
