/**
 * Two scenarios nobody tuned the legal model to (test/fixtures/novel): a minibus stopped near Lojane in
 * North Macedonia (outside the EU) and a taxi stopped at the Lučko toll plaza in Croatia (an EU member
 * state). Each states facts only: an unaccompanied child, an asylum wish, who interprets, an injured or
 * pregnant person, evidence whose admissibility turns on how it is obtained, and requests to other
 * agencies. Each is played end to end by a careful and a careless scripted team through the engine's own
 * availableActions/step, replayed and debriefed, and the debrief is checked against what the domain
 * brief says the case means in that country.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { compile, parseScenario, replay, viewFor } from '../src';
import type { CompiledScenario, LogLine, TeamState } from '../src';
import { debrief, decisionFindings, LiveScores, renderDebriefText } from '../src/scoring';
import type { Debrief, ScoredItem, TeamDebrief } from '../src/scoring';
import { playSession, randomPolicy, scripted } from '../examples/generate';
import type { ScriptedPolicy } from '../examples/generate';

function loadNovel(id: string, edit: (yaml: string) => string = (y) => y): CompiledScenario {
  const file = join(__dirname, 'fixtures', 'novel', `${id}.yaml`);
  const parsed = parseScenario(edit(readFileSync(file, 'utf8')), { file });
  if (!parsed.ok) throw new Error(`${id}.yaml is invalid: ${JSON.stringify(parsed.errors)}`);
  expect(parsed.warnings).toEqual([]);
  return compile(parsed.scenario);
}

interface Played {
  c: CompiledScenario;
  events: LogLine[];
  teams: Record<string, TeamState>;
  rejected: unknown[];
  d: Debrief;
  team: (id: string) => TeamDebrief;
}

function play(c: CompiledScenario, policies: Record<string, ScriptedPolicy>): Played {
  const events = playSession(
    c,
    Object.entries(policies).map(([id, p]) => ({ id, name: id, policy: scripted(p, c) })),
    { seed: 7, maxEvents: 1500 },
  );
  const r = replay(c, events);
  const d = debrief(c, events);
  return {
    c,
    events,
    teams: r.teams,
    rejected: r.rejected,
    d,
    team: (id) => {
      const t = d.teams.find((x) => x.team === id);
      if (!t) throw new Error(`no debrief for ${id}`);
      return t;
    },
  };
}

const options = (p: Played, team: string) =>
  p.events
    .filter((e) => e.team === team && e.type === 'decision.made')
    .map((e) => (e.payload as { option: string }).option);

const counted = (t: TeamDebrief) => t.items.filter((i) => i.counted);
const rules = (t: TeamDebrief) => new Set(t.items.map((i) => i.ruleId));

/** Every scored point names its rule, axis, points on the brief's scale, a legal basis and its cause. */
function expectWellFormed(events: readonly LogLine[], t: TeamDebrief) {
  const seqs = new Set(events.map((e) => e.seq));
  expect(t.items.length).toBeGreaterThan(0);
  for (const i of t.items) {
    expect(i.ruleId).toMatch(/^[A-Z]+(\.[A-Z_0-9]+)+$/);
    expect(['evidence', 'rights']).toContain(i.axis);
    expect(i.points).not.toBe(0);
    if (i.axis === 'evidence') expect(Math.abs(i.points)).toBeLessThanOrEqual(3);
    else expect(i.points).toBeGreaterThanOrEqual(-4);
    expect(i.legalBasis.length).toBeGreaterThan(0);
    expect(seqs.has(i.causedBySeq)).toBe(true);
  }
}

/** The texts a trainee reads for each point, every language. */

/** A novel case states facts only: the catalogue reading finds no rule id or verdict in it. */
function itStatesFactsOnly(id: string): void {
  it('states facts only: the catalogue reading finds no rule id or verdict in it', () => {
    const file = join(__dirname, 'fixtures', 'novel', `${id}.yaml`);
    const strict = parseScenario(readFileSync(file, 'utf8'), { file, catalogue: true });
    expect(strict.ok && strict.verdicts).toEqual([]);
  });
}

/**
 * What every scripted play must show: each team chose exactly its script's options (for the teams in
 * `scripts`) and reached its ending, nothing was rejected, and every point is well formed.
 */
function itPlaysItsScripts(
  p: Played,
  scripts: Record<string, ScriptedPolicy>,
  endings: Record<string, string>,
) {
  it('plays each team on its own script without a rejected event', () => {
    expect(p.rejected).toEqual([]);
    for (const [team, script] of Object.entries(scripts))
      expect(new Set(options(p, team))).toEqual(
        new Set(Object.values(script.prefer).map((o) => o[0])),
      );
    for (const [team, ending] of Object.entries(endings))
      expect([team, p.teams[team]?.ended?.ending]).toEqual([team, ending]);
  });

  it('scores every point with its rule, axis, points, legal basis and causing event', () => {
    for (const team of Object.keys(endings)) expectWellFormed(p.events, p.team(team));
  });
}

function itemTexts(i: ScoredItem): string[] {
  return [
    ...Object.values(i.title),
    ...Object.values(i.explanation),
    ...i.legalBasis.flatMap((b) => [b.instrument, b.article ?? '', ...Object.values(b.text)]),
  ].filter((x): x is string => typeof x === 'string');
}

const SERBIAN_LAW = /Serbia|Srbij|Србиј|Serbis|Serbian|srpsk|српск/i;
const SEVENTY_TWO = /72/;
/** Serbian particulars of the child rules: its guardianship body and its rule on a child's asylum intention. */
const SERBIAN_CHILD_RULES =
  /Centre for Social Work|Centra za socijalni rad|lodge an asylum intention|izrazi nameru traženja azila/;

function expectCountryLaw(t: TeamDebrief, country: RegExp) {
  for (const i of t.items) {
    for (const text of itemTexts(i))
      expect({ rule: i.ruleId, text, serbian: SERBIAN_LAW.test(text) }).toMatchObject({
        serbian: false,
      });
    for (const text of [...Object.values(i.title), ...Object.values(i.explanation)])
      expect({ rule: i.ruleId, text, serbian: SERBIAN_CHILD_RULES.test(text ?? '') }).toMatchObject(
        {
          serbian: false,
        },
      );
    if (!i.ruleId.startsWith('RIGHTS.ASYLUM.')) continue;
    // Serbia's 72-hour window for acting on an asylum wish: no such window here, in words or in time.
    for (const text of [...itemTexts(i), ...Object.values(i.detail)])
      expect({ rule: i.ruleId, text, hours: SEVENTY_TWO.test(text) }).toMatchObject({
        hours: false,
      });
    expect(i.deadline).toBeUndefined();
    expect(i.ruleId).not.toBe('RIGHTS.ASYLUM.REGISTERED_LATE');
  }
  const national = t.items.flatMap((i) => i.legalBasis).filter((b) => country.test(b.instrument));
  expect(national.length).toBeGreaterThan(0);
}

/** Every text of every point is there in Serbian (Latin), and not an English copy. */
function expectSerbianLatin(t: TeamDebrief) {
  for (const i of t.items) {
    for (const field of [i.title, i.explanation, i.detail]) {
      expect(field['sr-Latn']).toBeTruthy();
      expect(field['sr-Latn']).not.toBe(field.en);
    }
    for (const b of i.legalBasis) expect(b.text['sr-Latn']).toBeTruthy();
  }
}

