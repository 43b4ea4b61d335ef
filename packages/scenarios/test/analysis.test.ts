import { analyse, compile, initialState, parseScenario, step } from '@crossroads/scenarios';
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
  const a = analyse(c);

  it('covers everything: every phase, option and ending reachable, no dead end, no leak', () => {
    expect(a.boundHit).toBe(false);
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

  it('path statistics add up, and each witness path really ends there', () => {
    const per = Object.values(a.paths.perEnding);
    expect(per.reduce((n, p) => n + p.count, 0)).toBe(a.paths.count);
    expect(a.paths.shortest).toBe(Math.min(...per.map((p) => p.shortest ?? Infinity)));
    expect(a.paths.longest).toBe(Math.max(...per.map((p) => p.longest ?? -Infinity)));
    expect(a.paths.perEnding.hard_fail?.shortest).toBe(1);
    for (const [ending, path] of Object.entries(a.witnesses)) {
      expect(path).toHaveLength(a.paths.perEnding[ending]?.shortest ?? -1);
      expect(walk(c, path).ended?.ending).toBe(ending);
    }
  });
});

describe('analyse: small hand-countable scenarios', () => {
  it('counts paths exactly', () => {
    const a = analyse(compileData(tiny()));
    expect(a.paths).toMatchObject({ count: 2, shortest: 1, longest: 1, capped: false });
    expect(a.states).toBe(3);
  });

  it('two independent decisions in either order (x has 2 options), then one of 2 endings: 8 paths of length 3', () => {
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
    expect(a.paths.perEnding.done).toEqual({ count: 4, shortest: 3, longest: 3 });
    expect(a.paths.count).toBe(8);
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
    expect(a.paths.capped).toBe(true);
    expect(a.coverage).toMatchObject({ method: 'bounded', walks: 60 });
    expect(a.reachableEndings.length).toBeGreaterThan(1);
    for (const [ending, path] of Object.entries(a.witnesses))
      expect(walk(c, path).ended?.ending).toBe(ending);
    expect(analyse(c, { maxStates: 40, walks: 60 })).toEqual(a);
  });
});
