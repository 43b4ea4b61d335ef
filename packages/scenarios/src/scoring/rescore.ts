/**
 * Re-scoring: the same run under another rubric version. A pure re-run of the debrief under both
 * versions; the result lists exactly the items added, removed or changed and each team's score deltas.
 */
import type { CompiledScenario } from '../compile';
import type { LogLine } from '../events';
import type { Rubric } from '../rubric/types';
import type { Scenario } from '../schema';
import { debrief, isCompiled } from './debrief';
import { compile } from '../compile';
import type { Debrief, ScoredItem } from './types';

export interface ItemChange {
  key: string;
  team: string;
  ruleId: string;
  axis: ScoredItem['axis'];
  causedBySeq: number;
  from: { points: number; counted: boolean };
  to: { points: number; counted: boolean };
}

export interface ScoreDelta {
  from: number;
  to: number;
  delta: number;
}

export interface RescoreResult {
  scenario: { id: string; version: string };
  from: string;
  to: string;
  added: ScoredItem[];
  removed: ScoredItem[];
  changed: ItemChange[];
  teams: {
    team: string;
    evidence: ScoreDelta;
    rights: ScoreDelta;
    outcome: { from: string; to: string };
  }[];
}

const delta = (from: number, to: number): ScoreDelta => ({ from, to, delta: to - from });

/** Compare two debriefs of the same run (e.g. under two rubric versions). */
export function diffDebriefs(a: Debrief, b: Debrief): RescoreResult {
  const before = new Map<string, ScoredItem>();
  const after = new Map<string, ScoredItem>();
  for (const t of a.teams) for (const i of t.items) before.set(i.key, i);
  for (const t of b.teams) for (const i of t.items) after.set(i.key, i);
  const added: ScoredItem[] = [];
  const removed: ScoredItem[] = [];
  const changed: ItemChange[] = [];
  for (const [k, i] of after) if (!before.has(k)) added.push(i);
  for (const [k, i] of before) {
    const j = after.get(k);
    if (!j) removed.push(i);
    else if (j.points !== i.points || j.counted !== i.counted)
      changed.push({
        key: k,
        team: i.team,
        ruleId: i.ruleId,
        axis: i.axis,
        causedBySeq: i.causedBySeq,
        from: { points: i.points, counted: i.counted },
        to: { points: j.points, counted: j.counted },
      });
  }
  const teams = b.teams.map((t) => {
    const old = a.teams.find((x) => x.team === t.team);
    return {
      team: t.team,
      evidence: delta(old?.evidenceScore.value ?? 0, t.evidenceScore.value),
      rights: delta(old?.rightsScore.value ?? 0, t.rightsScore.value),
      outcome: { from: old?.outcome.kind ?? 'other', to: t.outcome.kind },
    };
  });
  return {
    scenario: { id: b.scenario.id, version: b.scenario.version },
    from: a.rubric.version,
    to: b.rubric.version,
    added,
    removed,
    changed,
    teams,
  };
}

/** Re-score a run under another rubric: exactly the changed items and the score deltas. */
export function rescore(
  scenario: Scenario | CompiledScenario,
  events: readonly LogLine[],
  fromRubric: Rubric,
  toRubric: Rubric,
): RescoreResult {
  const c = isCompiled(scenario) ? scenario : compile(scenario);
  const opts = { counterfactuals: false };
  return diffDebriefs(debrief(c, events, fromRubric, opts), debrief(c, events, toRubric, opts));
}
