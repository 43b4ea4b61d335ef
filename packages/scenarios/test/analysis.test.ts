import {
  analyse,
  compile,
  initialState,
  parseScenario,
  phaseRoutes,
  step,
} from '@crossroads/scenarios';
import type { ScenarioInput } from '@crossroads/scenarios';
import type { CompiledScenario, PathStep, TeamState } from '@crossroads/scenarios';
import { compileData, loadMini, miniText, tiny } from './helpers';

function walk(c: CompiledScenario, path: PathStep[]): TeamState {
  let s = initialState(c, 'w');
  for (const p of path) {
    const r = step(c, s, { seq: s.seq + 1, team: 'w', participant: null, ...p });
    if (!r.ok) throw new Error(`path step rejected: ${r.message}`);
    s = r.state;
  }
  return s;
}

describe('analyse: the fixture is fully explored', () => {
  const c = loadMini();
  const a = analyse(c, { maxStates: 20_000 });

  it('covers everything: every phase, option and ending reachable, no dead end, no leak', () => {
    expect(a.boundHit).toBe(false);
    expect(a.explored).toMatchObject({ method: 'state-space', boundHit: false, bound: 20_000 });
    expect(a.explored.statesExplored).toBe(a.states);
    expect(a.explored.statesExplored).toBeLessThan(20_000);
    expect(a.coverage.method).toBe('exhaustive');
    expect(a.decisions).toBe(6);
    expect(a.options).toBe(12);
    expect(a.reachableEndings).toEqual([
      'conviction',
      'plea',
      'acquittal',
      'collapse',
      'hard_fail',
      'out_of_time',
    ]);
    expect(a.unreachable).toEqual({ phases: [], options: [], endings: [] });
    expect(a.deadEnds.count).toBe(0);
    expect(a.viewLeaks).toEqual([]);
    expect(a.inconsistencies).toEqual([]);
  });

  it('action-path statistics add up, and each witness path really ends there', () => {
    const x = a.explored.paths;
    const per = Object.values(x.perEnding);
    expect(x.capped).toBe(false);
    expect(per.reduce((n, p) => n + p.count, 0)).toBe(x.count);
    expect(x.shortest).toBe(Math.min(...per.map((p) => p.shortest ?? Infinity)));
    expect(x.longest).toBe(Math.max(...per.map((p) => p.longest ?? -Infinity)));
    expect(x.perEnding.hard_fail?.shortest).toBe(1);
    for (const [ending, path] of Object.entries(a.witnesses)) {
      expect(path).toHaveLength(x.perEnding[ending]?.shortest ?? -1);
      expect(walk(c, path).ended?.ending).toBe(ending);
    }
  });

  it('counts the routes through the phase graph exactly', () => {
    // stop → screening → witness_plan → charging, with: keep_closed ending at once (hard_fail);
    // the plan by deposition or by detention; smuggling needs the statement that only the deposition
    // obtains (conviction or plea by the phone's `if`); misdemeanour after either plan (acquittal);
    // collapse when the group leaves while the statement is missing: in any phase but after the
    // deposition; the time limit in any phase (5 places).
    expect(a.paths).toMatchObject({
      method: 'phase-graph',
      count: 14,
      shortest: 0,
      longest: 4,
      capped: false,
      outsideModel: [],
    });
    const counts = Object.fromEntries(
      Object.entries(a.paths.perEnding).map(([id, p]) => [id, [p.count, p.shortest, p.longest]]),
    );
    expect(counts).toEqual({
      conviction: [1, 4, 4],
      plea: [1, 4, 4],
      acquittal: [2, 4, 4],
      collapse: [4, 0, 3],
      hard_fail: [1, 1, 1],
      out_of_time: [5, 0, 3],
    });
    const routes = phaseRoutes(c, { collect: true }).routes ?? {};
    expect(routes.acquittal?.sort()).toEqual([
      'open_van/open_and_triage>screening hand_over/hand_over_now>witness_plan plan/deposition>charging charge/misdemeanour>acquittal',
      'open_van/open_and_triage>screening hand_over/hand_over_now>witness_plan plan/detain_all>charging charge/misdemeanour>acquittal',
    ]);
    expect(routes.hard_fail).toEqual(['open_van/keep_closed>hard_fail']);
  });

  it('agrees with the exhaustive exploration: every real route is counted, and every counted route is taken but the pre-empted time-outs', () => {
    expect(a.paths.outsideModel).toEqual([]);
    for (const [id, p] of Object.entries(a.paths.perEnding)) {
      expect(p.realised).toBeGreaterThan(0);
      if (id === 'out_of_time') continue;
      expect([id, p.realised]).toEqual([id, p.count]);
    }
    // The model does not know time: the group leaves at minute 240 and the case collapses first
    // unless the statement was taken, so only the time-out after the deposition really happens.
    expect(a.paths.perEnding.out_of_time).toMatchObject({ count: 5, realised: 1 });
  });
});