/** Every text of the debrief (outcome, methods, timeline, comparison, missed opportunities…) has sr-Latn. */
function expectWholeDebriefInSerbianLatin(d: Debrief) {
  let texts = 0;
  const walk = (x: unknown, path: string): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach((y, i) => walk(y, `${path}[${i}]`));
    const o = x as Record<string, unknown>;
    if (typeof o.en === 'string') {
      texts += 1;
      expect({ path, sr: typeof o['sr-Latn'] === 'string' && o['sr-Latn'] !== '' }).toEqual({
        path,
        sr: true,
      });
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(d, 'debrief');
  expect(texts).toBeGreaterThan(100);
}

/**
 * Need to know, at every step of every team's run: an agency's view holds the documents and obtained
 * evidence listed for it (or revealed to it), the requests it sent or must answer and the injects sent to
 * it, nothing else; and its debrief never names a document or item outside its view.
 */
function expectNeedToKnow(p: Played, secrets: Record<string, string[]>) {
  const s = p.c.scenario;
  const roles = s.agencies.map((a) => a.id);
  let checked = 0;
  const seen = new Set<string>();
  replay(p.c, p.events, {
    onEvent: (_ev, _before, after) => {
      for (const role of roles) {
        const v = viewFor(p.c, after, role);
        for (const x of [...v.documents, ...v.evidence]) seen.add(x.id);
        const revealedTo = (id: string) => (after.reveals[id] ?? []).includes(role);
        for (const d of v.documents) {
          const def = s.documents.find((x) => x.id === d.id);
          expect({
            role,
            doc: d.id,
            ok: !!def && (def.visibleTo.includes(role) || revealedTo(d.id)),
          }).toMatchObject({ ok: true });
        }
        for (const e of v.evidence) {
          const def = s.evidence.find((x) => x.id === e.id);
          expect({
            role,
            evidence: e.id,
            ok: !!def && (def.visibleTo.includes(role) || revealedTo(e.id)),
          }).toMatchObject({ ok: true });
        }
        for (const r of v.requests) {
          const def = s.requests.find((x) => x.id === r.id);
          expect({
            role,
            request: r.id,
            ok: !!def && (def.from.includes(role) || def.to === role),
          }).toMatchObject({ ok: true });
        }
        for (const d of v.decisions) {
          const def = p.c.decisions.get(d.decision)?.def;
          expect({
            role,
            decision: d.decision,
            ok: !!def && def.agencies.includes(role),
          }).toMatchObject({ ok: true });
        }
        expect(Object.keys(v.facts)).toEqual(
          s.facts.filter((f) => (f.visibleTo ?? []).includes(role)).map((f) => f.id),
        );
        for (const i of v.injects) {
          const def = s.injects.find((x) => x.id === i.id);
          expect({ role, inject: i.id, ok: !!def && def.to.includes(role) }).toMatchObject({
            ok: true,
          });
        }
        checked += 1;
      }
    },
  });
  expect(checked).toBeGreaterThan(0);
  // Not vacuous: every document reaches the agencies it is for, and the full debrief names what the
  // recipients' debriefs must not.
  for (const d of s.documents) expect(seen).toContain(d.id);
  const full = JSON.stringify(p.d);
  expect(
    Object.values(secrets)
      .flat()
      .filter((w) => full.includes(w)).length,
  ).toBeGreaterThan(4);
  for (const team of Object.keys(p.teams))
    for (const [role, words] of Object.entries(secrets)) {
      const json = JSON.stringify(debrief(p.c, p.events, undefined, { recipient: { team, role } }));
      for (const w of words)
        expect({ team, role, leaked: w, found: json.includes(w) }).toMatchObject({ found: false });
    }
}

/** An obligation never met is placed in the timeline when it was found missing, not at its trigger. */
function expectUndischargedAtTheirTime(t: TeamDebrief, some = true) {
  const open = t.items.filter((i) => i.undischarged);
  if (some) expect(open.length).toBeGreaterThan(0);
  for (const i of open) {
    const entry = t.timeline.find((e) => e.items.includes(i.key));
    expect({ rule: i.ruleId, time: entry?.time }).toEqual({ rule: i.ruleId, time: i.time });
  }
}

describe('minibus near Lojane (North Macedonia)', () => {
  const c = loadNovel('minibus-lojane');
  const CAREFUL: ScriptedPolicy = {
    send: ['req_phone_order'],
    fallback: 'first',
    prefer: {
      d_people: ['o_triage_separate'],
      d_karim: ['o_call_ems'],
      d_farida: ['o_register_farida'],
      d_leave_road: ['o_to_station'],
      d_bilal_care: ['o_bilal_social_work'],
      d_interpreter: ['o_ask_register'],
      d_bilal_heard: ['o_bilal_guardian_video'],
      d_phone: ['o_phone_order'],
      d_minibus: ['o_minibus_witnessed'],
      d_hand_over: ['o_hand_over'],
      d_passengers: ['o_depose_video'],
      d_serbia: ['o_mla'],
      d_charge: ['o_charge_driver'],
    },
  };
  const CARELESS: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      d_people: ['o_cuff_all'],
      d_karim: ['o_station_tomorrow'],
      d_farida: ['o_farida_misdemeanour'],
      d_leave_road: ['o_to_station'],
      d_bilal_care: ['o_bilal_with_group'],
      d_interpreter: ['o_imran_translates'],
      d_bilal_heard: ['o_bilal_tonight'],
      d_phone: ['o_phone_scroll'],
      d_minibus: ['o_minibus_quick'],
      d_hand_over: ['o_hand_over'],
      d_passengers: ['o_police_notes'],
      d_serbia: ['o_phone_call'],
      d_charge: ['o_charge_everyone'],
    },
  };
  const p = play(c, { careful: CAREFUL, careless: CARELESS });

  itPlaysItsScripts(
    p,
    { careful: CAREFUL, careless: CARELESS },
    { careful: 'conviction', careless: 'acquittal' },
  );

  it('the careful team: child, asylum, injury, interpreter, phone and foreign records done lawfully', () => {
    const t = p.team('careful');
    for (const r of [
      'RIGHTS.ASYLUM.REGISTERED',
      'RIGHTS.CHILD.GUARDIAN',
      'EVIDENCE.DEVICE.ORDER',
      'EVIDENCE.WITNESS.EARLY_DEPOSITION',
      'EVIDENCE.CROSSBORDER.MLA',
    ])
      expect(rules(t)).toContain(r);
    expect(counted(t).filter((i) => i.points < 0)).toEqual([]);
    expect(t.redLines).toEqual([]);
    expect(t.outcome.kind).toBe('conviction');
  });

  it('the careless team: the asylum wish punished, the boy heard through a passenger, the phone browsed', () => {
    const t = p.team('careless');
    for (const r of [
      'RIGHTS.STATUS.CUFF_ALL',
      'RIGHTS.NONPENALISATION.MISDEMEANOUR',
      'EVIDENCE.INTERPRETER.CO_NATIONAL',
      'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      'EVIDENCE.DEVICE.NO_ORDER',
      'EVIDENCE.CROSSBORDER.INFORMAL_ONLY',
    ])
      expect(rules(t)).toContain(r);
    expect(t.evidence.find((e) => e.id === 'ev_driver_phone')?.status).not.toBe('admissible');
    // Writing Farida up instead of walking the group back is no refusal of the informal return that
    // keeps her in a procedure: it punishes her asylum wish. Registering her (the careful team) is one.
    expect(rules(t)).not.toContain('RIGHTS.NONREFOULEMENT.REFUSED');
    expect(rules(p.team('careful'))).toContain('RIGHTS.NONREFOULEMENT.REFUSED');
    expect(t.outcome.kind).not.toBe('conviction');
    expect(p.team('careful').rightsScore.value).toBeGreaterThan(t.rightsScore.value + 30);
    expect(p.team('careful').evidenceScore.value).toBeGreaterThan(t.evidenceScore.value);
  });

  it("cites North Macedonia's law and the EU standard it is not bound by, never Serbian law or the 72-hour window", () => {
    for (const team of ['careful', 'careless']) {
      const t = p.team(team);
      expectCountryLaw(t, /North Macedonia/);
      const eu = t.items.flatMap((i) => i.legalBasis).filter((b) => /Directive/.test(b.instrument));
      for (const b of eu) expect(b.text.en).toContain('North Macedonia is not an EU member state');
    }
  });

  it('every point reads in Serbian (Latin)', () => {
    expectSerbianLatin(p.team('careful'));
    expectSerbianLatin(p.team('careless'));
    expectWholeDebriefInSerbianLatin(p.d);
  });

  it('the plain-text debrief in Serbian (Latin) names evidence and ending kinds in Serbian', () => {
    const english =
      /\((physical|digital|testimony|document|financial|forensic|conviction|plea|acquittal|collapse|hard_fail|other),/;
    expect(renderDebriefText(p.d, { lang: 'en' })).toMatch(english);
    const serbian = renderDebriefText(p.d, { lang: 'sr-Latn' });
    expect(serbian.split('\n').filter((l) => english.test(l))).toEqual([]);
    expect(serbian).toContain('(digitalni, ');
  });

  it('an obligation never met sits in the timeline when it was found missing', () => {
    expectUndischargedAtTheirTime(p.team('careless'));
  });

  it("what a request granted from the console carried out is the requester's, however the log names the answer", () => {
    // The ambulance is sent by the border police's option and granted by the facilitator for the
    // emergency service nobody plays. The server logs that answer under the agency it is addressed to;
    // a log may also leave the role out (the facilitator's events), as the example generator does.
    const answers = p.events.filter(
      (e) => e.type === 'request.answered' && e.team === 'careful' && e.participant === null,
    );
    expect(answers.length).toBeGreaterThan(0);
    const serverShaped = p.events.map((e) =>
      answers.includes(e)
        ? { ...e, role: p.c.requests.get((e.payload as { request: string }).request)?.to ?? null }
        : e,
    );
    for (const events of [p.events, serverShaped]) {
      const t = debrief(p.c, events).teams.find((x) => x.team === 'careful');
      const care = t?.items.find((i) => i.ruleId === 'RIGHTS.MEDICAL.CARE');
      expect({ role: care?.role, participant: care?.participant }).toEqual({
        role: 'border_police',
        participant: 'careful:border_police',
      });
    }
  });

  it('need to know: no agency sees, or reads in its debrief, what it was not told', () => {
    expectNeedToKnow(p, {
      border_police: [
        'Earlier crossings of the minibus',
        "Social worker's note",
        "Bilal's recorded statement",
        'Statements of the six passengers',
        'Serbian camera records',
        'crossing_log',
        'bilal_family_note',
        'ev_bilal_statement',
        'ev_passenger_statements',
        'ev_vranje_records',
      ],
      social_work: [
        'Earlier crossings of the minibus',
        'Patrol report',
        "Image of the driver's phone",
        'Cash and a handwritten list',
        'Statements of the six passengers',
        'crossing_log',
        'patrol_report',
        'ev_driver_phone',
        'ev_cash_list',
      ],
      prosecutor: ["Social worker's note", 'bilal_family_note'],
    });
  });
});

