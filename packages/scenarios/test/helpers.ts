import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, parseScenario, step, validateScenarioData } from '@crossroads/scenarios';
import type { CompiledScenario, ScenarioInput, StepEvent, TeamState } from '@crossroads/scenarios';

export const fixture = (name: string) => join(__dirname, 'fixtures', name);
export const miniText = () => readFileSync(fixture('mini.yaml'), 'utf8');

export function loadMini(): CompiledScenario {
  const r = parseScenario(miniText(), { file: 'mini.yaml' });
  if (!r.ok) throw new Error(`mini.yaml is invalid: ${JSON.stringify(r.errors)}`);
  return compile(r.scenario);
}

/** A small valid scenario as data; tests override parts of it. */
export function tiny(over: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    id: 'tiny',
    version: '1.0.0',
    title: 'Tiny',
    summary: 'A tiny scenario for one construct at a time.',
    durationMinutes: 10,
    languages: ['en'],
    agencies: [
      { id: 'police', name: 'Police', playable: 'required', briefing: 'b' },
      { id: 'prosecutor', name: 'Prosecutor', playable: 'required', briefing: 'b' },
      { id: 'csw', name: 'Social work', playable: 'optional', briefing: 'b' },
      { id: 'pool', name: 'Pool', playable: 'facilitator', briefing: 'b' },
    ],
    phases: [
      {
        id: 'one',
        title: 'One',
        description: 'd',
        decisions: [
          {
            id: 'go',
            title: 'Go?',
            prompt: 'p',
            agencies: ['police'],
            options: [
              { id: 'yes', label: 'Yes', timeCost: 10, effects: [{ end: 'done' }] },
              { id: 'no', label: 'No', timeCost: 5, effects: [{ end: 'fail' }] },
            ],
          },
        ],
      },
    ],
    endings: [
      { id: 'done', title: 'Done', description: 'd', kind: 'conviction' },
      { id: 'fail', title: 'Fail', description: 'd', kind: 'collapse' },
    ],
    ...over,
  };
}

export function compileData(data: ScenarioInput): CompiledScenario {
  const r = validateScenarioData(data);
  if (!r.ok) throw new Error(`invalid test scenario: ${JSON.stringify(r.errors)}`);
  return compile(r.scenario);
}

let seq = 0;
/** An event from `role` (null = facilitator). */
export function ev(role: string | null, type: string, payload: unknown): StepEvent {
  seq += 1;
  return { seq, team: 't', role, participant: role === null ? null : `p-${role}`, type, payload };
}

export const decide = (role: string | null, decision: string, option: string) =>
  ev(role, 'decision.made', { decision, option });

/** Apply events that must all be accepted; return the final state. */
export function run(c: CompiledScenario, s: TeamState, events: StepEvent[]): TeamState {
  let cur = s;
  for (const e of events) {
    const r = step(c, cur, e);
    if (!r.ok)
      throw new Error(
        `event ${e.type} ${JSON.stringify(e.payload)} rejected: ${r.code} ${r.message}`,
      );
    cur = r.state;
  }
  return cur;
}

/** Step expecting a rejection; return it. */
export function rejected(
  c: CompiledScenario,
  s: TeamState,
  e: StepEvent,
): { code: string; message: string } {
  const r = step(c, s, e);
  if (r.ok) throw new Error(`expected ${e.type} ${JSON.stringify(e.payload)} to be rejected`);
  return { code: r.code, message: r.message };
}
