import {
  ENGINE_EVENT_TYPES,
  ErrorCode,
  LOG_EVENT_TYPES,
  PASS_THROUGH_TYPES,
} from '@crossroads/shared';
import {
  availableActions,
  initialState,
  step,
  teamStateSchema,
  viewFor,
} from '@crossroads/scenarios';
import type { CompiledScenario, ScenarioInput, TeamState } from '@crossroads/scenarios';
import { initialTransition, transition } from 'xstate';
import { compileData, decide, ev, loadMini, rejected, run, tiny } from './helpers';

const mini = loadMini();
const start = () => initialState(mini, 't');

/** The mini run up to the witness-plan phase (certified interview, phone searched under order). */
function toWitnessPlan(): TeamState {
  return run(mini, start(), [
    decide('border_police', 'open_van', 'open_and_triage'),
    ev('border_police', 'request.sent', { request: 'search_order' }),
    ev('prosecutor', 'request.answered', {
      request: 'search_order',
      granted: true,
      reason: 'proportionate',
    }),
    decide('border_police', 'phone', 'search_with_order'),
    decide('border_police', 'interview_amir', 'certified'),
    decide('border_police', 'hand_over', 'hand_over_now'),
  ]);
}

describe('initial state', () => {
  it('is plain JSON accepted by the state schema, in the start phase at minute 0', () => {
    const s = start();
    expect(teamStateSchema.safeParse(s).success).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s).toMatchObject({ phase: 'stop', clock: 0, team: 't', ended: null, steps: 0 });
    expect(s.people.amir).toMatchObject({ claimedAge: 16, guardian: null, whereabouts: 'present' });
  });

  it('matches the machine: xstate initialTransition lands in the start phase', () => {
    const [snap] = initialTransition(mini.machine, { team: start() });
    expect(snap.value).toBe('stop');
  });
});

