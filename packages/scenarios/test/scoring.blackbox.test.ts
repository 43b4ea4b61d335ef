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

// ── The forest at Berkasovo: a man asks for asylum, a woman is hurt, the offered interpreter is family ──

const FOREST = {
  careful: [
    'police first/care',
    'police asylum/register',
    'police driver/arrest',
    'police van/witnessed',
    'police go_on/go',
    'police vet/ask_service',
    'police req phone_order',
    'prosecutor answer phone_order yes',
    'police phone/order',
    'police hear_karim/with_video',
    'police hand/go',
    'prosecutor group/reception',
    'prosecutor charge/milan',
  ],
  careless: [
    'police first/secure_first',
    'police asylum/not_now',
    'police driver/arrest',
    'police go_on/go',
    'police phone/look',
    'police hear_karim/with_goran',
    'police hand/go',
    'prosecutor group/readmit',
    'prosecutor charge/milan',
  ],
  weak: [
    'police first/care',
    'police asylum/register',
    'police driver/arrest',
    'police van/witnessed',
    'police go_on/go',
    'police phone/look',
    'police hear_karim/with_goran',
    'police hand/go',
    'prosecutor group/reception',
    'prosecutor charge/milan',
  ],
};

describe('The forest at Berkasovo', () => {
  const t = teams('forest-berkasovo', FOREST);
  const item = (team: TeamDebrief | undefined, id: string) =>
    team?.evidence.find((e) => e.id === id);

  it('the man who says "asylum" gets the procedure; handed back with the group, he is named as an asylum seeker removed', () => {
    expect(whom(t.careful, 'RIGHTS.ASYLUM.REGISTERED')).toEqual(['karim']);
    expect(whom(t.careful, 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM')).toEqual([]);
    // The readmission took all nine without individual decisions: a collective removal, and the one who had
    // asked for asylum is named for it, not lost among the others.
    expect(whom(t.careless, 'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL')).toContain('karim');
    expect(whom(t.careless, 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM')).toEqual(['karim']);
    expect(t.careless?.redLines.length).toBeGreaterThan(0);
    // Not walking them back at the forest edge, only to hand them all over at noon, is no choice of an
    // individual procedure: no credit for it. The careful team, which sent them to reception, keeps it.
    expect(hits(t.careless, 'RIGHTS.NONREFOULEMENT.REFUSED')).toEqual([]);
    expect(hits(t.careful, 'RIGHTS.NONREFOULEMENT.REFUSED')).toHaveLength(1);
  });

  it('the injured woman gets first aid and a doctor first; searching and counting everyone instead leaves her without', () => {
    expect(whom(t.careful, 'RIGHTS.LIFE.TRIAGE')).toContain('samira');
    expect(whom(t.careful, 'RIGHTS.MEDICAL.CARE')).toEqual(['samira']);
    expect(whom(t.careless, 'RIGHTS.LIFE.NO_ASSISTANCE')).toContain('samira');
    expect(whom(t.careless, 'RIGHTS.MEDICAL.DENIED')).toEqual(['samira']);
  });

  it("a registered interpreter who is the driver's brother-in-law is no neutral interpreter: what he interpreted is excluded", () => {
    // Both the weak and the careless team heard Karim through Goran; nobody at the station knew of the tie,
    // but the court would: the statement goes, and no credit for a "certified" interpreter.
    // He is named for the tie: he is no passenger, and the debrief must not say he was one.
    for (const team of [t.weak, t.careless]) {
      expect(whom(team, 'EVIDENCE.INTERPRETER.TIED')).toEqual(['karim']);
      expect(whom(team, 'EVIDENCE.INTERPRETER.CO_NATIONAL')).toEqual([]);
      expect(whom(team, 'RIGHTS.INTERPRETER.NEUTRAL')).toEqual([]);
      expect(item(team, 'karim_statement')?.status).toBe('excluded');
    }
    expect(hits(t.weak, 'EVIDENCE.INTERPRETER.TIED')[0]?.detail.en).toMatch(/Milan/);
    // The careful team asked who Goran was and waited for the video interpreter.
    expect(whom(t.careful, 'EVIDENCE.INTERPRETER.TIED')).toEqual([]);
    expect(whom(t.careful, 'RIGHTS.INTERPRETER.NEUTRAL')).toEqual(['karim']);
    expect(item(t.careful, 'karim_statement')?.status).toBe('admissible');
  });

  it('the careful team scores above the weak one, and the weak one above the careless one', () => {
    const r = (k: keyof typeof FOREST) => t[k]?.rightsScore.value ?? NaN;
    const e = (k: keyof typeof FOREST) => t[k]?.evidenceScore.value ?? NaN;
    expect(r('careful')).toBeGreaterThan(r('weak'));
    expect(r('weak')).toBeGreaterThan(r('careless'));
    expect(e('careful')).toBeGreaterThan(e('weak'));
    expect(e('weak')).toBeGreaterThan(e('careless'));
  });
});

// ── The phone at Subotica bus station: a boy named in the chats, a CSO that keeps a woman's confidence ──

const PHONE = {
  careful: [
    'police arrest/informed',
    'police phone/seal',
    'police go_on/go',
    'fac answer phone_order yes',
    'police search/image',
    'police boy/social_work',
    'police leyla/ask_consent',
    'police hand/go',
    'prosecutor charge/smuggling',
  ],
  careless: [
    'police arrest/plain',
    'police phone/read_now',
    'police go_on/go',
    'police boy/hamid',
    'police leyla/demand',
    'police hand/go',
    'prosecutor charge/smuggling',
  ],
  weak: [
    'police arrest/informed',
    'police phone/read_now',
    'police go_on/go',
    'police boy/social_work',
    'police leyla/ask_consent',
    'police hand/go',
    'prosecutor charge/smuggling',
  ],
};

describe('The phone at Subotica bus station', () => {
  const t = teams('phone-subotica', PHONE);
  const item = (team: TeamDebrief | undefined, id: string) =>
    team?.evidence.find((e) => e.id === id);

  it("a suspect's phone read in the car without an order is excluded; imaged under the judge's order it is evidence", () => {
    for (const team of [t.weak, t.careless]) {
      expect(whom(team, 'EVIDENCE.DEVICE.NO_ORDER')).toEqual(['farid']);
      expect(item(team, 'farid_phone')?.status).toBe('excluded');
    }
    expect(whom(t.careful, 'EVIDENCE.DEVICE.ORDER')).toEqual(['farid']);
    expect(item(t.careful, 'farid_phone')?.status).toBe('admissible');
  });

  it('a boy of 15 alone whom the team knows only from the chats still needs a guardian, whatever became of the phone', () => {
    // Nobody has met Omid: the chats are all the police have. Reading them (lawfully or not) tells them a child
    // travels alone; what they owe him does not depend on whether the phone is admissible.
    expect(whom(t.careful, 'RIGHTS.CHILD.GUARDIAN')).toEqual(['omid']);
    expect(whom(t.weak, 'RIGHTS.CHILD.GUARDIAN')).toEqual(['omid']);
    const missed = hits(t.careless, 'RIGHTS.CHILD.NO_GUARDIAN');
    expect(missed.map((i) => i.persons)).toEqual([['omid']]);
    expect(missed[0]?.role).toBe('police');
  });

  it("the CSO's promise to the woman is kept by asking her, not by taking its note", () => {
    expect(hits(t.careful, 'RIGHTS.CSO.ACCESS')).toHaveLength(1);
    expect(hits(t.careful, 'RIGHTS.CSO.BARRED')).toEqual([]);
    expect(item(t.careful, 'leyla_statement')?.status).toBe('admissible');
    expect(hits(t.careless, 'RIGHTS.CSO.ACCESS')).toEqual([]);
    expect(hits(t.careless, 'RIGHTS.CSO.BARRED')).toHaveLength(1);
    expect(item(t.careless, 'cso_file')?.status).toBe('excluded');
  });

  it('the careful team scores above the weak one, and the weak one above the careless one', () => {
    const r = (k: keyof typeof PHONE) => t[k]?.rightsScore.value ?? NaN;
    const e = (k: keyof typeof PHONE) => t[k]?.evidenceScore.value ?? NaN;
    expect(r('careful')).toBeGreaterThan(r('weak'));
    expect(r('weak')).toBeGreaterThan(r('careless'));
    expect(e('careful')).toBeGreaterThan(e('weak'));
    expect(e('weak')).toBeGreaterThan(e('careless'));
  });
});
