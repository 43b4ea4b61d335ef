/**
 * An option refused for want of a scarce resource (an interpreter) tells the trainee's agency,
 * in its view and in the refusal of its command, which resource it waits for and from which
 * scenario minute it is free: the client words it in the clock terms of its page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, parseScenario, type CompiledScenario } from '@crossroads/scenarios';
import {
  rejectedAckSchema,
  roleViewSchema,
  type LogEvent,
  type SessionSettings,
} from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import type { TeamState } from '../src/catalogue/runtime';
import { AppError, rejectedAck } from '../src/auth/rest-error';

/** The mini scenario, its Farsi interpreter on duty from 0 to 60 and again from 200. */
function mini(): CompiledScenario {
  const text = readFileSync(
    join(__dirname, '..', '..', '..', 'packages', 'scenarios', 'test', 'fixtures', 'mini.yaml'),
    'utf8',
  );
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error('the mini scenario does not parse');
  const farsi = parsed.scenario.resources.find((r) => r.id === 'farsi_interpreter')!;
  farsi.available = [
    { from: 0, to: 60, count: 1 },
    { from: 200, count: 1 },
  ];
  return compile(parsed.scenario);
}

const settings: SessionSettings = {
  feedbackPolicy: 'debrief_only',
  scoresVisibleToTrainees: false,
  timeRatio: 10,
  language: 'en',
};
const team = { id: 't1', name: 'Team 1' };
let seq = 0;
function event(role: string | null, type: string, payload: unknown): LogEvent {
  seq += 1;
  return {
    seq,
    at: new Date(0).toISOString(),
    time: 0,
    team: 't1',
    role,
    participant: null,
    type,
    payload,
  } as LogEvent;
}

function after(runtime: EngineRuntime, state: TeamState, events: LogEvent[]): TeamState {
  for (const e of events) {
    const out = runtime.step(state, e);
    if (!out.ok) throw new Error(`${e.type} refused: ${out.message}`);
    state = out.state;
  }
  return state;
}

describe('an option waiting for an interpreter', () => {
  const runtime = new EngineRuntime(mini());
  const opened = after(runtime, runtime.initialState('t1'), [
    event('border_police', 'decision.made', { decision: 'open_van', option: 'open_and_triage' }),
    event(null, 'clock.ticked', { minutes: 60 }),
  ]);
  const choose = event('border_police', 'decision.made', {
    decision: 'interview_amir',
    option: 'certified',
  });

  it('says in the agency’s view from when the interpreter is free', () => {
    const view = runtime.view(opened, 'border_police', { team, settings, running: true });
    roleViewSchema.parse(view);
    const option = view.decisions
      .find((d) => d.id === 'interview_amir')
      ?.options.find((o) => o.id === 'certified');
    expect(option?.enabled).toBe(false);
    expect(option?.whyNot?.code).toBe('engine/condition_not_met');
    expect(option?.whyNot?.wait).toEqual({
      resource: {
        en: 'Certified Farsi interpreter (on duty)',
        'sr-Latn': 'Ovlašćeni prevodilac za farsi (dežurni)',
      },
      freeAt: 200,
    });
  });

  it('says it in the refusal of the command, as the ack the trainee receives', () => {
    const out = runtime.step(opened, choose);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const ack = rejectedAckSchema.parse(
      rejectedAck(AppError.told(out.code, out.message, out.text, out.wait)),
    );
    expect(ack.wait?.freeAt).toBe(200);
    expect(ack.text).toMatchObject({
      en: 'No Certified Farsi interpreter (on duty) is free at this time.',
    });
  });

  it('says nothing of a wait once the interpreter is free', () => {
    const later = after(runtime, opened, [event(null, 'clock.ticked', { minutes: 140 })]);
    const view = runtime.view(later, 'border_police', { team, settings, running: true });
    const option = view.decisions
      .find((d) => d.id === 'interview_amir')
      ?.options.find((o) => o.id === 'certified');
    expect(option?.enabled).toBe(true);
    expect(option?.whyNot).toBeUndefined();
  });
});