describe('analyse: small hand-countable scenarios', () => {
  it('counts paths exactly, and both methods agree', () => {
    const a = analyse(compileData(tiny()));
    expect(a.paths).toMatchObject({ count: 2, shortest: 1, longest: 1, capped: false });
    expect(a.paths.perEnding).toEqual({
      done: { count: 1, shortest: 1, longest: 1, realised: 1 },
      fail: { count: 1, shortest: 1, longest: 1, realised: 1 },
    });
    expect(a.explored.paths).toMatchObject({ count: 2, shortest: 1, longest: 1, capped: false });
    expect(a.states).toBe(3);
    expect(a.explored).toMatchObject({ statesExplored: 3, boundHit: false });
  });

  it('two independent decisions in either order (x has 2 options), then one of 2 endings: 8 action paths of length 3, 1 route each', () => {
    const data = tiny();
    data.phases[0]!.decisions!.unshift(
      {
        id: 'x',
        title: 'X',
        prompt: 'p',
        agencies: ['police'],
        options: [
          { id: 'x1', label: 'x1', timeCost: 0, effects: [] },
          { id: 'x2', label: 'x2', timeCost: 0, effects: [] },
        ],
      },
      {
        id: 'y',
        title: 'Y',
        prompt: 'p',
        agencies: ['prosecutor'],
        options: [{ id: 'y1', label: 'y1', timeCost: 0, effects: [] }],
      },
    );
    data.phases[0]!.decisions![2]!.when = { all: [{ decided: 'x' }, { decided: 'y' }] };
    const a = analyse(compileData(data));
    expect(a.explored.paths.perEnding.done).toEqual({ count: 4, shortest: 3, longest: 3 });
    expect(a.explored.paths.count).toBe(8);
    // Decisions that move no one are not route steps: one route per ending.
    expect(a.paths.perEnding.done).toEqual({ count: 1, shortest: 1, longest: 1, realised: 1 });
    expect(a.paths.count).toBe(2);
  });

  it('finds an option that can never be chosen and the dead end behind a condition that never holds', () => {
    const data = tiny({
      facts: [{ id: 'never', type: 'boolean', initial: false }],
      phases: [
        {
          id: 'one',
          title: 'One',
          description: 'd',
          decisions: [
            {
              id: 'go',
              title: 'Go',
              prompt: 'p',
              agencies: ['police'],
              options: [
                { id: 'yes', label: 'Yes', timeCost: 1, effects: [{ end: 'done' }] },
                { id: 'stuck', label: 'Into the swamp', timeCost: 1, effects: [{ goto: 'swamp' }] },
                {
                  id: 'magic',
                  label: 'Magic',
                  timeCost: 1,
                  when: { fact: 'never', eq: true },
                  effects: [{ end: 'done' }],
                },
              ],
            },
          ],
        },
        {
          id: 'swamp',
          title: 'Swamp',
          description: 'd',
          decisions: [
            {
              id: 'out',
              title: 'Out',
              prompt: 'p',
              agencies: ['police'],
              when: { fact: 'never', eq: true },
              options: [{ id: 'climb', label: 'Climb', timeCost: 1, effects: [{ end: 'fail' }] }],
            },
          ],
        },
      ],
    });
    const a = analyse(compileData(data));
    expect(a.unreachable.options).toEqual(['go/magic', 'out/climb']);
    expect(a.unreachable.endings).toEqual(['fail']);
    expect(a.deadEnds.count).toBe(1);
    expect(a.deadEnds.examples).toEqual([
      {
        phase: 'swamp',
        clock: 1,
        path: [
          { type: 'decision.made', role: 'police', payload: { decision: 'go', option: 'stuck' } },
        ],
      },
    ]);
  });

  it('a time limit is a way out: the same swamp is no dead end when the clock can run out', () => {
    const data = tiny({
      timeLimitMinutes: 30,
      timeLimitEnding: 'fail',
      phases: [
        {
          id: 'one',
          title: 'One',
          description: 'd',
          decisions: [
            {
              id: 'go',
              title: 'Go',
              prompt: 'p',
              agencies: ['police'],
              options: [
                { id: 'yes', label: 'Yes', timeCost: 1, effects: [{ end: 'done' }] },
                { id: 'stuck', label: 'Swamp', timeCost: 1, effects: [{ goto: 'swamp' }] },
              ],
            },
          ],
        },
        { id: 'swamp', title: 'Swamp', description: 'd', decisions: [] },
      ],
    });
    const a = analyse(compileData(data));
    expect(a.deadEnds.count).toBe(0);
    expect(a.reachableEndings).toEqual(['done', 'fail']);
  });
});

