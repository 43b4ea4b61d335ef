import type { Debrief, RedLine } from '@crossroads/scenarios';
import {
  answeringAgencies,
  type KnowledgeResults,
  type RuleCount,
  type Text,
  type TrendAgency,
  type TrendSession,
} from '@crossroads/shared';

/**
 * A red line or a missed obligation, with every agency responsible for it: a joint decision's signers
 * (or a request's requester and granter), as the debrief's byAgency counts it; none when it is nobody's.
 */
export interface AgencyHit {
  ruleId: string;
  title: Text;
  agencies: string[];
}

/** Of a team's debrief, what trends read (kept small: the server caches one per session and rubric). */
export interface ScoredTeam {
  evidence: number;
  rights: number;
  redLines: AgencyHit[];
  /** Obligations never discharged that were counted (the missed ones a trainer talks about). */
  missed: AgencyHit[];
  byAgency: { id: string; evidence: number; rights: number }[];
}

const hit = (x: Pick<RedLine, 'ruleId' | 'title' | 'role' | 'roles'>): AgencyHit => ({
  ruleId: x.ruleId,
  title: x.title as Text,
  agencies: answeringAgencies(x),
});

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
      redLines: t.redLines.map(hit),
      missed: t.items.filter((i) => i.undischarged === true && i.counted).map(hit),
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
    // Each responsible agency's own count: a joint red line is each signer's (totals count it once).
    for (const r of team.redLines) for (const a of r.agencies) entry(a).red += 1;
    for (const item of team.missed) for (const a of item.agencies) entry(a).missed += 1;
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

/**
 * How often each rule was hit across sessions, per agency, most frequent first. A hit several agencies
 * are responsible for counts once for the rule and once for each of them.
 */
function countRules(hits: (AgencyHit & { session: string })[]): RuleCount[] {
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
    for (const agency of hit.agencies.length > 0 ? hit.agencies : ['(none)'])
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
      s.run.teams.flatMap((t) => t.redLines.map((r) => ({ ...r, session: s.session }))),
    ),
  );
}

/** Obligations never discharged, by rule, most missed first (at most `limit`). */
export function missedObligationCounts(sessions: readonly SessionFacts[], limit = 10): RuleCount[] {
  return countRules(
    sessions.flatMap((s) =>
      s.run.teams.flatMap((t) => t.missed.map((i) => ({ ...i, session: s.session }))),
    ),
  ).slice(0, limit);
}
