/**
 * Live scores (LiveScores) against a full debrief: the live scorer keeps each team's replay between
 * calls, is fed the log in pieces and rescores only the teams the new events reached, and at every
 * point its scores must equal those of debrief() over the whole log so far. Played logs of every
 * catalogue scenario and of the scoring lab, with random, careful and careless teams, plus the
 * shipped flagship session.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import {
  initialState,
  knownDecisionFindings,
  needToKnow,
  replay,
  type CompiledScenario,
  type LogLine,
} from '../src';
import { debrief, debriefWithCases, decisionFindings, LiveScores } from '../src/scoring';
import { attrsOf } from '../src/visibility';
import { duration, englishOnly } from '../src/scoring/text';
import type { LiveTeamCase, LiveTeamScores } from '../src/scoring';
import { CAREFUL, CARELESS, playSession, randomPolicy, scripted } from '../examples/generate';
import type { Policy } from '../examples/generate';
import { lab } from './scoring/lab';
import { loadCatalogue } from './scripted-play';

/** Every team's scores from a full debrief of `events` (as the server computed them). */
function fullScores(c: CompiledScenario, events: readonly LogLine[]): [string, LiveTeamScores][] {
  return debrief(c, events, undefined, { counterfactuals: false }).teams.map((t) => [
    t.team,
    {
      evidence: t.evidenceScore.value,
      rights: t.rightsScore.value,
      redLines: t.redLines.map((r) => r.ruleId),
    },
  ]);
}

/** The shipped example log of a flagship session. */
function flagshipLog(): LogLine[] {
  return readFileSync(join(__dirname, '..', 'examples', 'reefer-horgos.session.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LogLine);
}

function policyOf(c: CompiledScenario, kind: number): Policy {
  return kind === 0 ? randomPolicy : scripted(kind === 1 ? CAREFUL : CARELESS, c);
}

const scenarios: [string, () => CompiledScenario | null][] = [
  ['lab', lab],
  ...[
    'reefer-horgos',
    'debt-on-the-farm',
    'night-on-the-drina',
    'flat-in-sombor',
    'tickets-to-vienna',
  ].map((id): [string, () => CompiledScenario] => [id, () => loadCatalogue(id)]),
];

const session = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  policies: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
  chatter: fc.constantFrom(0, 0.3),
  maxEvents: fc.integer({ min: 20, max: 160 }),
  end: fc.boolean(),
  /** The sizes of the pieces the log is fed in (cycled), as refreshes would find it. */
  pieces: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
});

describe.each(scenarios)('live scores of %s', (_name, load) => {
  const c = load();
  const maybe = c ? it : it.skip;

  maybe('equal a full debrief of the log so far after every piece fed', () => {
    if (!c) return;
    fc.assert(
      fc.property(session, (s) => {
        const teams = s.policies.map((kind, i) => ({
          id: `tm${i + 1}x`,
          name: `Team ${i + 1}`,
          policy: policyOf(c, kind),
        }));
        const played = playSession(c, teams, {
          seed: s.seed,
          chatter: s.chatter,
          maxEvents: s.maxEvents,
        });
        const events = s.end ? played : played.slice(0, -1);
        const live = new LiveScores(c);
        let fed = 0;
        for (let k = 0; fed < events.length; k += 1) {
          const size = s.pieces[k % s.pieces.length] ?? 1;
          // A refresh may read events it already fed (two refreshes at once): they are skipped.
          live.add(events.slice(Math.max(0, fed - (k % 3)), fed + size));
          fed = Math.min(events.length, fed + size);
          expect(live.seq).toBe(events[fed - 1]?.seq);
          expect([...live.scores()]).toEqual(fullScores(c, events.slice(0, fed)));
        }
      }),
      { numRuns: c.id === 'scoring-lab' ? 30 : 12 },
    );
  });
});

describe('live scores of the shipped flagship session', () => {
  const c = loadCatalogue('reefer-horgos');
  const events = flagshipLog();

  it('equal a full debrief at every 25th event, and keep the objects of teams no event reached', () => {
    const live = new LiveScores(c);
    let before = live.scores();
    expect(before.size).toBe(0);
    for (let fed = 25; fed < events.length + 25; fed += 25) {
      const piece = events.slice(fed - 25, fed);
      live.add(piece);
      const after = live.scores();
      expect([...after]).toEqual(fullScores(c, events.slice(0, fed)));
      const reached = new Set<string>();
      for (const e of piece)
        if (e.team !== null) reached.add(e.team);
        else if (
          ['clock.ticked', 'inject.released', 'session.started', 'session.ended'].includes(e.type)
        )
          for (const t of after.keys()) reached.add(t);
      for (const [team, scores] of after)
        if (!reached.has(team) && before.has(team)) expect(scores).toBe(before.get(team));
      before = after;
    }
    // The example's teams end with different scores, so the comparison above is not of equal zeros.
    const [a, b] = [...before.values()];
    expect(a).toBeDefined();
    expect(a).not.toEqual(b);
  });
});

