/**
 * Three scenarios written from facts only, by someone who had not read the legal model (a girl who says she is
 * 19 at a bus station, people held for ransom in a house, a 17-year-old driver paid with his own passage), each
 * played by a careful, a careless and a weak team. Each test pins a finding a trainer or a lawyer reading the
 * debrief would expect from the facts, and the careful team must come out ahead of the careless one.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_RUBRIC, compile, initialState, parseScenario, step } from '../src';
import type { CompiledScenario, LogLine } from '../src';
import { debrief } from '../src/scoring';
import type { TeamDebrief } from '../src/scoring';
import { fixture } from './helpers';

function load(name: string): CompiledScenario {
  const r = parseScenario(readFileSync(fixture(`blackbox/${name}.yaml`), 'utf8'), {
    file: `${name}.yaml`,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return compile(r.scenario);
}

/**
 * One line per step: "role decision/option", "role req <request>", "role answer <request> yes|no" (the
 * facilitator answers when role is "fac"), "tick <minutes>". Each is checked against the engine as it is
 * written, with the team's clock as its time, so the log is one a live session could have written.
 */
function play(c: CompiledScenario, plans: Record<string, string[]>): LogLine[] {
  const teams = Object.keys(plans);
  const log: LogLine[] = [
    {
      seq: 1,
      at: '2026-12-06T00:00:00.000Z',
      time: 0,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: {
        scenario: c.scenario.id,
        version: c.scenario.version,
        teams: teams.map((id) => ({ id, name: id })),
      },
    } as LogLine,
  ];
  for (const team of teams) {
    let state = initialState(c, team);
    for (const line of plans[team] ?? []) {
      const [role = '', kind = '', arg = '', granted = ''] = line.split(' ');
      const actor = role === 'fac' || role === 'tick' ? null : role;
      const [decision, option] = kind.split('/');
      const body =
        role === 'tick'
          ? { type: 'clock.ticked', payload: { minutes: Number(kind) } }
          : kind === 'req'
            ? { type: 'request.sent', payload: { request: arg } }
            : kind === 'answer'
              ? { type: 'request.answered', payload: { request: arg, granted: granted === 'yes' } }
              : { type: 'decision.made', payload: { decision, option } };
      const ev = {
        seq: log.length + 1,
        at: '2026-12-06T00:00:00.000Z',
        time: state.clock,
        team,
        role: actor,
        participant: actor ? `${team}:${actor}` : null,
        ...body,
      } as LogLine;
      const r = step(c, state, ev as never);
      if (!r.ok) throw new Error(`${team}: "${line}" rejected: ${r.message}`);
      state = r.state;
      log.push(ev);
    }
  }
  return log;
}

function teams(name: string, plans: Record<string, string[]>): Record<string, TeamDebrief> {
  const c = load(name);
  const d = debrief(c, play(c, plans) as never, DEFAULT_RUBRIC);
  return Object.fromEntries(d.teams.map((t) => [t.team, t]));
}

const hits = (t: TeamDebrief | undefined, rule: string) =>
  (t?.items ?? []).filter((i) => i.ruleId === rule);
/** Who a rule's findings name (a rule on both axes gives one item per axis). */
const whom = (t: TeamDebrief | undefined, rule: string) => [
  ...new Set(hits(t, rule).flatMap((i) => i.persons)),
];

// ── Night bus at Niš: a girl who says she is 19, her passport in the bag of the man with her ─────────────

const BUS = {
  careful: [
    'police girl/as_child',
    'police arrest/arrest_informed',
    'police go_on/go',
    'police hear_zarina/with_guardian',
    'social_work age/holistic',
    'police req phone_order',
    'prosecutor answer phone_order yes',
    'police phone/with_order',
    'police hear_wali/wali_certified',
    'police wali_asylum/register',
    'police to_prosecutor/hand',
    'prosecutor zarina_next/identify',
    'prosecutor charge/smuggling_and_trafficking',
  ],
  careless: [
    'police girl/cell_all',
    'police arrest/arrest_plain',
    'police go_on/go',
    'police hear_zarina/rahim_translates',
    'police age/xray',
    'police phone/scroll',
    'police hear_wali/wali_group',
    'police to_prosecutor/hand',
    'prosecutor zarina_next/readmit',
    'prosecutor charge/everyone',
  ],
  weak: [
    'police girl/as_adult',
    'police arrest/arrest_informed',
    'police go_on/go',
    'police hear_zarina/alone_at_night',
    'police phone/scroll',
    'police hear_wali/wali_certified',
    'police wali_asylum/later',
    'police to_prosecutor/hand',
    'prosecutor zarina_next/identify',
    'prosecutor charge/smuggling_and_trafficking',
  ],
};

