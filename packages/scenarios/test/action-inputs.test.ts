import {
  decisionActions,
  decisionInputs,
  explainOption,
  explainRequest,
  initialState,
  requestAction,
  requestInputs,
  step,
  type CompiledScenario,
  type TeamState,
} from '../src';
import { playSession, randomPolicy } from '../examples/generate';
import { loadMini } from './helpers';
import { loadCatalogue } from './scripted-play';

/*
 * decisionInputs/requestInputs stand for everything the verdicts and why-not texts of a decision's
 * options (or of sending a request) read of a state: a caller reuses what it built for one state
 * for any other with the same inputs. Over every state of random sessions, states with the same
 * inputs must give every agency the same actions and texts.
 */

function states(c: CompiledScenario, seed: number): TeamState[] {
  const teams = ['t1', 't2', 't3'].map((id) => ({ id, name: id, policy: randomPolicy }));
  const out: TeamState[] = [];
  const current = new Map<string, TeamState>();
  for (const event of playSession(c, teams, { seed, maxEvents: 200 })) {
    if (typeof event.team !== 'string') continue;
    const before = current.get(event.team) ?? initialState(c, event.team);
    const r = step(c, before, event);
    if (!r.ok) throw new Error(`the generated log was rejected: ${r.message}`);
    current.set(event.team, r.state);
    if (!r.state.ended) out.push(r.state);
  }
  return out;
}

const scenarios: [string, () => CompiledScenario][] = [
  ['mini', loadMini],
  ...['reefer-horgos', 'tickets-to-vienna', 'flat-in-sombor', 'night-on-the-drina'].map(
    (id): [string, () => CompiledScenario] => [id, () => loadCatalogue(id)],
  ),
];

describe.each(scenarios)('inputs of actions in %s', (_name, load) => {
  const c = load();
  const all = [...states(c, 5), ...states(c, 11)];

  it('are the same only for states that give the same actions and why-not texts', () => {
    const seen = new Map<string, string>();
    let repeated = 0;
    for (const s of all) {
      for (const d of c.decisionsByPhase.get(s.phase) ?? []) {
        for (const role of d.allowed) {
          const actions: unknown[] = [];
          decisionActions(c, s, d, role, true, actions as never);
          const texts = d.def.options.map((o) => explainOption(c, s, d.def.id, o.id, role));
          const said = JSON.stringify([actions, texts]);
          const key = `${role}|${d.def.id}|${decisionInputs(c, s, d)}`;
          const before = seen.get(key);
          if (before !== undefined) {
            repeated += 1;
            expect(said).toBe(before);
          } else seen.set(key, said);
        }
      }
      for (const req of c.requests.values()) {
        if (!req.sendable) continue;
        for (const role of req.from) {
          const said = JSON.stringify([
            requestAction(c, s, req, role, true),
            explainRequest(c, s, req.id, role),
          ]);
          const key = `${role}|${req.id}|${requestInputs(s, req)}`;
          const before = seen.get(key);
          if (before !== undefined) {
            repeated += 1;
            expect(said).toBe(before);
          } else seen.set(key, said);
        }
      }
    }
    // Most states repeat what an earlier one gave (the point of reusing), and not all do.
    expect(repeated).toBeGreaterThan(all.length);
    expect(seen.size).toBeGreaterThan(10);
  });
});