describe('taxi at the Lučko toll plaza (Croatia)', () => {
  const c = loadNovel('taxi-lucko');
  const CAREFUL: ScriptedPolicy = {
    send: ['req_phone_order'],
    fallback: 'first',
    prefer: {
      d_hana: ['o_hana_hospital'],
      d_mirko_phone: ['o_phone_bag'],
      d_rezan: ['o_rezan_register'],
      d_to_station: ['o_go_station'],
      d_youssef_guardian: ['o_youssef_welfare'],
      d_arabic: ['o_call_interpreter'],
      d_youssef_heard: ['o_youssef_proper'],
      d_youssef_phone: ['o_youssef_phone_consent'],
      d_next: ['o_next'],
      d_toll: ['o_toll_order'],
      d_mirko_search: ['o_mirko_search_order'],
      d_charge: ['o_charge_mirko'],
    },
  };
  const CARELESS: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      d_hana: ['o_hana_later'],
      d_mirko_phone: ['o_phone_answer'],
      d_rezan: ['o_rezan_return'],
      d_to_station: ['o_go_station'],
      d_youssef_guardian: ['o_youssef_xray'],
      d_arabic: ['o_mirko_translates'],
      d_youssef_heard: ['o_youssef_mirko'],
      d_youssef_phone: ['o_all_phones'],
      d_next: ['o_next'],
      d_toll: ['o_toll_later'],
      d_charge: ['o_charge_mirko'],
    },
  };
  const PUSHBACK: ScriptedPolicy = {
    ...CAREFUL,
    prefer: { ...CAREFUL.prefer, d_rezan: ['o_rezan_bih'] },
  };
  const p = play(c, { careful: CAREFUL, careless: CARELESS, pushback: PUSHBACK });

  itPlaysItsScripts(
    p,
    { careful: CAREFUL, careless: CARELESS },
    { careful: 'conviction', careless: 'acquittal', pushback: 'hard_fail' },
  );

  it('the careful team: care, asylum, guardian, court interpreter, orders, consent and preservation', () => {
    const t = p.team('careful');
    for (const r of [
      'RIGHTS.ASYLUM.REGISTERED',
      'RIGHTS.CHILD.GUARDIAN',
      'EVIDENCE.DEVICE.ORDER',
      'EVIDENCE.MIGRANT_PHONES.LIMITED',
      'RIGHTS.MEDICAL.CARE',
      'EVIDENCE.CCTV.PRESERVED',
    ])
      expect(rules(t)).toContain(r);
    expect(counted(t).filter((i) => i.points < 0)).toEqual([]);
    expect(t.outcome.kind).toBe('conviction');
  });

  it('the careless team: no care for Hana, the suspect interprets, a return decision for an asylum seeker', () => {
    const t = p.team('careless');
    for (const r of [
      'EVIDENCE.DEVICE.NO_ORDER',
      'EVIDENCE.INTERPRETER.TIED',
      'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      'RIGHTS.NONPENALISATION.MISDEMEANOUR',
    ])
      expect(rules(t)).toContain(r);
    expect(t.evidence.find((e) => e.id === 'ev_youssef_statement')?.status).not.toBe('admissible');
    expect(p.team('careful').rightsScore.value).toBeGreaterThan(t.rightsScore.value + 30);
    expect(p.team('careful').evidenceScore.value).toBeGreaterThan(t.evidenceScore.value);
  });

  it('sending the passengers back into Bosnia is a red line', () => {
    const t = p.team('pushback');
    expect(t.outcome.kind).toBe('hard_fail');
    expect(t.redLines.length).toBeGreaterThan(0);
    expect(t.rightsScore.value).toBe(0);
  });

  it("cites Croatia's law, EU law as binding and the EU asylum procedure, never Serbian law or 72 hours", () => {
    for (const team of ['careful', 'careless', 'pushback']) {
      const t = p.team(team);
      expectCountryLaw(t, /Croatia/);
      for (const b of t.items.flatMap((i) => i.legalBasis))
        expect(b.text.en).not.toMatch(/not an EU member/);
    }
    const asylum = p.team('careful').items.find((i) => i.ruleId === 'RIGHTS.ASYLUM.REGISTERED');
    expect(asylum?.legalBasis.some((b) => /2024\/1348|Asylum Procedure/.test(b.instrument))).toBe(
      true,
    );
    // The plain-text debrief cites them too: the asylum point's basis line names Croatia's own law and
    // the EU regulation that binds it (added last among its bases), in every language it renders.
    for (const lang of ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const) {
      const text = renderDebriefText({ ...p.d, teams: [p.team('careful')] }, { lang });
      const lines = text.split('\n');
      const heading = asylum?.title[lang];
      const title = heading === undefined ? -1 : lines.findIndex((l) => l.includes(heading));
      expect(title).toBeGreaterThan(-1);
      // The point's own lines: up to the next point (a signed score) or the end of the list.
      const next = lines.findIndex((l, n) => n > title && (/^\s+[+-]\d/.test(l) || l === ''));
      const point = lines.slice(title + 1, next).join('\n');
      expect({ lang, point }).toEqual({ lang, point: expect.stringContaining('2024/1348') });
      expect({ lang, point }).toEqual({
        lang,
        point: expect.stringMatching(/(Croatia|Hrvatske|Хрватска|Kroacisë|Kroacia)/),
      });
    }
  });

  it('every point reads in Serbian (Latin)', () => {
    for (const team of ['careful', 'careless', 'pushback']) expectSerbianLatin(p.team(team));
    expectWholeDebriefInSerbianLatin(p.d);
  });

  it('an obligation never met sits in the timeline when it was found missing', () => {
    expectUndischargedAtTheirTime(p.team('careless'));
    expectUndischargedAtTheirTime(p.team('pushback'));
  });

  it('need to know: no agency sees, or reads in its debrief, what it was not told', () => {
    expectNeedToKnow(p, {
      motorway_police: [
        "The taxi's earlier trips",
        "Youssef's chat with",
        "Youssef's recorded statement",
        'taxi_history',
        'ev_youssef_chat',
        'ev_youssef_statement',
      ],
      social_welfare: [
        "The taxi's earlier trips",
        'Note of the stop',
        "Image of the taxi driver's phone",
        'Toll camera and number-plate records',
        'taxi_history',
        'stop_note',
        'ev_mirko_phone',
        'ev_toll_records',
      ],
    });
  });
});

