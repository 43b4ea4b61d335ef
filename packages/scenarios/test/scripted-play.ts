/**
 * A catalogue scenario played end to end by scripted teams through the engine's own
 * availableActions/step, then replayed and debriefed: what the catalogue play tests assert on.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { compile, parseScenario, replay } from '../src';
import type { CompiledScenario } from '../src';
import { debrief } from '../src/scoring';
import type { TeamDebrief } from '../src/scoring';
import { playSession, scripted } from '../examples/generate';
import type { ScriptedPolicy } from '../examples/generate';

export function loadCatalogue(id: string): CompiledScenario {
  const file = join(__dirname, '..', 'catalogue', `${id}.yaml`);
  const parsed = parseScenario(readFileSync(file, 'utf8'), { file });
  if (!parsed.ok) throw new Error(`${id}.yaml is invalid: ${JSON.stringify(parsed.errors)}`);
  return compile(parsed.scenario);
}

export function playScripted(
  c: CompiledScenario,
  teams: { id: string; name: string; policy: ScriptedPolicy }[],
  run: { seed: number; maxEvents: number },
) {
  const events = playSession(
    c,
    teams.map((t) => ({ id: t.id, name: t.name, policy: scripted(t.policy, c) })),
    run,
  );
  const played = replay(c, events);
  const d = debrief(c, events);
  const team = (id: string): TeamDebrief => {
    const t = d.teams.find((x) => x.team === id);
    if (!t) throw new Error(`no debrief for ${id}`);
    return t;
  };
  return {
    events,
    played,
    team,
    rules: (t: TeamDebrief) => new Set(t.items.map((i) => i.ruleId)),
    /** The options a team chose, in order. */
    options: (id: string) =>
      events
        .filter((e) => e.team === id && e.type === 'decision.made')
        .map((e) => (e.payload as { option: string }).option),
  };
}
