import type { Debrief, DecisionComparison, Text, OptionChoice } from '@crossroads/shared';

/**
 * Whether the option worth most at a decision still loses points (every option evaluated there
 * does): the debrief then calls it the least costly option, not the best.
 */
export function losesPoints(value: number | null): boolean {
  return value !== null && value < 0;
}

/** One option at a decision point, with who chose it and how it compares. */
export interface OptionRow {
  option: string;
  label: Text;
  teams: string[];
  count: number;
  /** Immediate value (evidence + rights points), when the scoring could evaluate it. */
  value: number | null;
  best: boolean;
  /** Chosen by more teams than any other option (ties: every tied option). */
  mostChosen: boolean;
}

/** "3 of 4 teams chose X": a decision point across teams. */
export interface DecisionPoint {
  decision: string;
  title: Text;
  /** Teams in the debrief. */
  teams: number;
  /** Teams that took this decision. */
  deciding: number;
  options: OptionRow[];
  /** The option most teams chose (null on a tie or when nobody decided). */
  majority: OptionRow | null;
  best: OptionRow | null;
}

export function decisionPoint(comparison: DecisionComparison, teams: number): DecisionPoint {
  const top = Math.max(0, ...comparison.choices.map((c) => c.count));
  const options: OptionRow[] = comparison.choices
    .map((c: OptionChoice) => ({
      option: c.option,
      label: c.label,
      teams: [...c.teams],
      count: c.count,
      value: c.value,
      best: comparison.best === c.option,
      mostChosen: top > 0 && c.count === top,
    }))
    // Chosen options first (most teams first), then the options nobody took, best first.
    .sort(
      (a, b) =>
        b.count - a.count ||
        Number(b.best) - Number(a.best) ||
        (b.value ?? -Infinity) - (a.value ?? -Infinity),
    );
  const leaders = options.filter((o) => o.mostChosen);
  return {
    decision: comparison.decision,
    title: comparison.title,
    teams,
    deciding: comparison.teamsDeciding,
    options,
    majority: leaders.length === 1 ? (leaders[0] ?? null) : null,
    best: options.find((o) => o.best) ?? null,
  };
}

export function decisionPoints(debrief: Debrief): DecisionPoint[] {
  return debrief.comparison.map((c) => decisionPoint(c, debrief.teams.length));
}

/** One step of a team's path, set against what the other teams did at the same decision. */
export interface PathStep {
  seq: number;
  time: number;
  decision: string;
  title: Text;
  option: string;
  optionLabel: Text;
  /** Other teams that chose the same option. */
  sameAsOthers: string[];
  /** Other teams that took this decision with another option. */
  differentFromOthers: string[];
  best: boolean;
  bestOption: { option: string; label: Text } | null;
  value: number | null;
  bestValue: number | null;
}

/** A team's decisions in the order it took them, each compared with the other teams' choices. */
export function teamPath(debrief: Debrief, teamId: string): PathStep[] {
  const team = debrief.teams.find((t) => t.team === teamId);
  if (!team) return [];
  const byDecision = new Map(debrief.comparison.map((c) => [c.decision, c]));
  const steps: PathStep[] = [];
  const seen = new Set<string>();
  for (const entry of team.timeline) {
    const d = entry.decision;
    if (!d) continue;
    const key = `${d.decision}|${entry.seq}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const comparison = byDecision.get(d.decision);
    const choices = comparison?.choices ?? [];
    const chosen = choices.find((c) => c.option === d.option);
    const best = choices.find((c) => c.option === comparison?.best) ?? null;
    const others = (teams: string[]) => teams.filter((t) => t !== teamId);
    steps.push({
      seq: entry.seq,
      time: entry.time,
      decision: d.decision,
      title: comparison?.title ?? d.decision,
      option: d.option,
      optionLabel: chosen?.label ?? d.option,
      sameAsOthers: others(chosen?.teams ?? []),
      differentFromOthers: choices
        .filter((c) => c.option !== d.option)
        .flatMap((c) => others(c.teams)),
      best: comparison?.best === d.option,
      bestOption: best ? { option: best.option, label: best.label } : null,
      value: chosen?.value ?? null,
      bestValue: best?.value ?? null,
    });
  }
  return steps;
}

/** The paths side by side: per decision point, the option each team chose (undefined: not taken). */
export interface PathMatrixRow {
  decision: string;
  title: Text;
  best: string | null;
  /** The best option loses points too (see losesPoints): it is the least costly. */
  bestLoses: boolean;
  cells: Record<string, { option: string; label: Text; best: boolean } | undefined>;
  /** Teams did not all choose the same (or some did not decide). */
  split: boolean;
}

export function pathMatrix(debrief: Debrief): PathMatrixRow[] {
  const teamIds = debrief.teams.map((t) => t.team);
  return debrief.comparison.map((c) => {
    const cells: PathMatrixRow['cells'] = {};
    for (const choice of c.choices) {
      for (const team of choice.teams) {
        cells[team] = {
          option: choice.option,
          label: choice.label,
          best: choice.option === c.best,
        };
      }
    }
    const chosen = new Set(teamIds.map((t) => cells[t]?.option ?? ''));
    const bestValue = c.choices.find((choice) => choice.option === c.best)?.value ?? null;
    return {
      decision: c.decision,
      title: c.title,
      best: c.best,
      bestLoses: losesPoints(bestValue),
      cells,
      split: chosen.size > 1,
    };
  });
}