describe('dinghy below Zvornik (Bosnia and Herzegovina)', () => {
  const c = loadNovel('dinghy-drina');
  const CAREFUL: ScriptedPolicy = {
    send: ['req_phone_order'],
    fallback: 'first',
    prefer: {
      d_people: ['o_ambulance'],
      d_body: ['o_secure_scene'],
      d_commander: ['o_refuse'],
      d_imran: ['o_imran_register'],
      d_van: ['o_van_seize'],
      d_leave_bank: ['o_to_station'],
      d_samiullah: ['o_sami_guardian'],
      d_interpreter: ['o_call_interpreters'],
      d_lawyer_at_gate: ['o_cso_in'],
      d_sami_heard: ['o_sami_proper'],
      d_gul: ['o_sami_refer'],
      d_phone: ['o_phone_order'],
      d_next: ['o_next'],
      d_dead: ['o_autopsy'],
      d_inquiry: ['o_inquiry_prosecutor'],
      d_witnesses: ['o_depose'],
      d_charge: ['o_charge_mladen'],
    },
  };
  const CARELESS: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      d_people: ['o_station_first'],
      d_body: ['o_clear_bank'],
      d_commander: ['o_refuse'],
      d_imran: ['o_imran_charge'],
      d_van: ['o_van_scroll'],
      d_leave_bank: ['o_to_station'],
      d_samiullah: ['o_sami_with_gul'],
      d_interpreter: ['o_gul_translates'],
      d_lawyer_at_gate: ['o_cso_out'],
      d_sami_heard: ['o_sami_gul'],
      d_next: ['o_next'],
      d_dead: ['o_release'],
      d_inquiry: ['o_inquiry_unit'],
      d_witnesses: ['o_notes'],
      d_charge: ['o_charge_all'],
    },
  };
  // The shift commander's instruction obeyed; everything else as the careful team.
  const PUSHBACK: ScriptedPolicy = {
    ...CAREFUL,
    prefer: { ...CAREFUL.prefer, d_commander: ['o_push_back'] },
  };
  const p = play(c, { careful: CAREFUL, careless: CARELESS, pushback: PUSHBACK });
  const item = (team: string, rule: string) => p.team(team).items.filter((i) => i.ruleId === rule);

  itStatesFactsOnly('dinghy-drina');

  itPlaysItsScripts(
    p,
    { careful: CAREFUL, careless: CARELESS },
    { careful: 'conviction', careless: 'acquittal', pushback: 'hard_fail' },
  );

  it('the careful team: care, asylum, guardian, trafficking referral, order, deposition and the death investigated', () => {
    const t = p.team('careful');
    for (const r of [
      'RIGHTS.LIFE.TRIAGE',
      'RIGHTS.MEDICAL.CARE',
      'RIGHTS.ASYLUM.REGISTERED',
      'RIGHTS.NONREFOULEMENT.REFUSED',
      'RIGHTS.CHILD.GUARDIAN',
      'RIGHTS.CSO.ACCESS',
      'RIGHTS.TRAFFICKING.REFERRED',
      'RIGHTS.LIFE.DEATH_INQUIRY',
      'EVIDENCE.DEVICE.ORDER',
      'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW',
      'EVIDENCE.WITNESS.EARLY_DEPOSITION',
    ])
      expect(rules(t)).toContain(r);
    expect(t.outcome.kind).toBe('conviction');
    expect(t.redLines).toEqual([]);
  });

  it('Sadia, pregnant and bleeding heavily, is owed first aid at once, not only medical care', () => {
    // Her bleeding is an acute illness stated as a fact: like Jawed's hypothermia it calls for first aid
    // and triage at once. The careful team's check on the bank gives it; the careless team's drive to
    // the station, a doctor in the morning, never does.
    expect(item('careful', 'RIGHTS.LIFE.TRIAGE').flatMap((i) => i.persons)).toEqual(
      expect.arrayContaining(['sadia', 'jawed']),
    );
    expect(item('careful', 'RIGHTS.MEDICAL.CARE').flatMap((i) => i.persons)).toContain('sadia');
    expect(item('careless', 'RIGHTS.LIFE.NO_ASSISTANCE').flatMap((i) => i.persons)).toEqual(
      expect.arrayContaining(['sadia', 'jawed']),
    );
    expect(item('careless', 'RIGHTS.MEDICAL.DENIED').flatMap((i) => i.persons)).toContain('sadia');
  });

  it('a suspect told of his right to a lawyer as he is arrested (one step) is not held without one', () => {
    // One option arrests Mladen and gives him access to a lawyer; the order its effects are listed in is
    // no fact about the law: both happen when the option is taken.
    const t = p.team('careful');
    expect(rules(t)).not.toContain('RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS');
    expect(counted(t).filter((i) => i.points < 0)).toEqual([]);
    // Arrested without it (the careless team) he still is.
    expect(rules(p.team('careless'))).toContain('RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS');
  });

  it('the careless team: no care, the asylum wish punished, the boy held with the men and heard through Gul, the body released', () => {
    const t = p.team('careless');
    for (const r of [
      'RIGHTS.LIFE.NO_ASSISTANCE',
      'RIGHTS.MEDICAL.DENIED',
      'RIGHTS.NONPENALISATION.MISDEMEANOUR',
      'RIGHTS.ASYLUM.IGNORED',
      'RIGHTS.CHILD.DETENTION',
      'RIGHTS.CHILD.WITH_ADULTS',
      'RIGHTS.CSO.BARRED',
      'RIGHTS.LIFE.BODY_RELEASED_EARLY',
      'RIGHTS.LIFE.NO_INQUIRY',
      'EVIDENCE.DEVICE.NO_ORDER',
      'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      'EVIDENCE.INTERPRETER.TIED',
    ])
      expect(rules(t)).toContain(r);
    for (const e of ['ev_mladen_phone', 'ev_survivor_statements', 'ev_samiullah_statement'])
      expect(t.evidence.find((x) => x.id === e)?.status).not.toBe('admissible');
    expect(p.team('careful').rightsScore.value).toBeGreaterThan(t.rightsScore.value + 30);
    expect(p.team('careful').evidenceScore.value).toBeGreaterThan(t.evidenceScore.value);
  });

  it('obeying the order to push the survivors back across the river is a red line', () => {
    const t = p.team('pushback');
    // The four passengers (one entry standing for a group) are witnesses lost with the pushback; their
    // finding reads as a group's.
    const lost = t.items.find((i) => i.ruleId === 'EVIDENCE.WITNESS.LOST');
    expect(lost?.detail.en).toMatch(/^Four other passengers were removed at /);
    expect(lost?.detail['sr-Latn']).toMatch(/^Četiri druga putnika su udaljeni Dan 1, u 03:20 /);
    expect(t.outcome.kind).toBe('hard_fail');
    expect(t.redLines.map((r) => r.ruleId)).toContain('RIGHTS.NONREFOULEMENT.PUSHBACK');
    expect(t.rightsScore.value).toBe(0);
  });

  it('the ambulance called and the people pushed back before it came: care never given, said as the log shows it', () => {
    // The pushback team called the ambulance at 03:10 (a request for Sadia and Jawed, 25 minutes) and
    // pushed everyone back over the river at 03:20, before it answered. Care owed to people the state
    // removes is lost with the removal: the finding is the pushback's, at its time, and says that care
    // was asked for and never came, not that it ran missing until the run ended.
    const t = p.team('pushback');
    const pushbackSeq = p.events.find(
      (e) =>
        e.team === 'pushback' &&
        e.type === 'decision.made' &&
        (e.payload as { option: string }).option === 'o_push_back',
    )?.seq;
    const denied = item('pushback', 'RIGHTS.MEDICAL.DENIED');
    expect(denied.map((i) => [i.persons, i.time, i.causedBySeq, i.role])).toEqual([
      [['sadia', 'jawed'], 10, pushbackSeq, 'border_police'],
    ]);
    const d = denied[0]?.detail;
    expect(d?.en).toBe(
      'Sadia and Jawed: medical care — asked for at Day 1, 03:10 (Ambulance for Sadia and Jawed), never given: removed at Day 1, 03:20, before the request was answered',
    );
    expect(d?.['sr-Latn']).toContain('Hitna pomoć za Sadiju i Džaveda');
    // Nor does the rule's title say the care was never arranged: it was asked for, and never provided.
    expect(denied[0]?.title.en).toBe('Medical care never provided');
    for (const i of t.items) expect(i.detail.en).not.toContain('medical care — missing');
    // The first aid given on the bank stays credited; the boy's guardian, never asked for, is lost with
    // the pushback too.
    expect(item('pushback', 'RIGHTS.LIFE.TRIAGE').flatMap((i) => i.persons)).toEqual([
      'sadia',
      'jawed',
    ]);
    const guardian = item('pushback', 'RIGHTS.CHILD.NO_GUARDIAN');
    expect(guardian.map((i) => [i.persons, i.time, i.causedBySeq])).toEqual([
      [['samiullah'], 10, pushbackSeq],
    ]);
    expect(guardian[0]?.detail.en).toBe(
      'Samiullah: a temporary guardian — never provided before the removal',
    );
  });

  it('the dead man is not among the people a group act charged or pushed back', () => {
    // "All migrants" charged with the misdemeanour, or put back in the dinghy, are the living ones: a
    // finding that names the man brought out dead says what the log does not show.
    const charged = item('careless', 'RIGHTS.NONPENALISATION.MISDEMEANOUR').filter(
      (i) => i.persons.length > 1,
    );
    const pushed = item('pushback', 'RIGHTS.NONREFOULEMENT.PUSHBACK');
    expect(charged.length).toBeGreaterThan(0);
    expect(pushed.length).toBeGreaterThan(0);
    for (const i of [...charged, ...pushed]) {
      expect({ rule: i.ruleId, persons: i.persons }).toEqual({
        rule: i.ruleId,
        persons: expect.not.arrayContaining(['drowned']) as unknown,
      });
      expect(i.persons).toEqual(expect.arrayContaining(['sadia', 'jawed']));
      expect(i.detail.en).not.toContain('brought out of the river');
    }
    // The steps after his death still name him.
    expect(item('careful', 'RIGHTS.LIFE.DEATH_INQUIRY')[0]?.persons).toEqual(['drowned']);
  });

  it("a death during the patrol's interception is owed an inquiry independent of the patrol's unit", () => {
    // The man died as the Border Police boat turned its spotlight on the dinghy, before minute 0 (the
    // scenario states whose officers were acting on him). The unit's own deputy taking its crew's
    // statements is no independent inquiry; the prosecutor's, covering the patrol, is.
    const careless = item('careless', 'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT');
    expect(careless.map((i) => [i.axis, i.persons])).toEqual([
      ['evidence', ['drowned']],
      ['rights', ['drowned']],
    ]);
    expect(careless[0]?.role).toBe('prosecutor');
    const careful = item('careful', 'RIGHTS.LIFE.DEATH_INQUIRY');
    expect(careful[0]?.detail.en).toContain("covers the officers' own role");
    expect(rules(p.team('careful'))).not.toContain('RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT');
  });

  it('the safeguards a detention never had are owed by the agency that detained', () => {
    // The Border Police held the boy in their cell; the only lawyer access the scenario offers is the
    // local police's (for Mladen). Who could have given a lawyer elsewhere is not who held the boy.
    const t = p.team('careless');
    const boy = t.items.find(
      (i) => i.ruleId === 'RIGHTS.LIBERTY.NO_REVIEW' && i.persons.includes('samiullah'),
    );
    expect(boy?.role).toBe('border_police');
    const mladen = t.items.find((i) => i.ruleId === 'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS');
    expect(mladen?.role).toBe('local_police');
  });

  it("cites Bosnia and Herzegovina's law (art. 189 for smuggling), EU law as a standard, never Serbian law or 72 hours", () => {
    for (const team of ['careful', 'careless', 'pushback']) {
      const t = p.team(team);
      expectCountryLaw(t, /Bosnia and Herzegovina/);
      for (const b of t.items
        .flatMap((i) => i.legalBasis)
        .filter((x) => /Directive/.test(x.instrument)))
        expect(b.text.en).toContain('Bosnia and Herzegovina is not an EU member state');
    }
    const profit = p.team('careful').items.find((i) => i.ruleId === 'EVIDENCE.PROFIT.PROVEN');
    expect(profit?.legalBasis).toContainEqual(
      expect.objectContaining({
        instrument: 'Criminal Code of Bosnia and Herzegovina',
        article: 'art. 189',
      }),
    );
  });

  it('every point reads in Serbian (Latin)', () => {
    for (const team of ['careful', 'careless', 'pushback']) expectSerbianLatin(p.team(team));
    expectWholeDebriefInSerbianLatin(p.d);
  });

  it('an obligation never met sits in the timeline when it was found missing', () => {
    expectUndischargedAtTheirTime(p.team('careless'));
    expectUndischargedAtTheirTime(p.team('pushback'));
  });

  it('need to know: no agency sees, or reads in its debrief, what it was not told', () => {
    expectNeedToKnow(p, {
      border_police: [
        'Earlier sightings of the van',
        "Image of Mladen's phone",
        'Autopsy report',
        "Samiullah's recorded statement",
        'van_sightings',
        'ev_mladen_phone',
        'ev_autopsy',
        'ev_samiullah_statement',
      ],
      local_police: [
        'Earlier sightings of the van',
        'Autopsy report',
        "Samiullah's recorded statement",
        'van_sightings',
        'ev_autopsy',
        'ev_samiullah_statement',
      ],
    });
  });
});

