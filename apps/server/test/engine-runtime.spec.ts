/**
 * EngineRuntime.view reuses what it built for earlier views (the engine's view parts, their
 * server form, the why-not texts of a state) while their inputs are the same objects. These tests
 * step a catalogue scenario copy-on-write, as a session does, and compare every agency's view with
 * one computed from a deep copy of the state, which shares no object with anything seen before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  availableActions,
  compile,
  prng,
  parseScenario,
  type TeamState as EngineState,
} from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import {
  scenarioSummarySchema,
  type LogEvent,
  type LostWitnessView,
  type SessionSettings,
} from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import type { DecisionFindingView, TeamState, ViewContext } from '../src/catalogue/runtime';

const scenarios = loadCatalogue().flatMap((entry) => (entry.ok ? [entry.compiled] : []));
if (scenarios.length === 0) throw new Error('the scenario catalogue has no valid scenario');

const settings: SessionSettings[] = [
  { feedbackPolicy: 'debrief_only', scoresVisibleToTrainees: false, timeRatio: 10, language: 'en' },
  { feedbackPolicy: 'hints', scoresVisibleToTrainees: true, timeRatio: 0, language: 'sr-Latn' },
];

/** A team played by random enabled actions of its agencies and the facilitator, state by state. */
function play(runtime: EngineRuntime, seed: number, events: number): TeamState[] {
  const c = runtime.compiled;
  const rnd = prng(seed);
  const roles: (string | null)[] = [...c.playable, null];
  let state = runtime.initialState('t1');
  const states = [state];
  for (let seq = 1; seq <= events && !runtime.ended(state); seq += 1) {
    const s = state as unknown as EngineState;
    const options = roles.flatMap((role) =>
      availableActions(c, s, role)
        .filter((a) => a.enabled && (a.type !== 'clock.ticked' || rnd() < 0.2))
        .map((action) => ({ role, action })),
    );
    const chosen = options[Math.floor(rnd() * options.length)];
    const event = {
      seq,
      at: new Date(Date.UTC(2026, 11, 5) + seq * 1000).toISOString(),
      time: runtime.clock(state),
      team: 't1',
      role: chosen?.role ?? null,
      participant: null,
      type: chosen?.action.type ?? 'clock.ticked',
      payload: chosen?.action.payload ?? { minutes: 5 },
    } as LogEvent;
    const outcome = runtime.step(state, event);
    if (!outcome.ok) throw new Error(`a random action was rejected: ${outcome.message}`);
    state = outcome.state;
    states.push(state);
  }
  return states;
}

describe.each(scenarios.map((c) => [c.id, c] as const))('role views of %s', (_id, compiled) => {
  it.each([1, 2, 3])('equal views of fresh copies after every event (seed %i)', (seed) => {
    const runtime = new EngineRuntime(compiled);
    const fresh = new EngineRuntime(compiled);
    const states = play(runtime, seed, 60);
    expect(states.length).toBeGreaterThan(5);
    const scores = { evidence: 3, rights: 4, redLines: [] };
    let reused = 0;
    const held = new Map<string, ReturnType<EngineRuntime['view']>>();
    for (const state of states) {
      for (const role of compiled.playable) {
        for (const [i, s] of settings.entries()) {
          const context: ViewContext = {
            team: { id: 't1', name: 'Team 1' },
            settings: s,
            running: true,
            scores,
          };
          const view = runtime.view(state, role, context);
          const copy = structuredClone(state);
          expect(JSON.stringify(view)).toBe(JSON.stringify(fresh.view(copy, role, context)));
          const before = held.get(`${role}|${i}`);
          if (before !== undefined && before.people === view.people) reused += 1;
          held.set(`${role}|${i}`, view);
        }
      }
    }
    expect(reused).toBeGreaterThan(0);
  });
});

