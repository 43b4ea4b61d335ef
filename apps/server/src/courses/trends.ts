import type { Debrief } from '@crossroads/scenarios';
import type {
  KnowledgeResults,
  RuleCount,
  Text,
  TrendAgency,
  TrendSession,
} from '@crossroads/shared';

/** Of a team's debrief, what trends read (kept small: the server caches one per session and rubric). */
export interface ScoredTeam {
  evidence: number;
  rights: number;
  redLines: { ruleId: string; title: Text; role: string | null }[];
  /** Obligations never discharged that were counted (the missed ones a trainer talks about). */
  missed: { ruleId: string; title: Text; role: string | null }[];
  byAgency: { id: string; evidence: number; rights: number }[];
}

/** Of a scored debrief, what trends read. */
export interface ScoredRun {
  rubricVersion: string;
  teams: ScoredTeam[];
}

/** The part of a debrief the trends use. */
export function scoredRun(debrief: Debrief): ScoredRun {
  return {
    rubricVersion: debrief.rubric.version,
    teams: debrief.teams.map((t) => ({
      evidence: t.evidenceScore.value,
      rights: t.rightsScore.value,
      redLines: t.redLines.map((r) => ({ ruleId: r.ruleId, title: r.title as Text, role: r.role })),
      missed: t.items
        .filter((i) => i.undischarged === true && i.counted)
        .map((i) => ({ ruleId: i.ruleId, title: i.title as Text, role: i.role })),
      byAgency: t.byAgency.map((b) => ({ id: b.id, evidence: b.evidence, rights: b.rights })),
    })),
  };
}

/**
 * Trend figures of one session from its scored run and its knowledge results. Pure: the same
 * debrief (itself a pure function of scenario, log and rubric) gives the same figures.
 */
export interface SessionFacts {
  session: string;
  scenario: { id: string; version: string; title: Text };
  createdAt: string;
  endedAt: string | null;
  status: TrendSession['status'];
  pinnedRubricVersion: string | null;
  events: number;
  run: ScoredRun;
  knowledge: KnowledgeResults;
}

const range = (values: number[]) =>
  values.length === 0
    ? null
    : {
        mean: round(values.reduce((a, b) => a + b, 0) / values.length),
        min: Math.min(...values),
        max: Math.max(...values),
      };

/** Two decimals: figures for people, and stable across platforms' float printing. */
const round = (n: number) => Math.round(n * 100) / 100;

function agencyFigures(teams: readonly ScoredTeam[]): TrendAgency[] {
  const by = new Map<string, { evidence: number; rights: number; red: number; missed: number }>();
  const entry = (agency: string) => {
    let e = by.get(agency);
    if (!e) {
      e = { evidence: 0, rights: 0, red: 0, missed: 0 };
      by.set(agency, e);
    }
    return e;
  };
  for (const team of teams) {
    for (const b of team.byAgency) {
      const e = entry(b.id);
      e.evidence += b.evidence;
      e.rights += b.rights;
    }
    for (const r of team.redLines) if (r.role) entry(r.role).red += 1;
    for (const item of team.missed) if (item.role) entry(item.role).missed += 1;
  }
  const n = Math.max(1, teams.length);
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agency, e]) => ({
      agency,
      evidence: round(e.evidence / n),
      rights: round(e.rights / n),
      redLines: e.red,
      missedObligations: e.missed,
    }));
}

export function sessionTrend(facts: SessionFacts): TrendSession {
  const teams = facts.run.teams;
  const k = facts.knowledge;
  return {
    session: facts.session,
    scenario: facts.scenario,
    createdAt: facts.createdAt,
    endedAt: facts.endedAt,
    status: facts.status,
    rubricVersion: facts.run.rubricVersion,
    pinnedRubricVersion: facts.pinnedRubricVersion,
    teams: teams.length,
    events: facts.events,
    evidence: range(teams.map((t) => t.evidence)),
    rights: range(teams.map((t) => t.rights)),
    redLines: teams.reduce((n, t) => n + t.redLines.length, 0),
    teamsWithRedLine: teams.filter((t) => t.redLines.length > 0).length,
    missedObligations: teams.reduce((n, t) => n + t.missed.length, 0),
    agencies: agencyFigures(teams),
    knowledge: {
      check: k.check ? { id: k.check.id, version: k.check.version } : null,
      respondents: k.respondents,
      pre: k.overall?.pre ?? { n: 0, value: null },
      post: k.overall?.post ?? { n: 0, value: null },
      gain: k.overall?.gain ?? null,
      agencies: k.agencies.map((a) => ({
        agency: a.agency,
        pre: a.pre,
        post: a.post,
        gain: a.gain,
      })),
    },
  };
}

/** How often each rule was hit across sessions, per agency, most frequent first. */
function countRules(
  hits: { session: string; ruleId: string; title: Text; agency: string | null }[],
): RuleCount[] {
  const by = new Map<
    string,
    { title: Text; count: number; sessions: Set<string>; agencies: Map<string, number> }
  >();
  for (const hit of hits) {
    let e = by.get(hit.ruleId);
    if (!e) {
      e = { title: hit.title, count: 0, sessions: new Set(), agencies: new Map() };
      by.set(hit.ruleId, e);
    }
    e.count += 1;
    e.sessions.add(hit.session);
    const agency = hit.agency ?? '(none)';
    e.agencies.set(agency, (e.agencies.get(agency) ?? 0) + 1);
  }
  return [...by.entries()]
    .map(([ruleId, e]) => ({
      ruleId,
      title: e.title,
      count: e.count,
      sessions: e.sessions.size,
      agencies: [...e.agencies.entries()]
        .map(([agency, count]) => ({ agency, count }))
        .sort((a, b) => b.count - a.count || a.agency.localeCompare(b.agency)),
    }))
    .sort(
      (a, b) => b.count - a.count || b.sessions - a.sessions || a.ruleId.localeCompare(b.ruleId),
    );
}

/** Red lines by rule across the sessions. */
export function redLineCounts(sessions: readonly SessionFacts[]): RuleCount[] {
  return countRules(
    sessions.flatMap((s) =>
      s.run.teams.flatMap((t) =>
        t.redLines.map((r) => ({
          session: s.session,
          ruleId: r.ruleId,
          title: r.title,
          agency: r.role,
        })),
      ),
    ),
  );
}

/** Obligations never discharged, by rule, most missed first (at most `limit`). */
export function missedObligationCounts(sessions: readonly SessionFacts[], limit = 10): RuleCount[] {
  return countRules(
    sessions.flatMap((s) =>
      s.run.teams.flatMap((t) =>
        t.missed.map((i) => ({
          session: s.session,
          ruleId: i.ruleId,
          title: i.title,
          agency: i.role,
        })),
      ),
    ),
  ).slice(0, limit);
}
