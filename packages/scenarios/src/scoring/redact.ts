/**
 * Need to know for debriefs: a trainee (team + agency) gets only what their view could contain.
 * Other teams are removed; evidence the agency never saw, people it does not know, hidden attributes it
 * never observed, injects not addressed to it, requests it neither sent nor received and decisions it
 * takes no part in are not mentioned (nor, with them, the answers' reasons and the rationales typed
 * for them). Of what stays, a decision's rationale is kept for its author's agency only and a
 * request's justification for its sender's and the addressed agency's (visibility.ts,
 * `mayReadReasons`, as the live events). Team scores stay (they are the team's result).
 */
import type { LocalText } from '../rubric/types';
import type { TeamState } from '../state';
import { attrsOf, mayReadReasons, needToKnow, type Visibility } from '../visibility';
import type { ScenarioIndex } from './scenario-index';
import { lt } from './text';
import type {
  CaseEvidence,
  Debrief,
  DecisionComparison,
  ScoredItem,
  TeamDebrief,
  TimelineEntry,
} from './types';

/** What one agency of one team may know (the facilitator knows everything): see ../visibility. */
export function visibilityFor(
  ix: ScenarioIndex,
  state: TeamState | null,
  role: string,
): Visibility {
  return needToKnow(ix.c, state, role);
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
  // A sending or an answer belongs to one exchange of the request (it may have been sent again).
  if (e.request && !v.exchange(e.request, e.seq)) return false;
  return true;
}