describe('van out of Ásotthalom (Hungary)', () => {
  const c = loadNovel('van-asotthalom-hungary');
  const CAREFUL: ScriptedPolicy = {
    send: ['req_phone_order', 'req_transfers'],
    fallback: 'first',
    prefer: {
      d_layla: ['o_layla_ambulance'],
      d_gate: ['o_gate_refuse'],
      d_rahim: ['o_rahim_register'],
      d_phone: ['o_phone_seal'],
      d_anna: ['o_anna_statement'],
      d_leave_road: ['o_to_station'],
      d_hamid: ['o_hamid_guardian'],
      d_interpreter: ['o_court_interpreters'],
      d_hamid_heard: ['o_hamid_proper'],
      d_phone_image: ['o_phone_image'],
      d_cash: ['o_cash_seize'],
      d_witnesses: ['o_depose'],
      d_charge: ['o_charge_two'],
    },
  };
  const CARELESS: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      d_layla: ['o_layla_later'],
      d_gate: ['o_gate_refuse'],
      d_rahim: ['o_rahim_fine'],
      d_phone: ['o_phone_read'],
      d_anna: ['o_anna_cell'],
      d_leave_road: ['o_to_station'],
      d_hamid: ['o_hamid_hall'],
      d_interpreter: ['o_walid_translates'],
      d_hamid_heard: ['o_hamid_walid'],
      d_cash: ['o_cash_seize'],
      d_witnesses: ['o_notes'],
      d_charge: ['o_charge_three'],
    },
  };
  // The duty officer's order to let the group out through the gate in the fence obeyed; everything
  // else as the careful team.
  const PUSHBACK: ScriptedPolicy = {
    ...CAREFUL,
    prefer: { ...CAREFUL.prefer, d_gate: ['o_gate_escort'] },
  };
  const p = play(c, { careful: CAREFUL, careless: CARELESS, pushback: PUSHBACK });
  const item = (team: string, rule: string) => p.team(team).items.filter((i) => i.ruleId === rule);
  const naming = (team: string, person: string) =>
    p.team(team).items.filter((i) => i.persons.includes(person));

  itStatesFactsOnly('van-asotthalom-hungary');

  itPlaysItsScripts(
    p,
    { careful: CAREFUL, careless: CARELESS },
    { careful: 'conviction', careless: 'acquittal', pushback: 'hard_fail' },
  );

  it('the careful team: care, asylum, guardian, order, deposition and profit proven, nothing lost', () => {
    const t = p.team('careful');
    for (const r of [
      'RIGHTS.LIFE.TRIAGE',
      'RIGHTS.MEDICAL.CARE',
      'RIGHTS.ASYLUM.REGISTERED',
      'RIGHTS.NONREFOULEMENT.REFUSED',
      'RIGHTS.CHILD.GUARDIAN',
      'EVIDENCE.DEVICE.ORDER',
      'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW',
      'EVIDENCE.WITNESS.EARLY_DEPOSITION',
      'EVIDENCE.PROFIT.PROVEN',
    ])
      expect(rules(t)).toContain(r);
    expect(counted(t).filter((i) => i.points < 0)).toEqual([]);
    expect(t.redLines).toEqual([]);
    expect(t.outcome.kind).toBe('conviction');
    for (const e of [
      'ev_ferenc_phone',
      'ev_passenger_statements',
      'ev_hamid_statement',
      'ev_cash',
      'ev_transfers',
    ])
      expect([e, t.evidence.find((x) => x.id === e)?.status]).toEqual([e, 'admissible']);
  });

  it("the volunteer's unpaid help left alone costs the careful team nothing", () => {
    // Anna gave water and drove two people three kilometres for nothing; the careful team hears her as a
    // witness and lets her go. Nothing is owed for not charging her, and her statement stands.
    expect(naming('careful', 'anna')).toEqual([]);
    expect(p.team('careful').evidence.find((e) => e.id === 'ev_anna_statement')?.status).toBe(
      'admissible',
    );
  });

  it('the careless team: no care for Layla, the asylum wish punished, the boy with the adults and heard through Walid, the phone read', () => {
    const t = p.team('careless');
    for (const r of [
      'RIGHTS.LIFE.NO_ASSISTANCE',
      'RIGHTS.MEDICAL.DENIED',
      'RIGHTS.NONPENALISATION.MISDEMEANOUR',
      'RIGHTS.ASYLUM.IGNORED',
      'RIGHTS.CHILD.WITH_ADULTS',
      'RIGHTS.CHILD.NO_GUARDIAN',
      'EVIDENCE.DEVICE.NO_ORDER',
      'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      'EVIDENCE.INTERPRETER.TIED',
    ])
      expect(rules(t)).toContain(r);
    for (const e of ['ev_ferenc_phone', 'ev_passenger_statements', 'ev_hamid_statement'])
      expect([e, t.evidence.find((x) => x.id === e)?.status]).not.toEqual([e, 'admissible']);
    expect(t.outcome.kind).not.toBe('conviction');
    expect(p.team('careful').rightsScore.value).toBeGreaterThan(t.rightsScore.value + 30);
    expect(p.team('careful').evidenceScore.value).toBeGreaterThan(t.evidenceScore.value);
  });

  it('the volunteer charged as a smuggler is not scored as a smuggled passenger', () => {
    // She was not smuggled and is no passenger: no rule written for smuggled people (non-penalisation,
    // the passenger charged as a smuggler) speaks of her.
    const t = p.team('careless');
    expect(options(p, 'careless')).toContain('o_charge_three');
    for (const i of naming('careless', 'anna'))
      expect(i.ruleId).not.toMatch(/NONPENALISATION|PASSENGER_CHARGED|TRAFFICKING/);
    expect(t.items.some((i) => i.ruleId === 'RIGHTS.STATUS.PASSENGER_CHARGED')).toBe(false);
  });

  it('the volunteer, paid nothing, arrested and charged: help Hungary may punish without gain, scored for each act, on the rights axis', () => {
    // Anna "took nothing for it": in Hungary the charge can stand (Btk § 353 needs no gain), but it
    // prosecutes help EU law lets a member state exempt. The police's arrest and the prosecutor's
    // charge are two decisions, each on its own legal basis: a finding at each.
    const anna = naming('careless', 'anna').filter((i) => /UNPAID_HELP/.test(i.ruleId));
    expect(anna.map((i) => [i.ruleId, i.role, i.axis, i.points])).toEqual([
      ['RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED', 'police', 'rights', -1],
      ['RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED', 'prosecutor', 'rights', -1],
    ]);
    expect(anna[0]?.detail.en).toMatch(/arrested as a smuggler, though paid nothing/);
    expect(anna[1]?.detail.en).toMatch(
      /charged with smuggling, though paid nothing for the help given \(arrested for it earlier\)$/,
    );
    expect(p.team('careless').outcome.criminal.reason.en).toMatch(
      /Paid nothing for the help given: Anna/,
    );
  });

  it('the volunteer arrested is not said to be a smuggled witness held under the Return Directive', () => {
    // Anna, a Hungarian volunteer, is neither smuggled nor subject to return: the rule on smuggled
    // witnesses locked up to keep them available, and the EU law on return detention, are not hers.
    expect(options(p, 'careless')).toContain('o_anna_cell');
    for (const i of naming('careless', 'anna')) {
      expect(i.ruleId).not.toBe('RIGHTS.LIBERTY.WITNESS_DETAINED');
      expect(i.explanation.en).not.toMatch(/smuggled person/);
      expect(JSON.stringify(i.legalBasis)).not.toMatch(/2008\/115/);
    }
  });

  it('in Hungary the profit points say gain aggravates the offence, and cite the Facilitators Package', () => {
    const [profit] = item('careful', 'EVIDENCE.PROFIT.PROVEN');
    expect(profit?.explanation.en).not.toMatch(/the offence requires/);
    expect(profit?.explanation.en).toMatch(/aggravat/);
    expect(profit?.legalBasis.map((b) => b.instrument)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Directive 2002\/90\/EC/)]),
    );
  });

  it('letting the group out through the gate in the fence is a red line (Shahzad v. Hungary)', () => {
    const t = p.team('pushback');
    expect(t.outcome.kind).toBe('hard_fail');
    expect(t.redLines.map((r) => r.ruleId)).toContain('RIGHTS.NONREFOULEMENT.PUSHBACK');
    expect(t.rightsScore.value).toBe(0);
    const [pushed] = item('pushback', 'RIGHTS.NONREFOULEMENT.PUSHBACK');
    expect(pushed?.persons).toEqual(expect.arrayContaining(['rahim', 'hamid', 'layla']));
    // The collective expulsion the ECtHR found in Hungary's escorts through the fence gate; the
    // Serbian Constitutional Court's judgment the rubric also cites is not Hungary's law.
    const cited = JSON.stringify(pushed?.legalBasis);
    expect(cited).toMatch(/Shahzad/);
    expect(cited).not.toMatch(/Už-1823/);
    // Rahim had asked for asylum in Hungary: let out through the gate, his claim was never examined,
    // and the debrief names him for it (as a collective return decision would); the others had not asked.
    expect(
      item('pushback', 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM').flatMap((i) => i.persons),
    ).toEqual(['rahim']);
    expect(t.redLines.map((r) => r.ruleId)).toContain('RIGHTS.NONREFOULEMENT.PENDING_CLAIM');
    // The passengers were let out before anyone heard them.
    expect(item('pushback', 'EVIDENCE.WITNESS.LOST').flatMap((i) => i.persons)).toContain(
      'passengers',
    );
  });

  it("cites Hungary's law (Btk § 353 for smuggling), EU law as binding and the EU asylum procedure, never Serbian law or 72 hours", () => {
    for (const team of ['careful', 'careless', 'pushback']) {
      const t = p.team(team);
      expectCountryLaw(t, /Hungary/);
      for (const b of t.items.flatMap((i) => i.legalBasis))
        expect(b.text.en).not.toMatch(/not an EU member/);
    }
    const asylum = item('careful', 'RIGHTS.ASYLUM.REGISTERED')[0];
    expect(asylum?.legalBasis.some((b) => /2024\/1348/.test(b.instrument))).toBe(true);
    const [profit] = item('careful', 'EVIDENCE.PROFIT.PROVEN');
    expect(profit?.legalBasis).toContainEqual(
      expect.objectContaining({ instrument: 'Criminal Code of Hungary', article: '§ 353' }),
    );
  });

  it('every point reads in Serbian (Latin)', () => {
    for (const team of ['careful', 'careless', 'pushback']) expectSerbianLatin(p.team(team));
    expectWholeDebriefInSerbianLatin(p.d);
  });

  it('an obligation never met sits in the timeline when it was found missing', () => {
    expectUndischargedAtTheirTime(p.team('careless'));
    expectUndischargedAtTheirTime(p.team('pushback'));
  });

  it('need to know: no agency sees, or reads in its debrief, what it was not told', () => {
    expectNeedToKnow(p, {
      police: [
        'Earlier stops of the van',
        'Statements of the eight passengers',
        "Hamid's recorded statement",
        "Money-transfer records for Walid's number",
        'van_record',
        'ev_passenger_statements',
        'ev_hamid_statement',
        'ev_transfers',
      ],
    });
  });
});