describe('Night bus at Niš', () => {
  const t = teams('bus-station-nis', BUS);

  it('a child the team removes without ever asking for a guardian is a child left without one', () => {
    // The deadline (24 h) had not passed when she was sent back after four hours: the removal is what made
    // the guardian impossible, so the obligation is not moot (CRC GC 6; Return Directive art. 10).
    const removal = t.careless?.timeline.find((e) => e.label.en.includes('Return her'));
    const found = hits(t.careless, 'RIGHTS.CHILD.NO_GUARDIAN');
    expect(found.map((i) => i.persons)).toEqual([['zarina']]);
    expect(found[0]?.causedBySeq).toBe(removal?.seq);
    expect(found[0]?.role).toBe('prosecutor');
    // The careful team asked for one at once: no such finding.
    expect(hits(t.careful, 'RIGHTS.CHILD.NO_GUARDIAN')).toEqual([]);
  });

  it('the careful team scores above the weak one, and the weak one above the careless one', () => {
    const r = (k: keyof typeof BUS) => t[k]?.rightsScore.value ?? NaN;
    const e = (k: keyof typeof BUS) => t[k]?.evidenceScore.value ?? NaN;
    expect(r('careful')).toBeGreaterThan(r('weak'));
    expect(r('weak')).toBeGreaterThan(r('careless'));
    expect(e('careful')).toBeGreaterThan(e('weak'));
    expect(e('weak')).toBeGreaterThan(e('careless'));
  });
});

// ── The boy at the wheel: a 17-year-old migrant drives the car for his own free passage ───────────────

const FREE = {
  careful: [
    'police sort/separate',
    'police bilal_custody/juvenile',
    'police onward/go',
    'police hear_bilal/full',
    'police req phone_order',
    'fac answer phone_order yes',
    'police phone/order',
    'police passenger_phones/consent',
    'prosecutor imran/register_and_depose',
    'prosecutor to_charges/go',
    'tick 1500',
    'prosecutor charge/shah_and_bilal',
  ],
  careless: [
    'police sort/cuff_everyone',
    'police bilal_custody/adult_cell',
    'police onward/go',
    'police hear_bilal/lawyer_only',
    'police phone/photos',
    'police passenger_phones/none',
    'police imran/readmit',
    'prosecutor to_charges/go',
    'prosecutor charge/all',
  ],
  weak: [
    'police sort/separate',
    'police bilal_custody/juvenile',
    'police onward/go',
    'police hear_bilal/full',
    'police phone/photos',
    'police passenger_phones/none',
    'prosecutor imran/hold_as_witness',
    'prosecutor to_charges/go',
    'prosecutor charge/shah_and_bilal',
  ],
};

describe('The boy at the wheel', () => {
  const t = teams('free-passage', FREE);

  it("a child suspect's arrest with reasons, a judge, a guardian and a lawyer is no migration detention", () => {
    expect(hits(t.careful, 'RIGHTS.CHILD.DETENTION')).toEqual([]);
    expect(t.careful?.outcome.accountability).toEqual([]);
    expect(hits(t.careful, 'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS').map((i) => i.persons)).toEqual([
      ['bilal'],
    ]);
  });

  it('the same boy put in the cell with adults, no lawyer and no guardian: each of those is a finding', () => {
    const ids = (t.careless?.items ?? [])
      .filter((i) => i.persons.includes('bilal'))
      .map((i) => i.ruleId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'RIGHTS.CHILD.WITH_ADULTS',
        'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS',
        'RIGHTS.CHILD.NO_GUARDIAN',
        'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      ]),
    );
  });

  it('a role "assessed" in a hearing of the boy without his guardian is no assessment before charging him', () => {
    // Both teams heard him as a suspect with a lawyer before charging; only the careful one with his guardian.
    expect(whom(t.careful, 'EVIDENCE.STATUS.ROLE_ASSESSED')).toEqual(['bilal']);
    expect(whom(t.careful, 'RIGHTS.STATUS.PASSENGER_CHARGED')).toEqual([]);
    expect(whom(t.careless, 'EVIDENCE.STATUS.ROLE_ASSESSED')).toEqual([]);
    expect(whom(t.careless, 'RIGHTS.STATUS.PASSENGER_CHARGED')).toEqual(['bilal']);
  });

  it('the careful team scores above the careless one on both axes', () => {
    expect(t.careful?.rightsScore.value).toBeGreaterThan(t.weak?.rightsScore.value ?? 100);
    expect(t.weak?.rightsScore.value).toBeGreaterThan(t.careless?.rightsScore.value ?? 100);
    expect(t.careful?.evidenceScore.value).toBeGreaterThan(t.careless?.evidenceScore.value ?? 100);
  });
});

