/**
 * Need to know for debriefs: a trainee (team + agency) gets only what their view could contain.
 * Other teams are removed; evidence the agency never saw, people it does not know, hidden attributes it
 * never observed, injects not addressed to it, requests it neither sent nor received and decisions it
 * takes no part in are not mentioned. Team scores stay (they are the team's result).
 */
import type { LocalText } from '../rubric/types';
import { isFacilitator } from '../rules';
import type { TeamState } from '../state';
import type { ScenarioIndex } from './scenario-index';
import { lt } from './text';
import type { Debrief, DecisionComparison, ScoredItem, TeamDebrief, TimelineEntry } from './types';

/** Hidden attributes a rule's finding depends on (the recipient must have observed one of them). */
export function attrsOf(ruleId: string | null): string[] {
  if (ruleId === null) return [];
  if (
    ruleId.startsWith('RIGHTS.ASYLUM.') ||
    ruleId === 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM' ||
    ruleId === 'RIGHTS.NONPENALISATION.MISDEMEANOUR'
  )
    return ['asylumExpressed', 'smuggled'];
  if (ruleId.startsWith('RIGHTS.TRAFFICKING.')) return ['traffickingIndicators'];
  if (ruleId.startsWith('RIGHTS.CHILD.') || ruleId.startsWith('EVIDENCE.CHILD.'))
    return ['claimedAge', 'apparentAge', 'vulnerabilities'];
  if (ruleId.startsWith('RIGHTS.LIFE.') || ruleId.startsWith('RIGHTS.MEDICAL.'))
    return ['vulnerabilities'];
  return [];
}

export interface Visibility {
  evidence: (id: string) => boolean;
  person: (id: string) => boolean;
  attr: (person: string, attr: string) => boolean;
  decision: (id: string) => boolean;
  inject: (id: string) => boolean;
  request: (id: string) => boolean;
}

/** What one agency of one team may know (the facilitator knows everything). */
export function visibilityFor(
  ix: ScenarioIndex,
  state: TeamState | null,
  role: string,
): Visibility {
  const c = ix.c;
  if (isFacilitator(role)) {
    const yes = () => true;
    return { evidence: yes, person: yes, attr: yes, decision: yes, inject: yes, request: yes };
  }
  return {
    evidence: (id) => {
      const def = c.evidence.get(id);
      return (
        def !== undefined &&
        (def.visibleTo.includes(role) || (state?.reveals[id]?.includes(role) ?? false))
      );
    },
    person: (id) => {
      const p = c.people.get(id);
      return (
        p !== undefined &&
        (p.knownTo === undefined ||
          p.knownTo.includes(role) ||
          (state?.known[id]?.includes(role) ?? false))
      );
    },
    attr: (person, attr) => {
      const hidden: readonly string[] = c.people.get(person)?.hidden ?? [];
      return !hidden.includes(attr) || (state?.observed[person]?.[attr]?.includes(role) ?? false);
    },
    decision: (id) => c.decisions.get(id)?.allowed.has(role) ?? false,
    inject: (id) => c.injects.get(id)?.to.includes(role) ?? false,
    request: (id) => {
      const r = state?.requests[id];
      return r !== undefined && (r.from === role || r.to === role);
    },
  };
}

function aboutKnown(
  v: Visibility,
  ruleId: string | null,
  persons: string[],
  evidence: string[],
): boolean {
  if (!persons.every(v.person) || !evidence.every(v.evidence)) return false;
  const attrs = attrsOf(ruleId);
  return attrs.length === 0 || persons.every((p) => attrs.some((a) => v.attr(p, a)));
}

function entryVisible(v: Visibility, e: TimelineEntry): boolean {
  if (e.decision && !v.decision(e.decision.decision)) return false;
  if (e.inject && !v.inject(e.inject)) return false;
  if (e.request && !v.request(e.request)) return false;
  return true;
}