describe('role views of one team in a session', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);

  it.each([1, 2])(
    'equal fresh views, and reuse the items an event did not change (seed %i)',
    (seed) => {
      const runtime = new EngineRuntime(compiled);
      const fresh = new EngineRuntime(compiled);
      // One team object for the whole session, as SessionViews passes it.
      const team = { id: 't1', name: 'Team 1' };
      const context: ViewContext = {
        team,
        settings: settings[0] as SessionSettings,
        running: true,
      };
      const states = play(runtime, seed, 80);
      let kept = 0;
      const held = new Map<string, ReturnType<EngineRuntime['view']>>();
      for (const state of states) {
        for (const role of compiled.playable) {
          const view = runtime.view(state, role, context);
          const other = { ...context, team: { ...team } };
          expect(JSON.stringify(view)).toBe(
            JSON.stringify(fresh.view(structuredClone(state), role, other)),
          );
          const before = held.get(role);
          if (before !== undefined && before.requests !== view.requests) {
            // The list changed: each request it kept unchanged is the very item of the view before.
            for (const item of view.requests) {
              const was = before.requests.find((r) => r.instance === item.instance);
              if (was !== undefined && JSON.stringify(was) === JSON.stringify(item)) {
                expect(item).toBe(was);
                kept += 1;
              }
            }
          }
          held.set(role, view);
        }
      }
      expect(kept).toBeGreaterThan(0);
    },
  );
});

describe('parts of role views an event did not change', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);

  it.each([1, 2])('are the very objects of the agency view before (seed %i)', (seed) => {
    const runtime = new EngineRuntime(compiled);
    const context: ViewContext = {
      team: { id: 't1', name: 'Team 1' },
      settings: settings[0] as SessionSettings,
      running: true,
    };
    const parts = ['documents', 'evidence', 'injects', 'requests', 'decided', 'facts'] as const;
    let kept = 0;
    const held = new Map<string, ReturnType<EngineRuntime['view']>>();
    for (const state of play(runtime, seed, 80)) {
      for (const role of compiled.playable) {
        const view = runtime.view(state, role, context);
        const before = held.get(role);
        for (const part of before === undefined ? [] : parts) {
          if (JSON.stringify(before?.[part]) !== JSON.stringify(view[part])) continue;
          // Equal content: the host's diff of the two views stops at the reference.
          expect(view[part]).toBe(before?.[part]);
          kept += 1;
        }
        held.set(role, view);
      }
    }
    expect(kept).toBeGreaterThan(0);
  });
});

describe('the decisions a role view names as taken', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);

  it.each([1, 2])(
    'are the team’s, taken or signed in any phase, that the agency may take or sign (seed %i)',
    (seed) => {
      const runtime = new EngineRuntime(compiled);
      const context: ViewContext = {
        team: { id: 't1', name: 'Team 1' },
        settings: settings[0] as SessionSettings,
        running: true,
      };
      let earlier = 0;
      let kept = 0;
      const held = new Map<string, ReturnType<EngineRuntime['view']>>();
      for (const state of play(runtime, seed, 80)) {
        const s = state as unknown as EngineState;
        for (const role of compiled.playable) {
          const view = runtime.view(state, role, context);
          // Need to know, as for the decision.made and joint.signed events a trainee receives.
          const expected = [...compiled.decisions.values()].filter(
            (d) =>
              (s.decisions[d.def.id] !== undefined || s.joint[d.def.id] !== undefined) &&
              d.allowed.has(role),
          );
          expect(view.decided ?? []).toEqual(
            expected.map((d) => ({
              id: d.def.id,
              title: d.def.title,
              // Those its events may name: the one taken, or all of a joint or repeatable one.
              options: d.def.options
                .filter(
                  (o) =>
                    d.def.joint !== undefined ||
                    d.def.repeatable ||
                    s.decisions[d.def.id]?.option === o.id,
                )
                .map((o) => ({ id: o.id, label: o.label })),
            })),
          );
          for (const item of view.decided ?? [])
            if (!view.decisions.some((d) => d.id === item.id)) earlier += 1;
          const before = held.get(role);
          if (before?.decided !== undefined && view.decided !== undefined) {
            // Each decision's item is one object, and so is an unchanged list.
            for (const item of view.decided) {
              const was = before.decided.find((d) => d.id === item.id);
              if (was !== undefined) expect(item).toBe(was);
            }
            if (JSON.stringify(before.decided) === JSON.stringify(view.decided)) {
              expect(view.decided).toBe(before.decided);
              kept += 1;
            }
          }
          held.set(role, view);
        }
      }
      // Some named a decision of an earlier phase, which the phase's decisions no longer list.
      expect(earlier).toBeGreaterThan(0);
      expect(kept).toBeGreaterThan(0);
    },
  );
});