describe('forest track above Božaj (Montenegro): the station acts on people already pushed back', () => {
  const c = loadNovel('track-bozaj-montenegro');
  const CAREFUL: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      d_commander: ['o_commander_refuse'],
      d_cash: ['o_cash_seize'],
      d_leave_track: ['o_to_station'],
      d_yusuf: ['o_yusuf_register'],
      d_samir: ['o_samir_guardian'],
      d_interpreter: ['o_court_interpreter'],
      d_samir_heard: ['o_samir_proper'],
      d_karim_heard: ['o_karim_witness'],
      d_charge: ['o_charge_smuggling'],
    },
  };
  // The shift commander's order obeyed on the track; at the station the team then does all the careful
  // team does, for people it has already walked back over the border (the scenario still offers it).
  const PUSHBACK: ScriptedPolicy = {
    ...CAREFUL,
    prefer: { ...CAREFUL.prefer, d_commander: ['o_commander_obey'] },
  };
  const p = play(c, { careful: CAREFUL, pushback: PUSHBACK });
  const item = (team: string, rule: string) => p.team(team).items.filter((i) => i.ruleId === rule);
  const naming = (team: string, rule: string, person: string) =>
    item(team, rule).filter((i) => i.persons.includes(person));
  const decided = (team: string, option: string) =>
    p.events.find(
      (e) =>
        e.team === team &&
        e.type === 'decision.made' &&
        (e.payload as { option: string }).option === option,
    )?.seq;

  itStatesFactsOnly('track-bozaj-montenegro');

  it("cites Montenegro's law, never Serbian law or 72 hours, and every point reads in Serbian (Latin)", () => {
    for (const team of ['careful', 'pushback']) {
      expectCountryLaw(p.team(team), /Montenegro/);
      expectSerbianLatin(p.team(team));
    }
  });

  it('need to know: the police neither see nor read in their debrief the statements and the request only the prosecutor holds', () => {
    expectNeedToKnow(p, {
      border_police: [
        "Samir's recorded statement",
        "Karim's recorded statement",
        'ev_samir_statement',
        'ev_karim_statement',
        'req_interpreter',
      ],
    });
  });

  itPlaysItsScripts(
    p,
    { careful: CAREFUL, pushback: PUSHBACK },
    { careful: 'conviction', pushback: 'conviction' },
  );

  it('the careful team: the asylum wish registered, Samir and Karim heard, nobody lost', () => {
    expect(naming('careful', 'RIGHTS.ASYLUM.REGISTERED', 'yusuf')).toHaveLength(1);
    expect(
      naming('careful', 'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW', 'samir').length,
    ).toBeGreaterThan(0);
    expect(p.team('careful').witnessesLost).toEqual([]);
    for (const e of ['ev_cash', 'ev_samir_statement', 'ev_karim_statement'])
      expect([e, p.team('careful').evidence.find((x) => x.id === e)?.status]).toEqual([
        e,
        'admissible',
      ]);
  });

  it('Yusuf walked back over the border is not credited with the registration the station logged after it', () => {
    const pushedAt = decided('pushback', 'o_commander_obey');
    const registeredAt = decided('pushback', 'o_yusuf_register');
    expect(pushedAt).toBeDefined();
    expect(registeredAt).toBeGreaterThan(pushedAt as number);
    // The pushback's own findings stay, caused by the pushback.
    for (const rule of ['RIGHTS.NONREFOULEMENT.PUSHBACK', 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM']) {
      const [f] = naming('pushback', rule, 'yusuf');
      expect([rule, f?.causedBySeq]).toEqual([rule, pushedAt]);
    }
    // No credit for acting on the wish of a man no longer in the country: his wish stays never acted
    // on, and the finding says why the registration logged after the pushback does not count.
    expect(naming('pushback', 'RIGHTS.ASYLUM.REGISTERED', 'yusuf')).toEqual([]);
    const [ignored] = naming('pushback', 'RIGHTS.ASYLUM.IGNORED', 'yusuf');
    expect(ignored?.detail.en).toBe(
      'Yusuf: registration of the asylum intention — missing until the run ended; asylum intention registered and referred to an asylum or reception centre at Day 1, 07:05 — not counted: already removed at Day 1, 05:20',
    );
    expect(ignored?.detail['sr-Latn']).toMatch(/ne računa se: već udaljen\(a\) Dan 1, u 05:20$/);
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const) {
      expect(ignored?.detail[lang]).toBeTruthy();
      expect([lang, ignored?.detail[lang]]).not.toEqual([lang, ignored?.detail.en]);
    }
    expect(p.team('careful').rightsScore.value).toBeGreaterThan(
      p.team('pushback').rightsScore.value,
    );
  });

  it('Samir and Karim, walked back before anyone heard them, are witnesses lost at the pushback', () => {
    // Each had told the patrol what he saw and the station offered to hear him (the boy with a
    // guardian, the man as a witness): the state's own removal took their testimony from the case,
    // the child's as the adult's. The five other walkers gave no account of their own: nothing lost.
    const pushedAt = decided('pushback', 'o_commander_obey');
    const t = p.team('pushback');
    expect(t.witnessesLost.map((w) => [w.person, w.how, w.seq])).toEqual([
      ['karim', 'removed', pushedAt],
      ['samir', 'removed', pushedAt],
    ]);
    const lost = item('pushback', 'EVIDENCE.WITNESS.LOST');
    expect(lost.flatMap((i) => i.persons).sort()).toEqual(['karim', 'samir']);
    for (const i of lost) {
      expect([i.persons, i.causedBySeq, i.role]).toEqual([i.persons, pushedAt, 'border_police']);
      expect(i.detail.en).toMatch(
        /^(Samir|Karim) was removed at Day 1, 05:20 without a deposition the defence could examine$/,
      );
    }
    // The live case the agencies see during play says the same.
    const live = new LiveScores(c);
    live.add(p.events);
    live.scores();
    expect(live.cases().get('pushback')?.witnessesLost).toEqual(
      t.witnessesLost.map((w) => ({ person: w.person, how: w.how, time: w.time })),
    );
    expect(p.team('careful').witnessesLost).toEqual([]);
  });

  it('the guardian appointed for Samir after the pushback never took place: the pushback says so, and nothing is credited', () => {
    // Done in person (a guardian for a child in the state's care), like the hearing: the boy walked back
    // to Albania got none here. The pushback's finding keeps its points and cause and says what the log
    // holds after it; the careful team's guardian is credited as before.
    const pushedAt = decided('pushback', 'o_commander_obey');
    const [f] = naming('pushback', 'RIGHTS.NONREFOULEMENT.PUSHBACK', 'samir');
    expect([f?.causedBySeq, f?.points]).toEqual([pushedAt, -4]);
    expect(f?.detail.en).toBe(
      'Pushed back over the border: Yusuf, Samir, Karim, and Five other walkers; logged after it, not counted as already removed: Samir: a guardian appointed at Day 1, 08:55',
    );
    expect(f?.detail['sr-Latn']).toMatch(
      /; upisano posle toga, ne računa se jer su već udaljeni: Samir: postavljanje staratelja Dan 1, u 08:55$/,
    );
    expect(naming('pushback', 'RIGHTS.CHILD.GUARDIAN', 'samir')).toEqual([]);
    expect(naming('careful', 'RIGHTS.CHILD.GUARDIAN', 'samir')).toHaveLength(1);
  });

  it('the hearings the station logged after the pushback are not credited, and their statements do not carry the case', () => {
    for (const person of ['samir', 'karim']) {
      for (const rule of [
        'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW',
        'RIGHTS.INTERPRETER.NEUTRAL',
        'RIGHTS.INTERPRETER.NONE',
      ])
        expect([person, rule, naming('pushback', rule, person)]).toEqual([person, rule, []]);
      expect(naming('careful', 'RIGHTS.INTERPRETER.NEUTRAL', person).length).toBeGreaterThan(0);
    }
    for (const e of ['ev_samir_statement', 'ev_karim_statement'])
      expect([e, p.team('pushback').evidence.find((x) => x.id === e)?.status]).not.toEqual([
        e,
        'admissible',
      ]);
  });
});

