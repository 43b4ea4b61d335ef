import { initialState, whyOption, type CompiledScenario } from '@crossroads/scenarios';
import { compileData, decide, ev, run, tiny } from './helpers';

/** Police book the only Farsi interpreter for an hour (from minute 0); the prosecutor then wants one too. */
function scenario(available: { from: number; to?: number; count: number }[]): CompiledScenario {
  return compileData(
    tiny({
      resources: [
        {
          id: 'fa',
          name: { en: 'Farsi interpreter', 'sr-Latn': 'Tumač za farsi' },
          kind: 'interpreter',
          available,
        },
      ],
      facts: [{ id: 'open', type: 'boolean', initial: true }],
      phases: [
        {
          id: 'one',
          title: 'One',
          description: 'd',
          decisions: [
            {
              id: 'a',
              title: 'A',
              prompt: 'p',
              agencies: ['police'],
              options: [
                {
                  id: 'use',
                  label: 'Use',
                  timeCost: 10,
                  uses: { resource: 'fa', count: 1, minutes: 60 },
                  effects: [],
                },
              ],
            },
            {
              id: 'b',
              title: 'B',
              prompt: 'p',
              agencies: ['prosecutor'],
              repeatable: true,
              options: [
                { id: 'use', label: 'Use', timeCost: 0, uses: { resource: 'fa' }, effects: [] },
                {
                  id: 'shut',
                  label: 'Shut',
                  timeCost: 0,
                  when: { fact: 'open', eq: false },
                  uses: { resource: 'fa' },
                  effects: [],
                },
              ],
            },
            {
              id: 'go',
              title: 'Go',
              prompt: 'p',
              agencies: ['police'],
              options: [
                { id: 'yes', label: 'Yes', timeCost: 1, effects: [{ end: 'done' }] },
                { id: 'no', label: 'No', timeCost: 1, effects: [{ end: 'fail' }] },
              ],
            },
          ],
        },
      ],
    }),
  );
}

describe('an option waiting for a scarce resource says from when it is free', () => {
  it('free again when the team’s own booking ends', () => {
    const c = scenario([{ from: 0, count: 1 }]);
    const s = run(c, initialState(c, 't'), [decide('police', 'a', 'use')]);
    expect(s.clock).toBe(10);
    const why = whyOption(c, s, 'b', 'use', 'prosecutor');
    expect(why?.text.en).toBe('No Farsi interpreter is free at this time.');
    expect(why?.wait).toEqual({
      resource: { en: 'Farsi interpreter', 'sr-Latn': 'Tumač za farsi' },
      freeAt: 60,
    });
  });

  it('free again at the start of its next window; never when it has none', () => {
    const c = scenario([
      { from: 0, to: 100, count: 1 },
      { from: 200, to: 300, count: 1 },
    ]);
    const gap = run(c, initialState(c, 't'), [ev(null, 'clock.ticked', { minutes: 120 })]);
    expect(whyOption(c, gap, 'b', 'use', 'prosecutor')?.wait?.freeAt).toBe(200);
    const over = run(c, gap, [ev(null, 'clock.ticked', { minutes: 200 })]);
    expect(whyOption(c, over, 'b', 'use', 'prosecutor')?.wait?.freeAt).toBeNull();
  });

  it('says nothing of the resource while something else is in the way first', () => {
    const c = scenario([{ from: 0, count: 1 }]);
    const s = run(c, initialState(c, 't'), [decide('police', 'a', 'use')]);
    const why = whyOption(c, s, 'b', 'shut', 'prosecutor');
    expect(why?.text.en).toMatch(/^Needs /);
    expect(why?.wait).toBeUndefined();
    expect(whyOption(c, initialState(c, 't'), 'b', 'use', 'prosecutor')).toBeUndefined();
  });
});