describe('role views of one state for several agencies', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);

  it('give each agency its own reasons with the why-not texts they share', () => {
    const runtime = new EngineRuntime(compiled);
    const fresh = new EngineRuntime(compiled);
    const context: ViewContext = {
      team: { id: 't1', name: 'Team 1' },
      settings: settings[0] as SessionSettings,
      running: false,
    };
    let whyNots = 0;
    for (const state of play(runtime, 7, 40)) {
      // The same state object for every agency, in both orders: nothing one agency's view left
      // behind may show in another's.
      for (const roles of [compiled.playable, [...compiled.playable].reverse()]) {
        for (const role of roles) {
          const view = runtime.view(state, role, context);
          expect(view).toEqual(fresh.view(structuredClone(state), role, context));
          whyNots += view.decisions.filter((d) => d.whyNot !== undefined).length;
        }
      }
    }
    expect(whyNots).toBeGreaterThan(0);
  });
});

/** Two options of one decision, each greyed out for its own reason. */
const TWO_REASONS = `
id: two-reasons
version: 1.0.0
title: Two reasons
summary: One decision whose options wait for different facts.
durationMinutes: 10
languages: [en]
agencies:
  - { id: police, name: Police, playable: required, briefing: Decide. }
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: Decide. }
facts:
  - { id: order, type: boolean, initial: false, description: The court has issued an order. }
  - { id: consent, type: boolean, initial: false, description: The owner has consented. }
phases:
  - id: only
    title: Only
    description: Decide.
    decisions:
      - id: search
        title: Search the van
        prompt: How?
        agencies: [police, prosecutor]
        options:
          - { id: by_order, label: Under the order, timeCost: 0, when: { fact: order, eq: true }, effects: [{ end: done }] }
          - { id: by_consent, label: With consent, timeCost: 0, when: { fact: consent, eq: true }, effects: [{ end: done }] }
endings:
  - { id: done, title: Done, description: Done., kind: other }
`;

describe('why-not texts shared by the agencies of one state', () => {
  it('belong to each option', () => {
    const parsed = parseScenario(TWO_REASONS);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const runtime = new EngineRuntime(compile(parsed.scenario));
    const state = runtime.initialState('t1');
    const context: ViewContext = {
      team: { id: 't1', name: 'Team 1' },
      settings: settings[0] as SessionSettings,
      running: false,
    };
    for (const role of ['police', 'prosecutor']) {
      const texts = runtime
        .view(state, role, context)
        .decisions.flatMap((d) => d.options.map((o) => o.whyNot?.text));
      expect(texts).toEqual([
        expect.objectContaining({ en: 'Needs The court has issued an order.' }),
        expect.objectContaining({ en: 'Needs The owner has consented.' }),
      ]);
    }
  });
});

/**
 * SessionHost recomputes the staff's inject controls only when a team's releasedInjects record is
 * another object than when it last computed them: every step that changes which injects are
 * released (by the facilitator, timed, conditional or by an effect) must give a new record.
 */
describe.each(scenarios.map((c) => [c.id, c] as const))(
  'released injects of %s',
  (_id, compiled) => {
    it.each([1, 2, 3, 4])('are another object whenever a release changes (seed %i)', (seed) => {
      const runtime = new EngineRuntime(compiled);
      const states = play(runtime, seed, 150);
      const releasedTo = (state: TeamState) =>
        JSON.stringify(runtime.injectControls(new Map([['t1', state]])).map((i) => i.releasedTo));
      let released = 0;
      let kept = 0;
      for (const [i, state] of states.entries()) {
        const before = states[i - 1];
        if (before === undefined) continue;
        if (runtime.releasedInjects(before) === runtime.releasedInjects(state)) {
          expect(releasedTo(state)).toBe(releasedTo(before));
          kept += 1;
        } else if (releasedTo(state) !== releasedTo(before)) released += 1;
      }
      expect(kept).toBeGreaterThan(0);
      if (compiled.injects.size > 0) expect(released).toBeGreaterThan(0);
    });
  },
);