describe('decisions and options', () => {
  it('applies effects in order, records acts with who/when, then advances the clock by the time cost', () => {
    const r = step(mini, start(), {
      ...decide('border_police', 'open_van', 'open_and_triage'),
      participant: 'p-9',
      seq: 41,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.phase).toBe('screening');
    expect(r.state.clock).toBe(15);
    expect(r.state.decisions.open_van).toEqual({
      option: 'open_and_triage',
      time: 0,
      role: 'border_police',
      participant: 'p-9',
      seq: 41,
      count: 1,
    });
    expect(r.state.acts.map((a) => [a.kind, a.persons, a.time, a.via])).toEqual([
      ['open_vehicle', [], 0, 'open_van/open_and_triage'],
      ['triage', ['amir', 'passengers'], 0, 'open_van/open_and_triage'],
    ]);
    expect(r.emitted.map((e) => e.kind)).toEqual(['decision', 'act', 'act', 'phase', 'clock']);
    expect(r.emitted.every((e) => e.seq === 41)).toBe(true);
  });

  it('never mutates the input state', () => {
    const s = start();
    const before = JSON.stringify(s);
    run(mini, s, [decide('border_police', 'open_van', 'open_and_triage')]);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('gives the same result as xstate transition() on the compiled machine', () => {
    const s = start();
    const e = decide('border_police', 'open_van', 'open_and_triage');
    const r = step(mini, s, e);
    const snap = mini.machine.resolveState({ value: 'stop', context: { team: s } });
    const [next] = transition(mini.machine, snap, {
      type: 'decision.made',
      event: e,
      run: { mutable: false, collect: false, emitted: [] },
    } as never);
    expect(r.ok && r.state).toEqual(next.context.team);
    expect(next.value).toBe('screening');
  });

  it('end effect ends the run and skips the rest; later events are rejected as ended', () => {
    const s = run(mini, start(), [decide('border_police', 'open_van', 'keep_closed')]);
    expect(s.ended).toEqual({ ending: 'hard_fail', time: 0 });
    expect(s.clock).toBe(0);
    expect(rejected(mini, s, ev(null, 'clock.ticked', { minutes: 5 })).code).toBe(ErrorCode.Ended);
  });

  it('if/then/else picks by condition at that moment', () => {
    const lawful = run(mini, toWitnessPlan(), [
      ev('prosecutor', 'joint.signed', { decision: 'plan', option: 'deposition' }),
      ev('social_work', 'joint.signed', { decision: 'plan', option: 'deposition' }),
      decide('prosecutor', 'charge', 'smuggling'),
    ]);
    expect(lawful.ended?.ending).toBe('conviction');
    const tainted = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      decide('border_police', 'phone', 'browse'),
      decide('border_police', 'interview_amir', 'certified'),
      decide('border_police', 'hand_over', 'hand_over_now'),
      ev('prosecutor', 'joint.signed', { decision: 'plan', option: 'deposition' }),
      ev('social_work', 'joint.signed', { decision: 'plan', option: 'deposition' }),
      decide('prosecutor', 'charge', 'smuggling'),
    ]);
    expect(tainted.ended?.ending).toBe('plea');
  });
});

describe('rejections: code and a human message', () => {
  it('wrong role', () => {
    const r = rejected(mini, start(), decide('prosecutor', 'open_van', 'open_and_triage'));
    expect(r).toEqual({
      code: ErrorCode.WrongRole,
      message: 'Prosecutor cannot take "Open the van?" (only Border Police)',
    });
    expect(rejected(mini, start(), decide(null, 'open_van', 'open_and_triage')).code).toBe(
      ErrorCode.WrongRole,
    );
    expect(rejected(mini, start(), decide('coast_guard', 'open_van', 'open_and_triage')).code).toBe(
      ErrorCode.WrongRole,
    );
    expect(rejected(mini, start(), ev('border_police', 'clock.ticked', { minutes: 5 })).code).toBe(
      ErrorCode.WrongRole,
    );
    expect(
      rejected(mini, start(), ev('border_police', 'inject.released', { inject: 'journalist' }))
        .code,
    ).toBe(ErrorCode.WrongRole);
  });

  it('not available in this phase', () => {
    const r = rejected(mini, start(), decide('border_police', 'phone', 'browse'));
    expect(r).toEqual({
      code: ErrorCode.NotInPhase,
      message: '"The driver\'s phone" belongs to the phase "Screening"',
    });
  });

  it('condition not met (decision and option conditions, with what is needed)', () => {
    const s = run(mini, start(), [decide('border_police', 'open_van', 'open_and_triage')]);
    expect(rejected(mini, s, decide('border_police', 'hand_over', 'hand_over_now'))).toEqual({
      code: ErrorCode.ConditionNotMet,
      message: '"Hand the case to the prosecutor" is not open yet (needs interview_amir decided)',
    });
    expect(rejected(mini, s, decide('border_police', 'interview_amir', 'remote'))).toEqual({
      code: ErrorCode.ConditionNotMet,
      message: '"Use the remote interpreter" is not possible now (needs remote_interpreter = true)',
    });
  });

  it('request pending, then condition not met after a refusal', () => {
    const s = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      ev('border_police', 'request.sent', { request: 'search_order' }),
    ]);
    expect(rejected(mini, s, decide('border_police', 'phone', 'search_with_order'))).toEqual({
      code: ErrorCode.RequestPending,
      message:
        '"Seize it and search it under the prosecutor\'s order" waits for the answer to "Order to search the driver\'s phone"',
    });
    const refused = run(mini, s, [
      ev('prosecutor', 'request.answered', {
        request: 'search_order',
        granted: false,
        reason: 'no grounds',
      }),
    ]);
    expect(
      rejected(mini, refused, decide('border_police', 'phone', 'search_with_order')).message,
    ).toMatch(/needs "Order to search the driver's phone" granted \(it was refused\)/);
    expect(
      rejected(mini, start(), ev('border_police', 'request.sent', { request: 'search_order' }))
        .code,
    ).toBe(ErrorCode.ConditionNotMet);
    expect(
      rejected(mini, s, ev('border_police', 'request.sent', { request: 'search_order' })).code,
    ).toBe(ErrorCode.RequestPending);
  });

  it('already decided', () => {
    const s = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      decide('border_police', 'phone', 'browse'),
    ]);
    expect(rejected(mini, s, decide('border_police', 'phone', 'browse'))).toEqual({
      code: ErrorCode.AlreadyDecided,
      message: '"The driver\'s phone" has been decided already',
    });
  });

  it('ended', () => {
    const s = run(mini, start(), [decide('border_police', 'open_van', 'keep_closed')]);
    expect(rejected(mini, s, decide('border_police', 'open_van', 'open_and_triage'))).toEqual({
      code: ErrorCode.Ended,
      message: 'the run has ended (Deaths in the van)',
    });
  });

  it('invalid payloads and unknown ids', () => {
    expect(rejected(mini, start(), decide('border_police', 'nope', 'x')).code).toBe(
      ErrorCode.InvalidPayload,
    );
    expect(rejected(mini, start(), decide('border_police', 'open_van', 'nope')).code).toBe(
      ErrorCode.InvalidPayload,
    );
    expect(
      rejected(mini, start(), ev('border_police', 'decision.made', { decision: 'open_van' })).code,
    ).toBe(ErrorCode.InvalidPayload);
    expect(rejected(mini, start(), ev(null, 'clock.ticked', { minutes: -5 })).code).toBe(
      ErrorCode.InvalidPayload,
    );
  });

  it('pass-through events change nothing, including types the engine does not know', () => {
    const s = start();
    for (const type of [
      ...PASS_THROUGH_TYPES,
      'teleport',
      'participant.left',
      'participant.renamed',
      'future.feature',
    ]) {
      const r = step(mini, s, ev('border_police', type, { text: 'hello' }));
      expect(r.ok && r.state).toBe(s);
      const f = step(mini, s, ev(null, type, null));
      expect(f.ok && f.state).toBe(s);
    }
  });

  it("splits the wire contract's event types: the engine acts on exactly ENGINE_EVENT_TYPES", () => {
    const s = start();
    expect([...ENGINE_EVENT_TYPES, ...PASS_THROUGH_TYPES].sort()).toEqual(
      [...LOG_EVENT_TYPES].sort(),
    );
    // A malformed payload is refused for a type the engine acts on and ignored for any other.
    for (const type of LOG_EVENT_TYPES) {
      const r = step(mini, s, ev('border_police', type, { nonsense: true }));
      if ((ENGINE_EVENT_TYPES as readonly string[]).includes(type))
        expect(r.ok ? type : r.code).toBe(ErrorCode.InvalidPayload);
      else expect(r.ok && r.state).toBe(s);
    }
  });
});