/**
 * Every team's excluded or weakened items, lost witnesses and findings on its decisions, from a full
 * debrief of `events`.
 */
function fullCases(c: CompiledScenario, events: readonly LogLine[]): [string, LiveTeamCase][] {
  return debrief(c, events, undefined, { counterfactuals: false }).teams.map((t) => {
    const decisions = decisionFindings(t.items);
    return [
      t.team,
      {
        taints: t.evidence.flatMap((e) =>
          e.status === 'admissible'
            ? []
            : [{ evidence: e.id, title: e.title, status: e.status, reasons: e.reasons }],
        ),
        witnessesLost: t.witnessesLost.map((w) => ({ person: w.person, how: w.how, time: w.time })),
        ...(decisions.length > 0 ? { decisions } : {}),
      },
    ];
  });
}

describe('the live case of each team (what is tainted and why, who is lost)', () => {
  it('equals the debrief’s at every 25th event of the flagship session, in every language', () => {
    const c = loadCatalogue('reefer-horgos');
    const events = flagshipLog();
    const live = new LiveScores(c);
    let seen = { taints: 0, lost: 0 };
    for (let fed = 25; fed < events.length + 25; fed += 25) {
      live.add(events.slice(fed - 25, fed));
      live.scores();
      const cases = [...live.cases()];
      expect(cases).toEqual(fullCases(c, events.slice(0, fed)));
      for (const [, k] of cases) {
        seen = {
          taints: seen.taints + k.taints.length,
          lost: seen.lost + k.witnessesLost.length,
        };
      }
    }
    // Not a comparison of empty lists: the example taints items and loses witnesses.
    expect(seen.taints).toBeGreaterThan(0);
    const reasons = [...live.cases().values()].flatMap((k) => k.taints.flatMap((t) => t.reasons));
    expect(reasons.some((r) => r.mk !== undefined && r.mk !== r.en)).toBe(true);
    // Nor of empty findings on decisions: the hints have the rubric's words in every language.
    const found = [...live.cases().values()].flatMap((k) => k.decisions ?? []);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => f.title.mk !== f.title.en && f.title['sr-Latn'] !== f.title.en)).toBe(
      true,
    );
  });

  it('debriefWithCases gives, from one replay, the debrief and the live scorer’s cases of the same log', () => {
    // The replay frame's pair: a team's debrief (scoped to a trainee's agency or not) and the
    // witnesses its view held live at that point of the log.
    const c = loadCatalogue('reefer-horgos');
    const events = flagshipLog();
    let lost = 0;
    for (const fed of [1, 20, 45, 64, 90, 110, events.length]) {
      const prefix = events.slice(0, fed);
      const live = new LiveScores(c);
      live.add(prefix);
      live.scores();
      const expected = live.cases();
      for (const options of [
        { counterfactuals: false },
        { counterfactuals: false, recipient: { team: 'team-b', role: 'prosecutor' } },
      ]) {
        const both = debriefWithCases(c, prefix, undefined, options);
        expect(both.debrief).toEqual(debrief(c, prefix, undefined, options));
        // Whole, whoever the debrief is for: the view filters the witnesses by what the agency knows.
        expect([...both.cases]).toEqual([...expected]);
      }
      lost += [...expected.values()].reduce((n, k) => n + k.witnessesLost.length, 0);
    }
    // Not a comparison of empty lists: the example loses witnesses.
    expect(lost).toBeGreaterThan(0);
  });

  it('equals the debrief’s for random teams of the scoring lab', () => {
    const c = lab();
    if (!c) return;
    fc.assert(
      fc.property(session, (s) => {
        const teams = s.policies.map((kind, i) => ({
          id: `tm${i + 1}x`,
          name: `Team ${i + 1}`,
          policy: policyOf(c, kind),
        }));
        const events = playSession(c, teams, { seed: s.seed, chatter: 0, maxEvents: s.maxEvents });
        const live = new LiveScores(c);
        live.add(events);
        live.scores();
        expect([...live.cases()]).toEqual(fullCases(c, events));
      }),
      { numRuns: 10 },
    );
  });
});

