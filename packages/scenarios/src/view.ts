/**
 * Need to know: what one agency sees of its team's run. Nothing else leaves the engine for a
 * trainee (the live server sends exactly this). The facilitator's view (role null or
 * 'facilitator') shows everything.
 */
import type { CompiledScenario } from './compile';
import { isFacilitator } from './rules';
import type { EvidenceDef, Provenance, Scalar, Text } from './schema';
import type { PersonState, RequestStatus, TeamState } from './state';
import { needToKnow, type Visibility } from './visibility';

export interface ViewPerson {
  id: string;
  name: Text;
  /** Attributes this agency knows (hidden attributes appear once observed). */
  attrs: Partial<PersonState>;
}

export interface ViewDocument {
  id: string;
  title: Text;
  body: Text;
  restricted: boolean;
}

export interface ViewEvidence {
  id: string;
  title: Text;
  description: Text | null;
  kind: EvidenceDef['kind'];
  element: EvidenceDef['element'];
  restricted: boolean;
  obtained: Provenance;
  time: number;
  by: string | null;
  /** Only in the facilitator's view. */
  tainted?: boolean;
  taintReasons?: string[];
}

export interface ViewRequest {
  id: string;
  title: Text;
  body: Text | null;
  direction: 'sent' | 'received';
  from: string;
  to: string;
  status: RequestStatus;
  sentAt: number;
  answeredAt: number | null;
  reason: string | null;
  /** Why the sender needs it (absent: none given, or sent by a scenario effect). */
  justification?: string;
  durationMinutes: number;
}

export interface RoleView {
  scenario: { id: string; version: string; title: Text };
  role: string;
  agency: { id: string; name: Text; briefing: Text } | null;
  clock: number;
  phase: { id: string; title: Text; description: Text };
  ended: { ending: string; title: Text; description: Text; time: number } | null;
  documents: ViewDocument[];
  evidence: ViewEvidence[];
  people: ViewPerson[];
  injects: { id: string; title: Text; body: Text; time: number }[];
  requests: ViewRequest[];
  /** Decisions of this team this agency takes part in. */
  decisions: {
    decision: string;
    title: Text;
    option: string;
    label: Text;
    time: number;
    role: string | null;
  }[];
  /** Joint decisions waiting for signatures, that this agency signs. */
  pendingJoint: { decision: string; signed: Record<string, string>; missing: string[] }[];
  facts: Record<string, Scalar>;
}

/** Documents the role sees: listed in visibleTo and the clock has reached `from`, or revealed to it. */
export function visibleDocuments(
  c: CompiledScenario,
  s: TeamState,
  role: string | null,
  v: Visibility = needToKnow(c, s, role),
): ViewDocument[] {
  const out: ViewDocument[] = [];
  for (const d of c.scenario.documents) {
    // Even the facilitator's list waits for a document's time (it shows what is in play).
    if (v.document(d.id) && (!v.all || s.clock >= (d.from ?? 0)))
      out.push({ id: d.id, title: d.title, body: d.body, restricted: d.restricted });
  }
  return out;
}

/** Obtained evidence the role sees: listed in visibleTo, or revealed to it. */
export function visibleEvidence(
  c: CompiledScenario,
  s: TeamState,
  role: string | null,
  v: Visibility = needToKnow(c, s, role),
): ViewEvidence[] {
  const fac = v.all;
  const out: ViewEvidence[] = [];
  for (const e of c.scenario.evidence) {
    const st = s.evidence[e.id];
    if (!st || !v.evidence(e.id)) continue;
    out.push({
      id: e.id,
      title: e.title,
      description: e.description ?? null,
      kind: e.kind,
      element: e.element,
      restricted: e.restricted,
      obtained: st.obtained,
      time: st.time,
      by: st.by,
      ...(fac ? { tainted: st.tainted, taintReasons: st.taintReasons } : {}),
    });
  }
  return out;
}

export function viewFor(c: CompiledScenario, s: TeamState, role: string | null): RoleView {
  const fac = isFacilitator(role);
  const r = fac ? 'facilitator' : (role as string);

  const v = needToKnow(c, s, role);
  const documents = visibleDocuments(c, s, role, v);
  const evidence = visibleEvidence(c, s, role, v);

  const people: ViewPerson[] = [];
  for (const p of c.scenario.people) {
    const st = s.people[p.id];
    if (!v.person(p.id) || !st) continue;
    const attrs: Record<string, unknown> = {};
    // A plain loop (states are plain JSON objects): this runs for every person of every view.
    const own = st as unknown as Record<string, unknown>;
    for (const k in own) if (v.attr(p.id, k)) attrs[k] = own[k];
    people.push({ id: p.id, name: p.name, attrs: attrs as Partial<PersonState> });
  }

  const injects: RoleView['injects'] = [];
  for (const inj of c.scenario.injects) {
    const st = s.injects[inj.id];
    if (st && v.inject(inj.id))
      injects.push({ id: inj.id, title: inj.title, body: inj.body, time: st.time });
  }

  const requests: ViewRequest[] = [];
  for (const req of c.scenario.requests) {
    const st = s.requests[req.id];
    if (!st || !v.request(req.id)) continue;
    const sent = st.from === r;
    requests.push({
      id: req.id,
      title: req.title,
      body: req.body ?? null,
      direction: sent || fac ? 'sent' : 'received',
      from: st.from,
      to: st.to,
      status: st.status,
      sentAt: st.sentAt,
      answeredAt: st.answeredAt,
      reason: st.reason,
      ...(st.justification ? { justification: st.justification } : {}),
      durationMinutes: req.durationMinutes,
    });
  }

  const decisions: RoleView['decisions'] = [];
  const pendingJoint: RoleView['pendingJoint'] = [];
  for (const d of c.decisions.values()) {
    if (!v.decision(d.def.id)) continue;
    const st = s.decisions[d.def.id];
    if (st) {
      const o = d.options.get(st.option);
      decisions.push({
        decision: d.def.id,
        title: d.def.title,
        option: st.option,
        label: o ? o.label : st.option,
        time: st.time,
        role: st.role,
      });
    }
    const signed = s.joint[d.def.id];
    if (signed && d.def.joint) {
      pendingJoint.push({
        decision: d.def.id,
        signed,
        missing: d.def.joint.filter((a) => signed[a] === undefined),
      });
    }
  }

  const facts: Record<string, Scalar> = {};
  for (const f of c.scenario.facts) {
    if (v.fact(f.id)) {
      const v = s.facts[f.id];
      if (v !== undefined) facts[f.id] = v;
    }
  }

  const agency = fac ? null : c.agencies.get(r);
  const phase = c.phases.get(s.phase);
  const ending = s.ended ? c.endings.get(s.ended.ending) : undefined;
  return {
    scenario: { id: c.id, version: c.version, title: c.scenario.title },
    role: r,
    agency: agency ? { id: agency.id, name: agency.name, briefing: agency.briefing } : null,
    clock: s.clock,
    phase: { id: s.phase, title: phase?.title ?? s.phase, description: phase?.description ?? '' },
    ended:
      s.ended && ending
        ? {
            ending: s.ended.ending,
            title: ending.title,
            description: ending.description,
            time: s.ended.time,
          }
        : null,
    documents,
    evidence,
    people,
    injects,
    requests,
    decisions,
    pendingJoint,
    facts,
  };
}