describe('analyse: view leaks', () => {
  it('reports a restricted item revealed outside its visibleTo, with the path that leads there', () => {
    const data = tiny({
      documents: [
        { id: 'secret', title: 'Secret', body: 'b', visibleTo: ['prosecutor'], restricted: true },
      ],
      evidence: [
        {
          id: 'open_file',
          title: 'Open',
          kind: 'document',
          element: [],
          source: 's',
          independentSource: 's',
          visibleTo: ['prosecutor'],
        },
      ],
    });
    const go = data.phases[0]!.decisions![0]!;
    go.options[1]!.effects = [
      { reveal: 'secret', to: ['police'] },
      { reveal: 'open_file', to: ['police'] },
      { end: 'fail' },
    ];
    const a = analyse(compileData(data));
    // only the restricted document counts; the unrestricted evidence may be shared
    expect(a.viewLeaks).toEqual([
      {
        role: 'police',
        item: 'secret',
        kind: 'document',
        path: [
          { type: 'decision.made', role: 'police', payload: { decision: 'go', option: 'no' } },
        ],
      },
    ]);
  });

  it('finds nothing in the fixture, whose restricted items stay with their agencies', () => {
    const text = miniText();
    const r = parseScenario(text);
    expect(r.ok && analyse(compile(r.scenario), { maxStates: 500, walks: 40 }).viewLeaks).toEqual(
      [],
    );
  });
});

describe('analyse: bounds', () => {
  it('says when the bound is hit and covers the rest with seeded guided walks', () => {
    const c = loadMini();
    const a = analyse(c, { maxStates: 40, walks: 60 });
    expect(a.boundHit).toBe(true);
    expect(a.states).toBe(40);
    expect(a.explored).toMatchObject({ statesExplored: 40, bound: 40, boundHit: true });
    expect(a.explored.paths.capped).toBe(true);
    // The phase-graph routes do not depend on the bound.
    expect(a.paths.count).toBe(analyse(c, { maxStates: 20_000, walks: 0 }).paths.count);
    expect(a.coverage).toMatchObject({ method: 'bounded', walks: 60 });
    expect(a.reachableEndings.length).toBeGreaterThan(1);
    for (const [ending, path] of Object.entries(a.witnesses))
      expect(walk(c, path).ended?.ending).toBe(ending);
    expect(analyse(c, { maxStates: 40, walks: 60 })).toEqual(a);
  });
});

