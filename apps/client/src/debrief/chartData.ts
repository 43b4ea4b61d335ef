import type { Axis, Debrief } from '@crossroads/shared';

/** One point of a running total: after the events at `time`, the team had `value` counted points. */
export interface RunningPoint {
  time: number;
  value: number;
}

export interface RunningSeries {
  team: string;
  name: string;
  points: RunningPoint[];
  /** Equals the team's score.points on that axis (the sum of counted points). */
  total: number;
}

/**
 * Counted points on one axis summed over scenario time, per team: a step series that starts at 0
 * at minute 0 and has one point per scenario minute at which the total changed.
 */
export function runningPoints(debrief: Debrief, axis: Axis): RunningSeries[] {
  return debrief.teams.map((team) => {
    const byTime = new Map<number, number>();
    for (const entry of team.timeline) {
      const d = entry.delta[axis];
      if (d !== 0) byTime.set(entry.time, (byTime.get(entry.time) ?? 0) + d);
    }
    const points: RunningPoint[] = [{ time: 0, value: 0 }];
    let total = 0;
    for (const time of [...byTime.keys()].sort((a, b) => a - b)) {
      total += byTime.get(time) ?? 0;
      const last = points[points.length - 1];
      if (last && last.time === time) last.value = total;
      else points.push({ time, value: total });
    }
    const end = Math.max(0, ...team.timeline.map((e) => e.time));
    const last = points[points.length - 1];
    if (last && end > last.time) points.push({ time: end, value: total });
    return { team: team.team, name: team.name, points, total };
  });
}

/** The running total of a series at a given minute (the value after every change up to it). */
export function valueAt(series: RunningSeries, time: number): number {
  let value = 0;
  for (const p of series.points) {
    if (p.time > time) break;
    value = p.value;
  }
  return value;
}

/**
 * Minutes at which the table alternative of the running chart samples every team: about
 * `rows` evenly spaced steps (rounded to whole hours when the run is long), plus the end.
 */
export function checkpoints(series: readonly RunningSeries[], rows = 8): number[] {
  const end = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.time)));
  if (end === 0) return [0];
  const raw = end / rows;
  const step = raw >= 60 ? Math.ceil(raw / 60) * 60 : Math.max(1, Math.ceil(raw));
  const times: number[] = [];
  for (let t = step; t < end; t += step) times.push(t);
  times.push(end);
  return times;
}

/** One team in the evidence-against-rights scatter. */
export interface ScorePoint {
  team: string;
  name: string;
  evidence: number;
  rights: number;
  redLines: number;
  capped: boolean;
}

export function scorePoints(debrief: Debrief): ScorePoint[] {
  return debrief.teams.map((t) => ({
    team: t.team,
    name: t.name,
    evidence: t.evidenceScore.value,
    rights: t.rightsScore.value,
    redLines: t.redLines.length,
    capped: t.evidenceScore.capped || t.rightsScore.capped,
  }));
}

/** Distinct line dashes and marker shapes, so teams differ by more than colour. */
export const TEAM_STYLES = [
  { color: '#1a5a9c', dash: '', shape: 'circle' },
  { color: '#b34700', dash: '8 4', shape: 'square' },
  { color: '#1d6b3a', dash: '2 3', shape: 'triangle' },
  { color: '#6b2d8f', dash: '12 4 2 4', shape: 'diamond' },
  { color: '#8a6d00', dash: '4 2', shape: 'star' },
  { color: '#0b7480', dash: '1 4', shape: 'cross' },
  { color: '#a01d4f', dash: '10 2', shape: 'wye' },
] as const;

export function teamStyle(index: number): (typeof TEAM_STYLES)[number] {
  return TEAM_STYLES[index % TEAM_STYLES.length] ?? TEAM_STYLES[0];
}