/**
 * Help given for nothing: a sister who fetched her brother and a volunteer who let the group sleep in her
 * association's house, both paid nothing, beside a driver paid per head. The Protocol's smuggling offence
 * needs a financial or other material benefit (arts 3(a), 6(1)), so in Serbia charging or arresting the
 * two as smugglers is a charge outside the offence; in Hungary, whose offence is made out without gain,
 * the charge can stand but punishes what EU law lets a member state exempt (Dir. 2002/90/EC art. 1(2)).
 */
describe('two cars in Subotica: help given for nothing (Serbia, and the same facts in Hungary)', () => {
  const serbia = loadNovel('lift-subotica');
  const hungary = loadNovel('lift-subotica', (yaml) => yaml.replace('country: RS', 'country: HU'));
  const CAREFUL: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      d_cash: ['o_cash_seize'],
      d_nadia: ['o_nadia_statement'],
      d_jelena: ['o_jelena_statement'],
      d_charge: ['o_charge_marko'],
    },
  };
  const CHARGES_ALL: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: { ...CAREFUL.prefer, d_charge: ['o_charge_three'] },
  };
  const ARRESTS: ScriptedPolicy = {
    send: [],
    fallback: 'first',
    prefer: {
      ...CAREFUL.prefer,
      d_nadia: ['o_nadia_arrest'],
      d_jelena: ['o_jelena_arrest'],
      d_charge: ['o_charge_three'],
    },
  };
  const scripts = { careful: CAREFUL, charges: CHARGES_ALL, arrests: ARRESTS };
  const rs = play(serbia, scripts);
  const hu = play(hungary, scripts);
  const HELP = /^RIGHTS\.STATUS\.UNPAID_HELP_/;
  const helpItems = (p: Played, team: string) =>
    p.team(team).items.filter((i) => HELP.test(i.ruleId));
  const charge = (p: Played, team: string) =>
    p.events.find(
      (e) =>
        e.team === team &&
        e.type === 'decision.made' &&
        (e.payload as { option: string }).option === 'o_charge_three',
    );

  itStatesFactsOnly('lift-subotica');
  // The careful team does nothing the rubric weighs (nobody is hurt, a child, or seeking asylum): its
  // ending is checked below, and only the other two have points to be well formed.
  itPlaysItsScripts(rs, scripts, { charges: 'charged', arrests: 'charged' });
  itPlaysItsScripts(hu, scripts, { charges: 'charged', arrests: 'charged' });

  it('charging only the driver who was paid, and hearing the two as witnesses, costs nothing', () => {
    for (const p of [rs, hu]) {
      expect(p.teams.careful?.ended?.ending).toBe('charged');
      expect(helpItems(p, 'careful')).toEqual([]);
      for (const e of ['ev_nadia_statement', 'ev_jelena_statement', 'ev_cash'])
        expect([e, p.team('careful').evidence.find((x) => x.id === e)?.status]).toEqual([
          e,
          'admissible',
        ]);
    }
  });

  it('in Serbia, the sister and the volunteer charged as smugglers: a charge outside the offence, on both axes, caused by the charge', () => {
    const items = helpItems(rs, 'charges');
    // One finding for each of the two (each charged by an act of her own), none for Marko, who was
    // paid per head.
    expect(items.map((i) => [i.persons.join(), i.ruleId, i.axis, i.points]).sort()).toEqual([
      ['jelena', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'evidence', -1],
      ['jelena', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'rights', -2],
      ['nadia', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'evidence', -1],
      ['nadia', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'rights', -2],
    ]);
    const seq = charge(rs, 'charges')?.seq;
    for (const i of items) {
      expect(i.counted).toBe(true);
      expect(i.causedBySeq).toBe(seq);
      expect(i.explanation.en).toMatch(/financial or other material benefit/);
      expect(i.detail.en).toMatch(/^(Nadia|Jelena).*: charged with smuggling, though paid nothing/);
      const cited = i.legalBasis.map((b) => `${b.instrument} ${b.article ?? ''}`);
      expect(cited).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Smuggling of Migrants Protocol arts 3\(a\), 6\(1\)/),
          expect.stringMatching(/interpretative notes/i),
          expect.stringMatching(/Serbian Criminal Code art\. 350\(2\)/),
        ]),
      );
    }
    expect(rs.team('charges').rightsScore.value).toBeLessThan(rs.team('careful').rightsScore.value);
  });

  it('in Serbia, arrested by the police and charged later by the prosecutor: the arrest and the charge are each scored, the witness lost once', () => {
    // Two decisions by two agencies, each on its own legal basis: the police's arrest needs a reasonable
    // suspicion of an offence (ECHR art. 5(1)(c)), the prosecutor's charge an offence to stand on
    // (Protocol arts 3(a), 6(1); CC art. 350(2)). The person is lost as a witness once, at the arrest.
    const items = helpItems(rs, 'arrests');
    const seq = charge(rs, 'arrests')?.seq;
    const at = (i: ScoredItem) => (i.causedBySeq === seq ? 'charge' : 'arrest');
    expect(
      items.map((i) => [i.persons.join(), at(i), i.role, i.ruleId, i.axis, i.points]).sort(),
    ).toEqual([
      ['jelena', 'arrest', 'police', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'evidence', -1],
      ['jelena', 'arrest', 'police', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'rights', -2],
      ['jelena', 'charge', 'prosecutor', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'rights', -2],
      ['nadia', 'arrest', 'police', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'evidence', -1],
      ['nadia', 'arrest', 'police', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'rights', -2],
      ['nadia', 'charge', 'prosecutor', 'RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'rights', -2],
    ]);
    for (const i of items.filter((x) => at(x) === 'charge')) {
      expect(i.detail.en).toMatch(/charged with smuggling.*arrested for it earlier/);
      expect(i.detail['sr-Latn']).toMatch(/optužen\(a\) za krijumčarenje.*uhapšen\(a\)/);
      expect(i.detail.mk).toMatch(/обвинет\(а\) за криумчарење.*уапсен\(а\)/);
      expect(i.detail.sq).toMatch(/u akuzua për kontrabandë.*u arrestua/);
      expect(i.detail.bs).toMatch(/optužen\(a\) za krijumčarenje.*uhapšen\(a\)/);
    }
    // The prosecutor's decision now carries its finding, as the live hints on decisions show it.
    expect(
      decisionFindings(rs.team('arrests').items)
        .filter((f) => f.decision === 'd_charge' && HELP.test(f.ruleId))
        .map((f) => [f.persons.join(), f.roles.join(), f.axis, f.points])
        .sort(),
    ).toEqual([
      ['jelena', 'prosecutor', 'rights', -2],
      ['nadia', 'prosecutor', 'rights', -2],
    ]);
    // Each separate breach counts up to the rubric's cap for a loss (three of a rule on an axis).
    expect(items.filter((i) => i.axis === 'rights' && i.counted)).toHaveLength(3);
    expect(rs.team('arrests').rightsScore.value).toBeLessThan(rs.team('charges').rightsScore.value);
  });

  it('arrested and charged in one decision is one decision: scored once', () => {
    // The same facts, with an option (written for this test) that arrests Nadia and charges her at once.
    const oneStep = loadNovel('lift-subotica', (yaml) =>
      yaml.replace(
        '              - { act: detain, person: nadia, params: { place: police_cell } }',
        [
          '              - { act: detain, person: nadia, params: { place: police_cell } }',
          '              - { act: charge, person: nadia, params: { offence: smuggling } }',
        ].join('\n'),
      ),
    );
    const p = play(oneStep, {
      once: { ...ARRESTS, prefer: { ...ARRESTS.prefer, d_charge: ['o_charge_marko'] } },
    });
    expect(p.rejected).toEqual([]);
    const acts = p.teams.once?.acts.filter((a) => a.persons.includes('nadia')) ?? [];
    expect(new Set(acts.map((a) => a.seq)).size).toBe(1);
    expect(acts.map((a) => a.kind).sort()).toEqual(['charge', 'detain']);
    expect(
      helpItems(p, 'once')
        .filter((i) => i.persons.includes('nadia'))
        .map((i) => [i.role, i.axis, i.points, i.detail.en.replace(/^.*: /, '')]),
    ).toEqual([
      ['police', 'evidence', -1, 'arrested as a smuggler, though paid nothing for the help given'],
      ['police', 'rights', -2, 'arrested as a smuggler, though paid nothing for the help given'],
    ]);
  });

  it('in Hungary too, the arrest and the later charge are each a rights point of their own', () => {
    const items = helpItems(hu, 'arrests');
    const seq = charge(hu, 'arrests')?.seq;
    expect(
      items
        .map((i) => [i.persons.join(), i.causedBySeq === seq ? 'charge' : 'arrest', i.role, i.axis])
        .sort(),
    ).toEqual([
      ['jelena', 'arrest', 'police', 'rights'],
      ['jelena', 'charge', 'prosecutor', 'rights'],
      ['nadia', 'arrest', 'police', 'rights'],
      ['nadia', 'charge', 'prosecutor', 'rights'],
    ]);
    for (const i of items) expect(i.ruleId).toBe('RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED');
  });

  it('a point for an arrest names the arrest, and its explanation says nothing of a charge that was never brought, in every language', () => {
    // What the act was is in the detail; the explanation holds for an arrest and a charge alike.
    const ARRESTED = {
      en: /: arrested as a smuggler/,
      'sr-Latn': /: uhapšen\(a\) kao krijumčar/,
      mk: /: уапсен\(а\) како криумчар/,
      sq: /: u arrestua si kontrabandist/,
      bs: /: uhapšen\(a\) kao krijumčar/,
    } as const;
    // The sentences that judged the charge alone ("The charge has no offence to stand on"; "there the
    // charge can stand") read as if the person had been charged.
    const CHARGE_ONLY = {
      en: /The charge has no offence|the charge can stand/,
      'sr-Latn': /Optužba nema krivično delo|optužba može opstati/,
      mk: /Обвинението нема кривично дело|обвинението може да опстане/,
      sq: /Akuza nuk ka vepër|akuza mund të qëndrojë/,
      bs: /Optužba nema krivično djelo|optužba može opstati/,
    } as const;
    for (const p of [rs, hu]) {
      const arrests = helpItems(p, 'arrests').filter(
        (i) => i.causedBySeq !== charge(p, 'arrests')?.seq,
      );
      expect(arrests.length).toBeGreaterThan(0);
      for (const i of arrests)
        for (const lang of ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const) {
          expect([lang, i.detail[lang]]).toEqual([lang, expect.stringMatching(ARRESTED[lang])]);
          expect([lang, i.explanation[lang]]).toEqual([
            lang,
            expect.not.stringMatching(CHARGE_ONLY[lang]),
          ]);
        }
    }
  });

  it('names that hold a comma are listed with semicolons between them, in the words of each language', () => {
    // "Nadia, who drove the second car and Jelena, a volunteer …" reads as three people or as two.
    const reason = rs.team('charges').outcome.criminal.reason;
    expect(reason.en).toContain(
      'No charge stands against Nadia, who drove the second car; and Jelena, a volunteer of a local association:',
    );
    expect(reason['sr-Latn']).toContain(
      'Nadija, koja je vozila drugi automobil; i Jelena, volonterka lokalnog udruženja',
    );
    // The scenario names them in English and Serbian only: the other languages list the English names.
    expect(reason.mk).toContain(
      'Nadia, who drove the second car; и Jelena, a volunteer of a local association',
    );
    expect(reason.sq).toContain(
      'Nadia, who drove the second car; dhe Jelena, a volunteer of a local association',
    );
    expect(reason.bs).toContain(
      'Nadia, who drove the second car; i Jelena, a volunteer of a local association',
    );
  });

  it('in Hungary the same charge is the offence there: a rights point of its own, citing the Facilitation Directive and the Commission guidance, no evidence point', () => {
    const items = helpItems(hu, 'charges');
    expect(items.map((i) => [i.persons.join(), i.ruleId, i.axis, i.points]).sort()).toEqual([
      ['jelena', 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED', 'rights', -1],
      ['nadia', 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED', 'rights', -1],
    ]);
    for (const i of items) {
      expect(i.causedBySeq).toBe(charge(hu, 'charges')?.seq);
      const cited = i.legalBasis.map((b) => `${b.instrument} ${b.article ?? ''}`);
      expect(cited).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Directive 2002\/90\/EC .*art\. 1\(2\)/),
          expect.stringMatching(/2020\/C 323\/01/),
        ]),
      );
      // Binding EU law in Hungary, not a standard it is not bound by; and no Serbian law.
      expect(JSON.stringify(i.legalBasis)).not.toMatch(/not an EU member|Serbian/);
    }
    // The evidence the two gave stands: the charge there is lawful, and nothing was taken unlawfully.
    expect(hu.team('charges').items.some((i) => i.axis === 'evidence' && i.points < 0)).toBe(false);
  });

  it('arrested as a smuggler, the volunteer is not also scored as a witness locked up to keep her available', () => {
    // Set in Hungary, Jelena (a Serbian national there) held in a police cell was read as a foreign
    // witness detained; the arrest is judged once, as treating her help as smuggling.
    for (const p of [rs, hu])
      expect(
        p
          .team('arrests')
          .items.filter((i) => i.persons.includes('jelena'))
          .map((i) => i.ruleId),
      ).not.toContain('RIGHTS.LIBERTY.WITNESS_DETAINED');
  });

  it("the case's outcome says why the charges against the two fail in Serbia, and what is left of them in Hungary", () => {
    for (const team of ['charges', 'arrests']) {
      const there = rs.team(team).outcome.criminal.reason;
      expect(there.en).toMatch(
        /No charge stands against (Nadia|Jelena).*: paid nothing for the help given, where the offence requires a financial or other material benefit/,
      );
      expect(there.en).toMatch(/Nadia/);
      expect(there.en).toMatch(/Jelena/);
      expect(there['sr-Latn']).toMatch(/Optužba ne može opstati protiv/);
      const here = hu.team(team).outcome.criminal.reason;
      expect(here.en).toMatch(/Paid nothing for the help given: .*basic offence, without gain/);
      expect(here.en).not.toMatch(/No charge stands/);
    }
    // Marko, paid per head, is not named for it.
    for (const p of [rs, hu])
      for (const team of ['careful', 'charges'])
        expect(p.team(team).outcome.criminal.reason.en).not.toMatch(/Marko/);
  });

  it('every point reads in Serbian (Latin), in both countries', () => {
    for (const p of [rs, hu])
      for (const team of ['charges', 'arrests']) expectSerbianLatin(p.team(team));
  });
});

describe('the novel scenarios played at random', () => {
  it.each(['minibus-lojane', 'taxi-lucko', 'dinghy-drina', 'van-asotthalom-hungary'])(
    '%s: whatever a team does, every point is well formed, cites no Serbian law and reads in Serbian (Latin)',
    (id) => {
      const c = loadNovel(id);
      const rulesSeen = new Set<string>();
      for (let seed = 1; seed <= 8; seed += 1) {
        const events = playSession(c, [{ id: 't', name: 't', policy: randomPolicy }], {
          seed,
          maxEvents: 400,
        });
        const r = replay(c, events);
        expect(r.rejected).toEqual([]);
        const t = debrief(c, events).teams[0];
        if (!t || t.items.length === 0) continue;
        for (const i of t.items) rulesSeen.add(i.ruleId);
        expectWellFormed(events, t);
        expectSerbianLatin(t);
        for (const i of t.items)
          for (const text of itemTexts(i))
            expect({ seed, rule: i.ruleId, text, serbian: SERBIAN_LAW.test(text) }).toMatchObject({
              serbian: false,
            });
        expectUndischargedAtTheirTime(t, false);
      }
      expect(rulesSeen.size).toBeGreaterThan(10);
    },
  );
});