describe('live scores compose their texts in English only', () => {
  it('inside englishOnly every language reads the English text; outside, and after a throw, each its own', () => {
    expect(englishOnly(() => duration(90))).toEqual({
      en: '1 hour 30 minutes',
      'sr-Latn': '1 hour 30 minutes',
      mk: '1 hour 30 minutes',
      sq: '1 hour 30 minutes',
      bs: '1 hour 30 minutes',
    });
    expect(() =>
      englishOnly(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(duration(90).mk).toBe('1 час 30 минути');
  });

  it('a debrief after live scores of the same log still has every language', () => {
    const c = loadCatalogue('reefer-horgos');
    const events = flagshipLog();
    const live = new LiveScores(c);
    live.add(events);
    live.scores();
    const details = debrief(c, events, undefined, { counterfactuals: false }).teams.flatMap((t) =>
      t.items.map((i) => i.detail),
    );
    expect(details.some((d) => d.mk !== undefined && d.mk !== d.en)).toBe(true);
  });
});

describe('a team’s live case from one refresh to the next', () => {
  it('is the same object while it says the same, and another as soon as it does not', () => {
    const c = loadCatalogue('reefer-horgos');
    const live = new LiveScores(c);
    let before = new Map<string, LiveTeamCase>();
    let kept = 0;
    let replaced = 0;
    for (const event of flagshipLog()) {
      live.add([event]);
      live.scores();
      const after = live.cases();
      for (const [team, k] of after) {
        const prev = before.get(team);
        if (prev === undefined) continue;
        if (JSON.stringify(prev) === JSON.stringify(k)) {
          expect(k).toBe(prev);
          kept += 1;
        } else {
          expect(k).not.toBe(prev);
          replaced += 1;
        }
      }
      before = after;
    }
    expect(kept).toBeGreaterThan(0);
    expect(replaced).toBeGreaterThan(0);
  });
});

describe('the findings on decisions an agency is told of (hints)', () => {
  const c = loadCatalogue('reefer-horgos');
  const events = flagshipLog();
  const live = new LiveScores(c);
  live.add(events);
  live.scores();
  const states = replay(c, events).teams;

  it('are those on its own decisions about people and items it knows, and what the rule turns on', () => {
    let told = 0;
    for (const [team, k] of live.cases()) {
      const state = states[team];
      if (!state) throw new Error(`no state of ${team}`);
      for (const role of c.playable) {
        const v = needToKnow(c, state, role);
        const known = knownDecisionFindings(c, state, role, k.decisions ?? []);
        told += known.length;
        for (const f of known) {
          expect(f.roles).toContain(role);
          expect(f.persons.every(v.person) && f.evidence.every(v.evidence)).toBe(true);
        }
      }
    }
    expect(told).toBeGreaterThan(0);
  });

  it('leave out a finding on the agency’s own decision about a person it does not know', () => {
    const [team, k] = [...live.cases()].find(([, x]) => (x.decisions?.length ?? 0) > 0) ?? [];
    // Before anything happened, when the agencies know least.
    const state = team === undefined ? undefined : initialState(c, team);
    const finding = k?.decisions?.[0];
    if (!state || !finding) throw new Error('the example has no finding on a decision');
    const role = finding.roles[0] ?? '';
    const v = needToKnow(c, state, role);
    const stranger = c.scenario.people.map((p) => p.id).find((p) => !v.person(p));
    if (stranger === undefined) throw new Error(`${role} knows everyone: pick another example`);
    const about = (persons: string[]) => ({ ...finding, ruleId: 'EVIDENCE.X', persons });
    expect(knownDecisionFindings(c, state, role, [about([])])).toHaveLength(1);
    expect(knownDecisionFindings(c, state, role, [about([stranger])])).toEqual([]);
    // Nor one on another agency's decision.
    expect(knownDecisionFindings(c, state, role, [{ ...about([]), roles: ['nobody'] }])).toEqual(
      [],
    );
  });

  it('leave out a finding that turns on what the agency has not observed of a person it knows', () => {
    // A rule on asylum, trafficking, children or vulnerability about a person the agency knows,
    // but of whom it has not observed what the rule turns on (an asylum wish, an age...).
    const rules = [
      'RIGHTS.ASYLUM.IGNORED',
      'RIGHTS.TRAFFICKING.X',
      'RIGHTS.CHILD.DETENTION',
      'RIGHTS.MEDICAL.DENIED',
    ];
    // Early in the example, when the agencies know the people but not yet all about them.
    const early = replay(c, events.slice(0, 10)).teams;
    let checked = 0;
    for (const [team] of live.cases()) {
      const state = early[team];
      if (!state) continue;
      for (const role of c.playable) {
        const v = needToKnow(c, state, role);
        for (const ruleId of rules) {
          const person = c.scenario.people
            .map((p) => p.id)
            .find((p) => v.person(p) && !attrsOf(ruleId).some((a) => v.attr(p, a)));
          if (person === undefined) continue;
          const f = { roles: [role], ruleId, persons: [person], evidence: [] as string[] };
          expect(knownDecisionFindings(c, state, role, [f])).toEqual([]);
          const plain = { ...f, ruleId: 'EVIDENCE.X' };
          expect(knownDecisionFindings(c, state, role, [plain])).toEqual([plain]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