describe('Night bus at Niš: a child migrant in a police cell', () => {
  it('is still a child deprived of liberty (the suspect exception is for suspects only)', () => {
    const t = teams('bus-station-nis', { careless: BUS.careless }).careless;
    expect(hits(t, 'RIGHTS.CHILD.DETENTION').map((i) => i.persons)).toEqual([['zarina']]);
  });
});

// ── The house at Bački Vinogradi: nine people held until their families pay ──────────────────────────

const RANSOM = {
  careful: [
    'police enter/now',
    'police care/hospital',
    'police people/victims',
    'police phones/limited',
    'police dragan_phone/order',
    'fac answer phone_search yes',
    'police leave_house/go',
    'police hear_yusuf/certified',
    'prosecutor protect/measures',
    'prosecutor money/follow',
    'prosecutor charge/both_heard',
  ],
  careless: [
    'police enter/wait',
    'police care/station_first',
    'police people/detain_illegal_stay',
    'police phones/keep_all',
    'police dragan_phone/answer',
    'police leave_house/go',
    'police hear_yusuf/samir_interprets',
    'prosecutor money/skip',
    'prosecutor charge/both',
  ],
  weak: [
    'police enter/now',
    'police care/hospital',
    'police people/victims',
    'police phones/keep_all',
    'police dragan_phone/answer',
    'police leave_house/go',
    'police hear_yusuf/certified',
    'prosecutor protect/nothing',
    'prosecutor money/skip',
    'prosecutor charge/both',
  ],
};

describe('The house at Bački Vinogradi', () => {
  const t = teams('ransom-house', RANSOM);

  it('a plea on single sources says so, instead of "proven, but not" the same elements', () => {
    // Only Yusuf's statement is admissible: facilitation and benefit rest on it alone.
    const weak = t.weak?.outcome.criminal;
    expect(weak?.kind).toBe('plea');
    expect(weak?.reason.en).not.toMatch(/but not/);
    expect(weak?.reason.en).toMatch(/single source.*facilitation.*benefit/i);
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const)
      expect(weak?.reason[lang]).not.toEqual(weak?.reason.en);
  });

  it('the careful team scores above the weak one, and the weak one above the careless one', () => {
    expect(t.careful?.rightsScore.value).toBeGreaterThan(t.weak?.rightsScore.value ?? 100);
    expect(t.weak?.rightsScore.value).toBeGreaterThan(t.careless?.rightsScore.value ?? 100);
    expect(t.careful?.evidenceScore.value).toBeGreaterThan(t.weak?.evidenceScore.value ?? 100);
    expect(t.weak?.evidenceScore.value).toBeGreaterThan(t.careless?.evidenceScore.value ?? 100);
  });
});

// ── Left on the Sava bank: the boatman left six people on a sandbank; one drowned ───────────────────

describe('Left on the Sava bank', () => {
  const t = teams('river-sava', {
    careful: ['police survivors/warm', 'prosecutor body/full', 'prosecutor finish/depose'],
    careless: ['police survivors/warm', 'police body/quick', 'prosecutor finish/depose'],
  });

  it('a death no officer had a hand in may be investigated by the police who found it', () => {
    // Scene, identification, autopsy, family told and an inquiry by the local crime police into the boatman:
    // no pursuit and no custody came before the death, so nobody in that unit is implicated in it.
    for (const rule of ['RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT', 'RIGHTS.LIFE.NO_INQUIRY'])
      expect(hits(t.careful, rule)).toEqual([]);
    expect(whom(t.careful, 'RIGHTS.LIFE.DEATH_INQUIRY')).toEqual(['ahmad']);
    expect(t.careful?.outcome.accountability).toEqual([]);
    expect(t.careful?.rightsScore.value).toBeGreaterThan(t.careless?.rightsScore.value ?? 100);
  });
});