describe('decision and request lists reused between views', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);
  const context: ViewContext = {
    team: { id: 't1', name: 'Team 1' },
    settings: settings[0] as SessionSettings,
    running: true,
  };
  const sent = (request: string, role: string): LogEvent => ({
    seq: 1,
    at: '2026-12-05T09:00:00.000Z',
    time: 0,
    team: 't1',
    role,
    participant: null,
    type: 'request.sent',
    payload: { request },
  });

  it('are the very arrays of an earlier view whose state gave the same inputs', () => {
    const runtime = new EngineRuntime(compiled);
    // Two teams' states with nothing in common but their content.
    const one = runtime.view(runtime.initialState('t1'), 'border_police', context);
    const two = runtime.view(runtime.initialState('t2'), 'border_police', context);
    expect(two.decisions.length).toBeGreaterThan(0);
    expect(two.decisions).toBe(one.decisions);
    expect(two.sendableRequests).toBe(one.sendableRequests);
  });

  it('change with a request the state changed, and with the agency', () => {
    const runtime = new EngineRuntime(compiled);
    const fresh = new EngineRuntime(compiled);
    const before = runtime.initialState('t1');
    const first = runtime.view(before, 'border_police', context);
    const request = first.sendableRequests.find((r) => r.enabled);
    if (request === undefined) throw new Error('border_police has no request to send at first');
    const outcome = runtime.step(before, sent(request.id, 'border_police'));
    if (!outcome.ok) throw new Error(outcome.message);
    const after = runtime.view(outcome.state, 'border_police', context);
    expect(after.sendableRequests).not.toBe(first.sendableRequests);
    expect(after.sendableRequests).toEqual(
      fresh.view(structuredClone(outcome.state), 'border_police', context).sendableRequests,
    );
    const index = first.sendableRequests.indexOf(request);
    expect(after.sendableRequests[index]).not.toEqual(request);
    // The other requests' items are the same objects; another agency has lists of its own.
    expect(after.sendableRequests.filter((r, i) => r === first.sendableRequests[i])).toHaveLength(
      first.sendableRequests.length - 1,
    );
    const prosecutor = runtime.view(before, 'prosecutor', context);
    expect(prosecutor.sendableRequests).not.toBe(first.sendableRequests);
    expect(prosecutor).toEqual(fresh.view(structuredClone(before), 'prosecutor', context));
  });
});

describe('the hints and witnesses lost of role views', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);

  /** `value` with `key` read through a getter that counts every read in `reads`. */
  function counted<T extends object>(value: T, key: keyof T, reads: { n: number }): T {
    const copy = { ...value };
    const kept = value[key];
    Object.defineProperty(copy, key, {
      enumerable: true,
      get: () => {
        reads.n += 1;
        return kept;
      },
    });
    return copy;
  }

  it.each([1, 2, 3])(
    'are filtered again only when the findings or what the agency knows changed, and equal fresh ones (seed %i)',
    (seed) => {
      const runtime = new EngineRuntime(compiled);
      const fresh = new EngineRuntime(compiled);
      const reads = { n: 0 };
      // Findings on a decision of each agency about each person (an asylum rule: need to know also
      // asks whether the agency observed the claim) and about each item of evidence; a witness lost
      // for each person.
      const finding = (role: string, seq: number, persons: string[], evidence: string[]) => ({
        seq,
        decision: `d_${role}`,
        option: 'o',
        roles: [role],
        persons,
        evidence,
        ruleId: persons.length > 0 ? 'RIGHTS.ASYLUM.TEST' : 'EVIDENCE.TEST',
        axis: 'rights' as const,
        points: -1,
        counted: true,
        redLine: false,
        title: { en: 'Finding' },
        explanation: { en: 'Why' },
        legalBasis: [],
      });
      const { people, evidence } = compiled.scenario;
      const plain = compiled.playable.flatMap((role, i) => [
        ...people.map((p, j) => finding(role, 1000 * i + j, [p.id], [])),
        ...evidence.map((e, j) => finding(role, 1000 * i + 500 + j, [], [e.id])),
      ]) as unknown as DecisionFindingView[];
      const lost: LostWitnessView[] = people.map((p, j) => ({
        person: p.id,
        how: j % 2 === 0 ? 'departed' : 'withdrew',
        time: j,
      }));
      const context: ViewContext = {
        team: { id: 't1', name: 'Team 1' },
        settings: settings[1] as SessionSettings,
        running: true,
        decisions: plain.map((f) => counted(f, 'roles', reads)),
        witnessesLost: lost.map((w) => counted(w, 'person', reads)),
      };
      const plainContext: ViewContext = { ...context, decisions: plain, witnessesLost: lost };
      let before: EngineState | undefined;
      let kept = 0;
      let filtered = 0;
      let shown = 0;
      for (const state of play(runtime, seed, 80)) {
        const s = state as unknown as EngineState;
        const same =
          before !== undefined &&
          before.known === s.known &&
          before.observed === s.observed &&
          before.reveals === s.reveals;
        for (const role of compiled.playable) {
          const n = reads.n;
          const view = runtime.view(state, role, context);
          if (same) {
            expect(reads.n).toBe(n);
            kept += 1;
          } else {
            filtered += 1;
          }
          const expected = fresh.view(structuredClone(state), role, plainContext);
          expect(view.hints).toEqual(expected.hints);
          expect(view.witnessesLost).toEqual(expected.witnessesLost);
          shown += view.hints.length;
        }
        before = s;
      }
      expect(kept).toBeGreaterThan(0);
      expect(filtered).toBeGreaterThan(compiled.playable.length);
      expect(shown).toBeGreaterThan(0);
    },
  );
});