/** Texts that name an evidence id the recipient may not know are replaced by a neutral sentence. */
function scrub(t: LocalText, hidden: readonly string[]): LocalText {
  for (const id of hidden) {
    const re = new RegExp(`(^|[^a-z0-9_-])${id.replace(/-/g, '\\-')}($|[^a-z0-9_-])`);
    if (Object.values(t).some((text) => typeof text === 'string' && re.test(text)))
      return {
        ...lt('derived from an item outside your view', 'izvedeno iz dokaza van vašeg uvida'),
        mk: 'изведено од доказ надвор од вашиот увид',
        sq: 'rrjedh nga një provë jashtë pamjes suaj',
        bs: 'izvedeno iz dokaza izvan vašeg uvida',
      };
  }
  return t;
}

function withoutDecision(i: ScoredItem): ScoredItem {
  const out = { ...i };
  delete out.decision;
  return out;
}

export function redactForRecipient(
  ix: ScenarioIndex,
  d: Debrief,
  recipient: { team: string; role: string },
  state: TeamState | null,
  ownComparison: DecisionComparison[],
): Debrief {
  const v = visibilityFor(ix, state, recipient.role);
  const hiddenEvidence = [...ix.c.evidence.keys()].filter((id) => !v.evidence(id));
  const team = d.teams.find((t) => t.team === recipient.team);
  const teams: TeamDebrief[] = [];
  if (team) {
    const items = team.items
      .filter((i) => aboutKnown(v, i.ruleId, i.persons, i.evidence))
      .map((i) => (i.decision && !v.decision(i.decision.decision) ? withoutDecision(i) : i));
    const keys = new Set(items.map((i) => i.key));
    const timeline: TimelineEntry[] = [];
    for (const e of team.timeline) {
      if (!entryVisible(v, e)) continue;
      const kept = e.items.filter((k) => keys.has(k));
      if (kept.length === 0 && ['deadline.passed', 'run.ended', 'case.assessed'].includes(e.type))
        continue;
      const out: TimelineEntry = { ...e, items: kept };
      if (e.role !== recipient.role) delete out.rationale;
      timeline.push(out);
    }
    // Sources are the analysis's own labels (not part of any view): trainees see them as S1, S2, …
    const sourceLabel = new Map<string, string>();
    const label = (s: string) => {
      let l = sourceLabel.get(s);
      if (!l) sourceLabel.set(s, (l = `S${sourceLabel.size + 1}`));
      return l;
    };
    const evidence = team.evidence
      .filter((e) => v.evidence(e.id))
      .map((e) => ({
        ...e,
        independentSource: label(e.independentSource),
        reasons: e.reasons.map((r) => scrub(r, hiddenEvidence)),
      }));
    const visibleSources = new Set(
      team.evidence.filter((e) => v.evidence(e.id)).map((e) => e.independentSource),
    );
    teams.push({
      ...team,
      redLines: team.redLines.map((r) =>
        aboutKnown(v, r.ruleId, r.persons, [])
          ? r
          : { ...r, persons: r.persons.filter(v.person), detail: r.title },
      ),
      caseStrength: team.caseStrength.map((el) => ({
        ...el,
        independentSources: el.independentSources.filter((s) => visibleSources.has(s)).map(label),
        evidence: el.evidence.filter((e) => v.evidence(e.id)),
      })),
      evidence,
      witnessesLost: team.witnessesLost.filter((w) => v.person(w.person)),
      timeline,
      items,
      missedOpportunities: team.missedOpportunities.filter((m) =>
        aboutKnown(v, m.ruleId, m.persons, m.evidence),
      ),
      leftBestPath:
        team.leftBestPath && v.decision(team.leftBestPath.decision) ? team.leftBestPath : null,
      rejected: team.rejected.filter((r) => r.role === recipient.role),
    });
  }
  return {
    ...d,
    recipient: { team: recipient.team, role: recipient.role },
    teams,
    comparison: ownComparison.filter((cmp) => v.decision(cmp.decision)),
    warnings: [],
  };
}