/** Texts that name an evidence id the recipient may not know are replaced by a neutral sentence. */
function scrub(t: LocalText, hidden: readonly string[]): LocalText {
  for (const id of hidden) {
    const re = new RegExp(`(^|[^a-z0-9_-])${id.replace(/-/g, '\\-')}($|[^a-z0-9_-])`);
    if (Object.values(t).some((text) => typeof text === 'string' && re.test(text)))
      return {
        ...lt(
          'derived from an item outside your view',
          'izvedeno iz dokaza van vašeg uvida',
          'изведено од доказ надвор од вашиот увид',
          'rrjedh nga një provë jashtë pamjes suaj',
          'izvedeno iz dokaza van vašeg uvida',
        ),
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

const HIDDEN = lt(
  'Outside your view',
  'Van vašeg uvida',
  'Надвор од вашиот увид',
  'Jashtë pamjes suaj',
  'Van vašeg uvida',
);
const HIDDEN_ITEM = lt(
  'An item about something outside your view (its points count in the team score)',
  'Stavka o nečemu van vašeg uvida (njeni poeni se računaju u rezultat tima)',
  'Ставка за нешто надвор од вашиот увид (нејзините поени се бројат во резултатот на тимот)',
  'Një zë për diçka jashtë pamjes suaj (pikët e tij llogariten në rezultatin e ekipit)',
  'Stavka o nečemu van vašeg uvida (njeni bodovi se računaju u rezultat tima)',
);
const HIDDEN_EVENT = lt(
  'An event outside your view (its points count in the team score)',
  'Događaj van vašeg uvida (njegovi poeni se računaju u rezultat tima)',
  'Настан надвор од вашиот увид (неговите поени се бројат во резултатот на тимот)',
  'Një ngjarje jashtë pamjes suaj (pikët e saj llogariten në rezultatin e ekipit)',
  'Događaj van vašeg uvida (njegovi bodovi se računaju u rezultat tima)',
);

function withoutProvenance(e: CaseEvidence): Omit<CaseEvidence, 'provenance'> {
  const { provenance: _provenance, ...rest } = e;
  return rest;
}

/**
 * Need to know may hide, never change a figure: what the recipient may not know is replaced by a placeholder
 * marked hidden that keeps its points, status and place in every count, so every figure of the scoped
 * debrief equals the full one.
 */
export function redactForRecipient(
  ix: ScenarioIndex,
  d: Debrief,
  recipient: { team: string; role: string },
  state: TeamState | null,
  ownComparison: DecisionComparison[],
): Debrief {
  const v = visibilityFor(ix, state, recipient.role);
  const addressee = (request: string) => ix.c.requests.get(request)?.to;
  const hiddenEvidence = [...ix.c.evidence.keys()].filter((id) => !v.evidence(id));
  const team = d.teams.find((t) => t.team === recipient.team);
  const teams: TeamDebrief[] = [];
  if (team) {
    const keyOf = new Map<string, string>();
    const items = team.items.map((i, n): ScoredItem => {
      if (aboutKnown(v, i.ruleId, i.persons, i.evidence)) {
        keyOf.set(i.key, i.key);
        return i.decision && !v.decision(i.decision.decision) ? withoutDecision(i) : i;
      }
      const key = `${team.team}|hidden|${n + 1}`;
      keyOf.set(i.key, key);
      return {
        key,
        hidden: true,
        ruleId: 'HIDDEN',
        axis: i.axis,
        points: i.points,
        counted: i.counted,
        ...(i.notCounted ? { notCounted: i.notCounted } : {}),
        source: i.source,
        flags: i.flags,
        sketch: [],
        team: i.team,
        role: i.role,
        ...(i.roles ? { roles: i.roles } : {}),
        participant: i.participant,
        ...(i.participants ? { participants: i.participants } : {}),
        time: i.time,
        causedBySeq: i.causedBySeq,
        persons: [],
        evidence: [],
        title: HIDDEN_ITEM,
        explanation: HIDDEN_ITEM,
        detail: HIDDEN_ITEM,
        legalBasis: [],
      };
    });
    const timeline: TimelineEntry[] = [];
    for (const e of team.timeline) {
      const mapped = e.items.map((k) => keyOf.get(k) ?? k);
      if (!entryVisible(v, e)) {
        timeline.push({
          seq: e.seq,
          time: e.time,
          type: 'hidden',
          role: null,
          participant: null,
          label: HIDDEN_EVENT,
          delta: e.delta,
          items: mapped,
        });
        continue;
      }
      // A decision's rationale is its author's agency's own; a request's justification is also the
      // addressed agency's (mayReadReasons, as the live events say). An answer's reason goes with
      // the answer: whoever may see the entry (the request's sender and the agency it was addressed
      // to, as needToKnow says) may read why it was granted or refused; hidden entries carry none.
      const out: TimelineEntry = { ...e, items: mapped };
      if (
        out.rationale !== undefined &&
        !mayReadReasons(
          recipient,
          { team: team.team, role: e.role, type: e.type, request: e.request },
          e.type === 'request.sent' ? 'justification' : 'rationale',
          addressee,
        )
      )
        delete out.rationale;
      timeline.push(out);
    }
    // Sources are the analysis's own labels (not part of any view): trainees see them as S1, S2, …; a
    // source behind evidence they never saw is counted as "hidden".
    const sourceLabel = new Map<string, string>();
    const label = (s: string) => {
      let l = sourceLabel.get(s);
      if (!l) sourceLabel.set(s, (l = `S${sourceLabel.size + 1}`));
      return l;
    };
    const visibleSources = new Set(
      team.evidence.filter((e) => v.evidence(e.id)).map((e) => e.independentSource),
    );
    let hiddenN = 0;
    const hiddenId = new Map<string, string>();
    const hide = (id: string) => {
      let h = hiddenId.get(id);
      if (!h) hiddenId.set(id, (h = `hidden-${(hiddenN += 1)}`));
      return h;
    };
    const evidence = team.evidence.map((e) =>
      v.evidence(e.id)
        ? {
            ...e,
            independentSource: label(e.independentSource),
            reasons: e.reasons.map((r) => scrub(r, hiddenEvidence)),
          }
        : {
            // Its status, elements, time and agency stay: the figures and the page's "obtained at
            // … by …" line need them. What it is and how it was obtained are not the recipient's.
            ...withoutProvenance(e),
            hidden: true as const,
            id: hide(e.id),
            kind: 'hidden',
            title: HIDDEN,
            independentSource: 'hidden',
            reasons: e.reasons.length > 0 ? [HIDDEN] : [],
          },
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
        independentSources: el.independentSources.map((s) =>
          visibleSources.has(s) ? label(s) : 'hidden',
        ),
        evidence: el.evidence.map((e) =>
          v.evidence(e.id) ? e : { id: hide(e.id), status: e.status, hidden: true as const },
        ),
      })),
      evidence,
      witnessesLost: team.witnessesLost.map((w, n) =>
        v.person(w.person)
          ? w
          : { ...w, hidden: true as const, person: `hidden-person-${n + 1}`, name: HIDDEN },
      ),
      outcome: {
        ...team.outcome,
        accountability: team.outcome.accountability.map((a) =>
          aboutKnown(v, a.ruleId, a.persons, [])
            ? a
            : { ...a, persons: a.persons.filter(v.person), detail: a.title },
        ),
      },
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
    // The events of this debrief (its team's timeline, hidden entries included), not the session's
    // log: that count grows with every other team's activity, which is not the recipient's.
    events: { count: teams[0]?.timeline.length ?? 0, lastSeq: d.events.lastSeq },
    recipient: { team: recipient.team, role: recipient.role },
    teams,
    comparison: ownComparison.filter((cmp) => v.decision(cmp.decision)),
    warnings: [],
  };
}