describe('the hints and witnesses lost of an agency', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);

  it('follow what was revealed to it, whom it knows and what it observed, each alone', () => {
    const runtime = new EngineRuntime(compiled);
    const fresh = new EngineRuntime(compiled);
    const role = 'social_work';
    const finding = (seq: number, ruleId: string, persons: string[], evidence: string[]) => ({
      seq,
      decision: 'd',
      option: 'o',
      roles: [role],
      persons,
      evidence,
      ruleId,
      axis: 'rights' as const,
      points: -1,
      counted: true,
      redLine: false,
      title: { en: 'Finding' },
      explanation: { en: 'Why' },
      legalBasis: [],
    });
    const context: ViewContext = {
      team: { id: 't1', name: 'Team 1' },
      settings: settings[1] as SessionSettings,
      running: true,
      decisions: [
        // Evidence the agency sees only once revealed to it.
        finding(1, 'EVIDENCE.TEST', [], ['ev_compartment']),
        // A person known to no agency at first.
        finding(2, 'RIGHTS.ASYLUM.TEST', ['p_handler'], []),
        // A person whose vulnerabilities are hidden until observed.
        finding(3, 'RIGHTS.MEDICAL.TEST', ['p_runaways'], []),
      ],
      witnessesLost: [{ person: 'p_handler', how: 'departed', time: 5 }],
    };
    // Each state the one before with one copy-on-write record changed, as a step changes them.
    const s0 = runtime.initialState('t1') as unknown as EngineState;
    const s1: EngineState = {
      ...s0,
      reveals: { ...s0.reveals, ev_compartment: [role] },
    };
    const s2: EngineState = { ...s1, known: { ...s1.known, p_handler: [role] } };
    const s3: EngineState = {
      ...s2,
      observed: {
        ...s2.observed,
        p_runaways: { ...s2.observed.p_runaways, vulnerabilities: [role] },
      },
    };
    const seen = [s0, s1, s2, s3].map((s) => {
      const state = s as unknown as TeamState;
      const view = runtime.view(state, role, context);
      const expected = fresh.view(structuredClone(state), role, context);
      expect(view.hints).toEqual(expected.hints);
      expect(view.witnessesLost).toEqual(expected.witnessesLost);
      return { hints: view.hints.map((h) => h.seq), lost: view.witnessesLost?.length ?? 0 };
    });
    expect(seen).toEqual([
      { hints: [], lost: 0 },
      { hints: [1], lost: 0 },
      { hints: [1, 2], lost: 1 },
      { hints: [1, 2, 3], lost: 1 },
    ]);
  });
});