describe('analyse: default bound', () => {
  it('searches 2,000 states when the walks reached every phase, option and ending, 20,000 otherwise', () => {
    expect(analyse(compileData(tiny())).explored.bound).toBe(2_000);
    expect(analyse(compileData(tiny()), { walks: 0 }).explored.bound).toBe(20_000);
    expect(analyse(loadMini(), { maxStates: 123 }).explored.bound).toBe(123);
  });
});

describe('phase-graph routes', () => {
  const phase = (
    id: string,
    decisions: NonNullable<ScenarioInput['phases'][number]['decisions']>,
  ) => ({
    id,
    title: id,
    description: 'd',
    decisions,
  });
  const choice = (id: string, options: { id: string; effects: unknown[]; when?: unknown }[]) => ({
    id,
    title: id,
    prompt: 'p',
    agencies: ['police'],
    options: options.map((o) => ({ label: o.id, timeCost: 1, ...o })),
  });

  it('counts simple paths only in a cyclic phase graph, and agrees with the exploration', () => {
    // a ⇄ b, each can end: routes a→done, a→b→done (b's way back to a is a cycle).
    const data = tiny({
      phases: [
        phase('a', [
          choice('a1', [
            { id: 'to_b', effects: [{ goto: 'b' }] },
            { id: 'end_a', effects: [{ end: 'done' }] },
          ]),
        ]),
        phase('b', [
          choice('b1', [
            { id: 'to_a', effects: [{ goto: 'a' }] },
            { id: 'end_b', effects: [{ end: 'done' }] },
            { id: 'fail_b', effects: [{ end: 'fail' }] },
          ]),
        ]),
      ],
    } as Partial<ScenarioInput>);
    (data.phases[0]!.decisions![0]! as { repeatable?: boolean }).repeatable = true;
    const c = compileData(data);
    const r = phaseRoutes(c, { collect: true });
    expect(r.perEnding.done).toEqual({ count: 2, shortest: 1, longest: 2 });
    expect(r.routes?.done?.sort()).toEqual(['a1/end_a>done', 'a1/to_b>b b1/end_b>done']);
    expect(r.perEnding.fail).toEqual({ count: 1, shortest: 2, longest: 2 });
    const a = analyse(c, { maxStates: 5_000 });
    expect(a.boundHit).toBe(false);
    expect(a.paths.outsideModel).toEqual([]);
    expect(a.paths.perEnding.done?.realised).toBe(2);
    expect(a.paths.perEnding.fail?.realised).toBe(1);
  });

  it('follows if branches, and drops an ending whose condition can never hold on the route', () => {
    const data = tiny({
      facts: [{ id: 'flag', type: 'boolean', initial: false }],
      phases: [
        phase('a', [
          choice('a1', [
            {
              id: 'maybe',
              effects: [
                { if: { fact: 'flag', eq: true }, then: [{ end: 'done' }], else: [{ goto: 'b' }] },
              ],
            },
          ]),
        ]),
        phase('b', [choice('b1', [{ id: 'raise', effects: [{ set: 'flag', value: true }] }])]),
      ],
      endings: [
        { id: 'done', title: 'Done', description: 'd', kind: 'conviction' },
        {
          id: 'fail',
          title: 'Fail',
          description: 'd',
          kind: 'collapse',
          when: { fact: 'flag', eq: true },
        },
      ],
    } as Partial<ScenarioInput>);
    const c = compileData(data);
    const r = phaseRoutes(c, { collect: true });
    // done by the `then` branch; fail only once b (which raises the flag) is on the route.
    expect(r.routes).toEqual({ done: ['a1/maybe>done'], fail: ['a1/maybe>b when>fail'] });
    const a = analyse(c);
    expect(a.paths.outsideModel).toEqual([]);
    // The flag is never true in a, so the `then` branch is never taken in play.
    expect(a.paths.perEnding.done?.realised).toBe(0);
    expect(a.paths.perEnding.fail?.realised).toBe(1);
  });

  it('says when the enumeration budget was hit', () => {
    const r = phaseRoutes(loadMini(), { maxSteps: 3 });
    expect(r.capped).toBe(true);
    expect(r.count).toBeLessThan(14);
  });
});