describe('requests', () => {
  it('an answer may come early; a grant moves the clock to sentAt + duration, then applies grant effects', () => {
    const s = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      ev('border_police', 'request.sent', { request: 'search_order' }),
    ]);
    expect(s.requests.search_order).toMatchObject({
      status: 'pending',
      from: 'border_police',
      to: 'prosecutor',
      sentAt: 15,
      times: 1,
    });
    const granted = run(mini, s, [
      ev('prosecutor', 'request.answered', {
        request: 'search_order',
        granted: true,
        reason: 'ok',
      }),
    ]);
    expect(granted.clock).toBe(45);
    expect(granted.requests.search_order).toMatchObject({
      status: 'granted',
      answeredAt: 45,
      answeredBy: 'prosecutor',
      reason: 'ok',
    });
    expect(granted.reveals.tip).toEqual(['prosecutor']);
  });

  it('a late answer does not move the clock back or forward', () => {
    const s = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      ev('border_police', 'request.sent', { request: 'search_order' }),
      decide('border_police', 'interview_amir', 'certified'),
      ev('prosecutor', 'request.answered', { request: 'search_order', granted: true }),
    ]);
    // sent at 15 + 30 minutes = 45, but the clock was already at 60
    expect(s.clock).toBe(60);
    expect(s.requests.search_order?.answeredAt).toBe(60);
  });

  it('a refusal takes no time, and the request can be sent again', () => {
    const s = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      ev('border_police', 'request.sent', { request: 'search_order' }),
      ev('prosecutor', 'request.answered', {
        request: 'search_order',
        granted: false,
        reason: 'no',
      }),
    ]);
    expect(s.clock).toBe(15);
    const again = run(mini, s, [ev('border_police', 'request.sent', { request: 'search_order' })]);
    expect(again.requests.search_order).toMatchObject({ status: 'pending', times: 2 });
  });

  it('only the receiving agency answers; the facilitator answers for a facilitator agency', () => {
    const s = run(mini, start(), [
      decide('border_police', 'open_van', 'open_and_triage'),
      ev('border_police', 'request.sent', { request: 'search_order' }),
      ev('prosecutor', 'request.sent', { request: 'video_interpreter' }),
    ]);
    expect(
      rejected(
        mini,
        s,
        ev('border_police', 'request.answered', { request: 'search_order', granted: true }),
      ).code,
    ).toBe(ErrorCode.WrongRole);
    expect(
      rejected(mini, s, ev(null, 'request.answered', { request: 'search_order', granted: true }))
        .code,
    ).toBe(ErrorCode.WrongRole);
    expect(
      rejected(
        mini,
        s,
        ev('prosecutor', 'request.answered', { request: 'video_interpreter', granted: true }),
      ).code,
    ).toBe(ErrorCode.WrongRole);
    const g = run(mini, s, [
      ev('facilitator', 'request.answered', { request: 'video_interpreter', granted: true }),
    ]);
    expect(g.requests.video_interpreter).toMatchObject({
      status: 'granted',
      from: 'prosecutor',
      answeredBy: 'facilitator',
    });
    expect(g.facts.remote_interpreter).toBe(true);
    expect(
      availableActions(mini, g, 'border_police').find(
        (a) => a.type === 'decision.made' && a.payload.option === 'remote',
      )?.enabled,
    ).toBe(true);
  });

  it('a request sent by an option effect comes from the acting agency', () => {
    const c = compileData(
      tiny({
        requests: [
          {
            id: 'ask',
            title: 'Ask',
            from: ['police', 'prosecutor'],
            to: 'csw',
            durationMinutes: 20,
            sendable: false,
            refuseEffects: [{ end: 'fail' }],
          },
        ],
        phases: [
          {
            id: 'one',
            title: 'One',
            description: 'd',
            decisions: [
              {
                id: 'send',
                title: 'Send',
                prompt: 'p',
                agencies: ['prosecutor'],
                options: [{ id: 'now', label: 'Now', timeCost: 0, effects: [{ request: 'ask' }] }],
              },
              {
                id: 'go',
                title: 'Go',
                prompt: 'p',
                agencies: ['police'],
                options: [
                  {
                    id: 'yes',
                    label: 'Yes',
                    timeCost: 1,
                    requires: { request: 'ask', status: 'granted' },
                    effects: [{ end: 'done' }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const s0 = initialState(c, 't');
    expect(rejected(c, s0, ev('prosecutor', 'request.sent', { request: 'ask' })).message).toBe(
      '"Ask" is sent only through a decision',
    );
    const s = run(c, s0, [decide('prosecutor', 'send', 'now')]);
    expect(s.requests.ask?.from).toBe('prosecutor');
    // csw is optional: its own player or the facilitator may answer.
    expect(
      run(c, s, [ev('csw', 'request.answered', { request: 'ask', granted: true })]).clock,
    ).toBe(20);
    expect(
      run(c, s, [ev(null, 'request.answered', { request: 'ask', granted: false })]).ended?.ending,
    ).toBe('fail');
  });
});

describe('joint decisions', () => {
  it('apply only when every listed agency signed the same option; signatures can change', () => {
    const s = toWitnessPlan();
    const a = step(
      mini,
      s,
      ev('prosecutor', 'joint.signed', { decision: 'plan', option: 'deposition' }),
    );
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.state.phase).toBe('witness_plan');
    expect(a.emitted).toEqual([
      expect.objectContaining({
        kind: 'joint',
        signed: { prosecutor: 'deposition' },
        missing: ['social_work'],
      }),
    ]);
    expect(
      rejected(
        mini,
        a.state,
        ev('prosecutor', 'joint.signed', { decision: 'plan', option: 'deposition' }),
      ).code,
    ).toBe(ErrorCode.AlreadyDecided);
    const split = run(mini, a.state, [
      ev('social_work', 'joint.signed', { decision: 'plan', option: 'detain_all' }),
    ]);
    expect(split.phase).toBe('witness_plan');
    expect(viewFor(mini, split, 'social_work').pendingJoint).toEqual([
      {
        decision: 'plan',
        signed: { prosecutor: 'deposition', social_work: 'detain_all' },
        missing: [],
      },
    ]);
    // decision.made by a joint agency counts as its signature
    const agreed = run(mini, split, [decide('social_work', 'plan', 'deposition')]);
    expect(agreed.phase).toBe('charging');
    expect(agreed.decisions.plan).toMatchObject({ option: 'deposition', role: 'social_work' });
    expect(agreed.joint.plan).toBeUndefined();
    expect(
      rejected(
        mini,
        s,
        ev('border_police', 'joint.signed', { decision: 'plan', option: 'deposition' }),
      ).code,
    ).toBe(ErrorCode.WrongRole);
  });
});

describe('scarce resources', () => {
  it('an interpreter booked for one option is not free for another at the same time; free again later', () => {
    const data = tiny({
      resources: [
        {
          id: 'fa',
          name: 'Farsi interpreter',
          kind: 'interpreter',
          language: 'fa',
          certified: true,
          available: [
            { from: 0, to: 100, count: 1 },
            { from: 200, count: 1 },
          ],
        },
      ],
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
                {
                  id: 'use',
                  label: 'Use',
                  timeCost: 0,
                  uses: { resource: 'fa', count: 1 },
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
    });
    const c = compileData(data);
    const s = run(c, initialState(c, 't'), [decide('police', 'a', 'use')]);
    expect(s.clock).toBe(10);
    expect(rejected(c, s, decide('prosecutor', 'b', 'use'))).toEqual({
      code: ErrorCode.ConditionNotMet,
      message: 'no Farsi interpreter is free at 00:10',
    });
    const later = run(c, s, [ev(null, 'clock.ticked', { minutes: 50 })]);
    expect(
      run(c, later, [decide('prosecutor', 'b', 'use')]).bookings.map((b) => [b.from, b.to]),
    ).toEqual([[60, 61]]);
    const gap = run(c, s, [ev(null, 'clock.ticked', { minutes: 100 })]);
    expect(rejected(c, gap, decide('prosecutor', 'b', 'use')).message).toBe(
      'no Farsi interpreter is free at 01:50',
    );
    expect(
      availableActions(c, gap, 'prosecutor').find(
        (x) => x.type === 'decision.made' && x.decision === 'b',
      )?.reason?.code,
    ).toBe(ErrorCode.ConditionNotMet);
  });
});

describe('injects', () => {
  function injectScenario(): CompiledScenario {
    return compileData(
      tiny({
        facts: [{ id: 'n', type: 'counter', initial: 0 }],
        injects: [
          {
            id: 'news',
            title: 'News',
            body: 'b',
            to: ['police'],
            release: 'facilitator',
            effects: [{ inc: 'n', by: 1 }],
          },
          {
            id: 'late',
            title: 'Late',
            body: 'b',
            to: ['prosecutor'],
            release: { at: 30 },
            effects: [{ inc: 'n', by: 10 }],
          },
          {
            id: 'watch',
            title: 'Watch',
            body: 'b',
            to: ['police', 'prosecutor'],
            release: { when: { fact: 'n', gte: 11 } },
          },
          {
            id: 'echo',
            title: 'Echo',
            body: 'b',
            to: [],
            release: 'effect',
            effects: [{ inc: 'n', by: 100 }],
          },
        ],
        phases: [
          {
            id: 'one',
            title: 'One',
            description: 'd',
            decisions: [
              {
                id: 'wait',
                title: 'Wait',
                prompt: 'p',
                agencies: ['police'],
                options: [
                  {
                    id: 'long',
                    label: 'Long',
                    timeCost: 45,
                    effects: [{ inject: 'echo', after: 5 }],
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

  it('facilitator injects: released once, by the facilitator only, and only those', () => {
    const c = injectScenario();
    const s = run(c, initialState(c, 't'), [ev(null, 'inject.released', { inject: 'news' })]);
    expect(s.injects.news).toMatchObject({ by: 'facilitator', time: 0 });
    expect(s.facts.n).toBe(1);
    expect(rejected(c, s, ev(null, 'inject.released', { inject: 'news' })).code).toBe(
      ErrorCode.AlreadyDecided,
    );
    expect(rejected(c, s, ev(null, 'inject.released', { inject: 'late' })).code).toBe(
      ErrorCode.ConditionNotMet,
    );
    expect(viewFor(c, s, 'police').injects.map((i) => i.id)).toEqual(['news']);
    expect(viewFor(c, s, 'prosecutor').injects).toEqual([]);
  });

  it('timed, scheduled and conditional injects fire in time order while the clock advances', () => {
    const c = injectScenario();
    const r = step(
      c,
      run(c, initialState(c, 't'), [ev(null, 'inject.released', { inject: 'news' })]),
      decide('police', 'wait', 'long'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.state;
    expect(s.clock).toBe(45);
    expect(s.injects.echo).toMatchObject({ by: 'time', time: 5 });
    expect(s.injects.late).toMatchObject({ by: 'time', time: 30 });
    expect(s.injects.watch).toMatchObject({ by: 'condition', time: 45 });
    expect(s.facts.n).toBe(111);
    expect(
      r.emitted
        .filter((e) => e.kind === 'inject')
        .map((e) => [e.kind === 'inject' && e.inject, e.time]),
    ).toEqual([
      ['echo', 5],
      ['late', 30],
      ['watch', 45],
    ]);
  });

  it('the facilitator ticks the clock to the next due time', () => {
    const c = injectScenario();
    const tick = availableActions(c, initialState(c, 't'), null).find(
      (a) => a.type === 'clock.ticked',
    );
    expect(tick).toMatchObject({ payload: { minutes: 30 }, until: 30, enabled: true });
  });
});

describe('endings', () => {
  it('by time limit: the run ends at exactly the limit, with what was due before it', () => {
    const c = compileData(
      tiny({
        timeLimitMinutes: 60,
        timeLimitEnding: 'fail',
        injects: [
          { id: 'before', title: 'B', body: 'b', to: ['police'], release: { at: 59 } },
          { id: 'after', title: 'A', body: 'b', to: ['police'], release: { at: 60 } },
        ],
      }),
    );
    const s = run(c, initialState(c, 't'), [ev(null, 'clock.ticked', { minutes: 500 })]);
    expect(s.ended).toEqual({ ending: 'fail', time: 60 });
    expect(s.clock).toBe(60);
    expect(Object.keys(s.injects)).toEqual(['before']);
  });

  it('by condition, checked after every step', () => {
    const c = compileData(
      tiny({
        facts: [{ id: 'alarm', type: 'boolean', initial: false }],
        injects: [
          {
            id: 'siren',
            title: 'S',
            body: 'b',
            to: ['police'],
            release: 'facilitator',
            effects: [{ set: 'alarm', value: true }],
          },
        ],
        endings: [
          { id: 'done', title: 'Done', description: 'd', kind: 'conviction' },
          {
            id: 'fail',
            title: 'Fail',
            description: 'd',
            kind: 'collapse',
            when: { fact: 'alarm', eq: true },
          },
        ],
      }),
    );
    const s = run(c, initialState(c, 't'), [ev(null, 'inject.released', { inject: 'siren' })]);
    expect(s.ended).toEqual({ ending: 'fail', time: 0 });
    expect(availableActions(c, s, 'police')).toEqual([]);
  });
});

describe('conditions', () => {
  const cases: [string, ScenarioInput['endings'][number]['when'], boolean][] = [
    ['fact eq', { fact: 'k', eq: 2 }, true],
    ['fact ne', { fact: 'k', ne: 2 }, false],
    [
      'fact gt/gte/lt/lte',
      {
        all: [
          { fact: 'k', gt: 1 },
          { fact: 'k', gte: 2 },
          { fact: 'k', lt: 3 },
          { fact: 'k', lte: 2 },
        ],
      },
      true,
    ],
    ['person attr', { person: 'x', attr: 'whereabouts', eq: 'hospital' }, true],
    ['person has', { person: 'x', attr: 'vulnerabilities', has: 'injury' }, true],
    ['person age', { person: 'x', attr: 'claimedAge', lt: 18 }, true],
    [
      'evidence obtained/admissible',
      {
        all: [
          { evidence: 'e', status: 'obtained' },
          { evidence: 'e', status: 'admissible' },
        ],
      },
      true,
    ],
    ['evidence tainted', { evidence: 'e', status: 'tainted' }, false],
    ['evidence missing', { evidence: 'e', status: 'missing' }, false],
    ['request none', { request: 'r', status: 'none' }, true],
    ['inject not released', { inject: 'i', released: false }, true],
    ['time window', { time: { gte: 5, lt: 6 } }, true],
    ['decided with option', { decided: 'set', option: 'all' }, true],
    ['decided other option', { decided: 'set', option: 'none' }, false],
    ['phase', { phase: 'one' }, true],
    ['act on person', { act: 'medical_care', person: 'x' }, true],
    ['act not done', { act: 'pushback' }, false],
    ['any / not', { any: [{ not: { phase: 'one' } }, { fact: 'k', eq: 2 }] }, true],
  ];
  it.each(cases)('%s', (_name, when, expected) => {
    const c = compileData(
      tiny({
        facts: [{ id: 'k', type: 'counter', initial: 0 }],
        people: [{ id: 'x', name: 'X', kind: 'migrant', languages: ['fa'], claimedAge: 16 }],
        evidence: [
          {
            id: 'e',
            title: 'E',
            kind: 'physical',
            element: ['facilitation'],
            source: 'x',
            independentSource: 'scene',
            visibleTo: ['police'],
          },
        ],
        requests: [{ id: 'r', title: 'R', from: ['police'], to: 'prosecutor', durationMinutes: 5 }],
        injects: [{ id: 'i', title: 'I', body: 'b', to: ['police'], release: 'facilitator' }],
        phases: [
          {
            id: 'one',
            title: 'One',
            description: 'd',
            decisions: [
              {
                id: 'set',
                title: 'Set up',
                prompt: 'p',
                agencies: ['police'],
                options: [
                  {
                    id: 'all',
                    label: 'All',
                    timeCost: 5,
                    effects: [
                      { inc: 'k', by: 2 },
                      {
                        person: 'x',
                        set: { whereabouts: 'hospital', vulnerabilities: ['injury'] },
                      },
                      { act: 'medical_care', person: 'x' },
                      {
                        evidence: 'e',
                        obtained: {
                          order: 'none',
                          interpreter: 'not_needed',
                          consent: 'not_needed',
                          custody: 'kept',
                        },
                      },
                    ],
                  },
                  { id: 'none', label: 'None', timeCost: 0, effects: [] },
                ],
              },
              {
                id: 'check',
                title: 'Check',
                prompt: 'p',
                agencies: ['police'],
                when,
                options: [{ id: 'ok', label: 'OK', timeCost: 0, effects: [{ end: 'done' }] }],
              },
              {
                id: 'go',
                title: 'Go',
                prompt: 'p',
                agencies: ['police'],
                options: [{ id: 'yes', label: 'Yes', timeCost: 1, effects: [{ end: 'fail' }] }],
              },
            ],
          },
        ],
      }),
    );
    const s = run(c, initialState(c, 't'), [decide('police', 'set', 'all')]);
    expect(step(c, s, decide('police', 'check', 'ok')).ok).toBe(expected);
  });
});

describe('evidence provenance and taint', () => {
  const c = compileData(
    tiny({
      evidence: [
        {
          id: 'phone',
          title: 'Phone',
          kind: 'digital',
          element: ['facilitation'],
          source: 'driver',
          independentSource: 'phone',
          needsOrder: 'judicial',
          visibleTo: ['police', 'prosecutor'],
        },
        {
          id: 'report',
          title: 'Report',
          kind: 'forensic',
          element: ['benefit'],
          source: 'lab',
          independentSource: 'phone',
          derivedFrom: ['phone'],
          visibleTo: ['prosecutor'],
        },
        {
          id: 'statement',
          title: 'Statement',
          kind: 'testimony',
          element: ['facilitation'],
          source: 'w',
          independentSource: 'w',
          visibleTo: ['prosecutor'],
        },
      ],
      phases: [
        {
          id: 'one',
          title: 'One',
          description: 'd',
          decisions: [
            {
              id: 'get',
              title: 'Get',
              prompt: 'p',
              agencies: ['police'],
              options: [
                {
                  id: 'weak_order',
                  label: 'Prosecutor order only',
                  timeCost: 0,
                  effects: [
                    {
                      evidence: 'report',
                      obtained: {
                        order: 'judicial',
                        interpreter: 'not_needed',
                        consent: 'not_needed',
                        custody: 'kept',
                      },
                    },
                    {
                      evidence: 'phone',
                      obtained: {
                        order: 'prosecutor',
                        interpreter: 'not_needed',
                        consent: 'not_needed',
                        custody: 'kept',
                      },
                    },
                  ],
                },
                {
                  id: 'statement',
                  label: 'Statement via passenger',
                  timeCost: 0,
                  effects: [
                    {
                      evidence: 'statement',
                      by: 'prosecutor',
                      obtained: {
                        order: 'none',
                        interpreter: 'co_national',
                        consent: 'none',
                        custody: 'broken',
                      },
                    },
                    { taint: 'statement', reason: 'witness coached' },
                  ],
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

  it('a missing judicial order taints the item and what is derived from it (even obtained earlier)', () => {
    const s = run(c, initialState(c, 't'), [decide('police', 'get', 'weak_order')]);
    expect(s.evidence.phone).toMatchObject({
      tainted: true,
      taintReasons: ['no judicial order'],
      by: 'police',
    });
    expect(s.evidence.report).toMatchObject({
      tainted: true,
      taintReasons: ['derived from tainted phone'],
    });
  });

  it('interpreter, consent, custody and the taint effect all count; the view hides taint from agencies', () => {
    const s = run(c, initialState(c, 't'), [decide('police', 'get', 'statement')]);
    expect(s.evidence.statement?.taintReasons).toEqual([
      'chain of custody broken',
      'interpreter: co_national',
      'no consent',
      'witness coached',
    ]);
    expect(s.evidence.statement?.by).toBe('prosecutor');
    const pv = viewFor(c, s, 'prosecutor').evidence[0];
    expect(pv?.id).toBe('statement');
    expect(pv && 'tainted' in pv).toBe(false);
    expect(viewFor(c, s, null).evidence[0]?.tainted).toBe(true);
    expect(viewFor(c, s, 'police').evidence).toEqual([]);
  });
});

describe('views: need to know', () => {
  it('documents by visibleTo and from-time, reveals, hidden person attributes once observed, requests sent/received', () => {
    let s = start();
    expect(viewFor(mini, s, 'social_work').documents).toEqual([]);
    expect(viewFor(mini, s, 'prosecutor').documents.map((d) => d.id)).toEqual(['tip']);
    const amirBefore = viewFor(mini, s, 'border_police').people.find((p) => p.id === 'amir');
    expect(amirBefore?.attrs).not.toHaveProperty('asylumExpressed');
    expect(viewFor(mini, s, null).people.find((p) => p.id === 'amir')?.attrs.asylumExpressed).toBe(
      true,
    );
    s = run(mini, s, [
      decide('border_police', 'open_van', 'open_and_triage'),
      ev('border_police', 'request.sent', { request: 'search_order' }),
      decide('border_police', 'interview_amir', 'certified'),
    ]);
    expect(viewFor(mini, s, 'prosecutor').documents.map((d) => d.id)).toEqual([
      'tip',
      'prosecutor_notes',
    ]);
    expect(viewFor(mini, s, 'border_police').documents.map((d) => d.id)).toEqual(['tip']);
    expect(
      viewFor(mini, s, 'border_police').people.find((p) => p.id === 'amir')?.attrs.asylumExpressed,
    ).toBe(true);
    expect(
      viewFor(mini, s, 'prosecutor').people.find((p) => p.id === 'amir')?.attrs,
    ).not.toHaveProperty('asylumExpressed');
    expect(viewFor(mini, s, 'border_police').requests.map((r) => [r.id, r.direction])).toEqual([
      ['search_order', 'sent'],
    ]);
    expect(viewFor(mini, s, 'prosecutor').requests.map((r) => [r.id, r.direction])).toEqual([
      ['search_order', 'received'],
    ]);
    expect(viewFor(mini, s, 'social_work').requests).toEqual([]);
    expect(viewFor(mini, s, 'prosecutor').facts).toEqual({ witness_plan: 'none' });
    expect(viewFor(mini, s, 'border_police').facts).toEqual({});
  });

  it('available actions list disabled options with the reason step() would give', () => {
    const s = run(mini, start(), [decide('border_police', 'open_van', 'open_and_triage')]);
    const actions = availableActions(mini, s, 'border_police');
    for (const a of actions) {
      const r = step(mini, s, ev('border_police', a.type, a.payload));
      expect(r.ok).toBe(a.enabled);
      if (!r.ok) expect(a.reason).toEqual({ code: r.code, message: r.message });
    }
    expect(actions.filter((a) => !a.enabled).map((a) => a.reason?.code)).toEqual(
      expect.arrayContaining([ErrorCode.ConditionNotMet]),
    );
    expect(availableActions(mini, s, 'prosecutor').some((a) => a.type === 'decision.made')).toBe(
      false,
    );
  });
});