describe('role views of two teams and two agencies from one runtime', () => {
  const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? (scenarios[0] as never);
  const roles = compiled.playable.slice(0, 2);

  it.each([1, 2])(
    "are never another team's or agency's, and stay the same objects while their team's state does (seed %i)",
    (seed) => {
      const runtime = new EngineRuntime(compiled);
      const fresh = new EngineRuntime(compiled);
      // One team object per team for the whole session, as SessionViews passes them.
      const teams = [
        { id: 't1', name: 'Team 1' },
        { id: 't2', name: 'Team 2' },
      ];
      const contexts = teams.map((team): ViewContext => ({
        team,
        settings: settings[1] as SessionSettings,
        running: true,
        scores: { evidence: 1, rights: 2, redLines: [] },
      }));
      // Each team its own game; the second moves only every other step, so the first one's event
      // changes sections of its own team's views alone.
      const games = [play(runtime, seed, 40), play(runtime, seed + 10, 20)];
      const held = new Map<string, ReturnType<EngineRuntime['view']>>();
      const shown = new Map<string, TeamState>();
      let same = 0;
      for (let i = 0; i < 40; i += 1) {
        for (const [t, game] of games.entries()) {
          const state = game[Math.min(t === 0 ? i : i >> 1, game.length - 1)] as TeamState;
          const context = contexts[t] as ViewContext;
          for (const role of roles) {
            const key = `${t}|${role}`;
            const view = runtime.view(state, role, context);
            expect(JSON.stringify(view)).toBe(
              JSON.stringify(fresh.view(structuredClone(state), role, context)),
            );
            const before = held.get(key);
            if (before !== undefined && shown.get(key) === state) {
              // Nothing of its inputs changed: the very view before, which a diff skips whole.
              expect(view).toBe(before);
              same += 1;
            }
            // Never a view held for another team or agency.
            for (const [other, v] of held) if (other !== key) expect(view).not.toBe(v);
            held.set(key, view);
            shown.set(key, state);
          }
        }
      }
      expect(same).toBeGreaterThan(10);
    },
  );
});

describe('the catalogue summary', () => {
  it('names the country the scenario is set in: Serbia when it names none', () => {
    const c = scenarios[0]!;
    const { country: _none, ...serbian } = c.scenario;
    const summary = (country?: 'XK') =>
      scenarioSummarySchema.parse(
        new EngineRuntime(compile(country ? { ...serbian, country } : serbian)).summary([
          c.version,
        ]),
      );
    expect(summary().country).toBe('RS');
    expect(summary('XK').country).toBe('XK');
  });
});

describe('the replay frame’s debrief and live case of a log prefix', () => {
  const flagship = scenarios.find((c) => c.id === 'reefer-horgos');
  if (!flagship) throw new Error('the catalogue has no reefer-horgos');
  const runtime = new EngineRuntime(flagship);
  const events = readFileSync(
    join(__dirname, '../../../packages/scenarios/examples/reefer-horgos.session.jsonl'),
    'utf8',
  )
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LogEvent);

  it('from one replay, equal the debrief and the live scorer’s case of the same events', () => {
    let lost = 0;
    for (const fed of [1, 30, 64, 100, events.length]) {
      const prefix = events.slice(0, fed);
      const scorer = runtime.liveScores(null);
      scorer.add(prefix);
      scorer.scores();
      const cases = scorer.cases();
      for (const team of ['team-a', 'team-b'])
        for (const recipient of [undefined, { team, role: 'prosecutor' }]) {
          const both = runtime.debriefWithCase(prefix, {
            rubricVersion: null,
            team,
            counterfactuals: false,
            ...(recipient ? { recipient } : {}),
          });
          expect(both.debrief).toEqual(
            runtime.debrief(prefix, {
              rubricVersion: null,
              teams: [team],
              counterfactuals: false,
              ...(recipient ? { recipient } : {}),
            }),
          );
          expect(both.liveCase).toEqual(cases.get(team) ?? null);
          lost += both.liveCase?.witnessesLost.length ?? 0;
        }
    }
    // Not a comparison of empty cases: the example session loses witnesses.
    expect(lost).toBeGreaterThan(0);
  });
});
