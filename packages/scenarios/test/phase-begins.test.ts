import { initialState, replay, validateScenarioData } from '@crossroads/scenarios';
import type { ScenarioInput, StepEvent, TeamState } from '@crossroads/scenarios';
import { compileData, decide, ev, run, tiny } from './helpers';

/**
 * Minute 0 is Day 1, 08:00. Phase "two" begins on Day 2 at 09:00 = minute 1,500. On the way
 * there lie a deadline the team itself scheduled (600 minutes after taking "yes") and a memo
 * timed at minute 1,000; a second memo at 2,000 lies beyond.
 */
function dayScenario(over: Partial<ScenarioInput> = {}): ScenarioInput {
  const base = tiny();
  return {
    ...base,
    startTime: '08:00',
    phases: [
      {
        id: 'one',
        title: '1. Day 1',
        description: 'd',
        decisions: [
          {
            id: 'go',
            title: 'Go?',
            prompt: 'p',
            agencies: ['police'],
            options: [
              {
                id: 'yes',
                label: 'Yes',
                timeCost: 10,
                effects: [{ inject: 'deadline', after: 600 }, { goto: 'two' }],
              },
            ],
          },
        ],
      },
      {
        id: 'two',
        title: '2. Day 2, 09:00',
        description: 'd',
        begins: { day: 2, time: '09:00' },
        decisions: [
          {
            id: 'close',
            title: 'Close',
            prompt: 'p',
            agencies: ['police'],
            options: [{ id: 'done', label: 'Done', timeCost: 5, effects: [{ end: 'done' }] }],
          },
        ],
      },
    ],
    injects: [
      { id: 'deadline', title: 'Deadline', body: 'b', to: ['police'], release: 'effect' },
      { id: 'memo', title: 'Memo', body: 'b', to: ['police'], release: { at: 1000 } },
      { id: 'late', title: 'Late memo', body: 'b', to: ['police'], release: { at: 2000 } },
    ],
    endings: [{ id: 'done', title: 'Done', description: 'd', kind: 'conviction' }],
    ...over,
  };
}

const released = (s: TeamState) =>
  Object.entries(s.injects)
    .map(([id, x]) => [id, x.time, x.by] as const)
    .sort((a, b) => a[1] - b[1]);

describe('a phase that begins at a later moment (phase.begins)', () => {
  const c = compileData(dayScenario());

  it('moves the clock of a team that enters early to the moment, firing what falls due on the way in order', () => {
    const r = run(c, initialState(c, 't'), [decide('police', 'go', 'yes')]);
    expect(r.phase).toBe('two');
    // Day 2, 09:00; the option's 10 minutes were spent long before.
    expect(r.clock).toBe(1500);
    expect(released(r)).toEqual([
      ['deadline', 600, 'time'],
      ['memo', 1000, 'time'],
    ]);
    expect(r.injects.late).toBeUndefined();
  });

  it('leaves a team that is already later where it is (the clock never goes back)', () => {
    const tick = ev(null, 'clock.ticked', { minutes: 1800 });
    const r = run(c, initialState(c, 't'), [tick, decide('police', 'go', 'yes')]);
    expect(r.phase).toBe('two');
    expect(r.clock).toBe(1810);
    expect(r.injects.deadline).toBeUndefined(); // scheduled at 2,410, not yet due
  });

  it('replays the log to exactly the state reached live', () => {
    const events: StepEvent[] = [
      { ...decide('police', 'go', 'yes'), team: 'x' },
      { ...ev(null, 'clock.ticked', { minutes: 600 }), team: 'x' },
      { ...decide('police', 'close', 'done'), team: 'x' },
    ];
    const live = run(c, initialState(c, 'x'), events);
    expect(live.ended).toMatchObject({ ending: 'done', time: 2100 });
    const r = replay(c, events);
    expect(r.rejected).toEqual([]);
    expect(r.teams.x).toEqual(live);
  });

  it('moves the start phase too, when it begins after minute 0', () => {
    const data = dayScenario();
    data.phases[0] = { ...data.phases[0]!, begins: { day: 1, time: '09:30' } };
    const cc = compileData(data);
    expect(initialState(cc, 't').clock).toBe(90);
  });
});

describe('validating phase.begins', () => {
  const problems = (data: ScenarioInput) => {
    const r = validateScenarioData(data);
    return r.ok
      ? { errors: [], warnings: r.warnings.map((w) => `${w.path}: ${w.message}`) }
      : { errors: r.errors.map((e) => `${e.path}: ${e.message}`), warnings: [] };
  };

  it('needs the scenario startTime', () => {
    const data = dayScenario();
    delete data.startTime;
    expect(problems(data).errors).toEqual([
      expect.stringMatching(/^phases\[1\]\.begins: .*startTime/),
    ]);
  });

  it('rejects day 0, a time that is not HH:MM, and a moment before the start on Day 1', () => {
    const at = (begins: unknown) => {
      const data = dayScenario();
      data.phases[1] = { ...data.phases[1]!, begins } as (typeof data.phases)[number];
      return problems(data).errors;
    };
    expect(at({ day: 0, time: '09:00' })).not.toEqual([]);
    expect(at({ day: 2, time: '9:00' })).not.toEqual([]);
    expect(at({ day: 2, time: '24:00' })).not.toEqual([]);
    expect(at({ day: 1, time: '07:59' })).toEqual([
      expect.stringMatching(/^phases\[1\]\.begins: .*cannot begin before/),
    ]);
    expect(at({ day: 1, time: '08:00' })).toEqual([]);
  });

  it('warns when a phase leads to one that begins earlier', () => {
    const data = dayScenario();
    data.phases[0] = { ...data.phases[0]!, begins: { day: 3, time: '08:00' } };
    expect(problems(data)).toEqual({
      errors: [],
      warnings: [expect.stringMatching(/^phases\[0\]\.begins: .*"two", which begins earlier/)],
    });
    expect(problems(dayScenario()).warnings).toEqual([]);
  });
});
