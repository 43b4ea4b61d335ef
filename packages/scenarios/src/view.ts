/**
 * Need to know: what one agency sees of its team's run. Nothing else leaves the engine for a
 * trainee (the live server sends exactly this). The facilitator's view (role null or
 * 'facilitator') shows everything.
 */
import type { CompiledScenario } from './compile';
import { isFacilitator } from './rules';
import type { EvidenceDef, Provenance, Scalar, Text } from './schema';
import type { PersonState, RequestStatus, TeamState } from './state';

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

const HIDDEN_NONE: readonly string[] = [];

/** Documents the role sees: listed in visibleTo and the clock has reached `from`, or revealed to it. */
export function visibleDocuments(
  c: CompiledScenario,
  s: TeamState,
  role: string | null,
): ViewDocument[] {
  const fac = isFacilitator(role);
  const r = fac ? 'facilitator' : (role as string);
  const out: ViewDocument[] = [];
  for (const d of c.scenario.documents) {
    const byTime = (fac || d.visibleTo.includes(r)) && s.clock >= (d.from ?? 0);
    if (byTime || s.reveals[d.id]?.includes(r))
      out.push({ id: d.id, title: d.title, body: d.body, restricted: d.restricted });
  }
  return out;
}

/** Obtained evidence the role sees: listed in visibleTo, or revealed to it. */
export function visibleEvidence(
  c: CompiledScenario,
  s: TeamState,
  role: string | null,
): ViewEvidence[] {
  const fac = isFacilitator(role);
  const r = fac ? 'facilitator' : (role as string);
  const out: ViewEvidence[] = [];
  for (const e of c.scenario.evidence) {
    const st = s.evidence[e.id];
    if (!st || !(fac || e.visibleTo.includes(r) || (s.reveals[e.id]?.includes(r) ?? false)))
      continue;
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

  const documents = visibleDocuments(c, s, role);
  const evidence = visibleEvidence(c, s, role);

  const people: ViewPerson[] = [];
  for (const p of c.scenario.people) {
    const known =
      fac ||
      p.knownTo === undefined ||
      p.knownTo.includes(r) ||
      (s.known[p.id]?.includes(r) ?? false);
    const st = s.people[p.id];
    if (!known || !st) continue;
    const hidden = p.hidden ?? HIDDEN_NONE;
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(st)) {
      if (!fac && hidden.includes(k) && !(s.observed[p.id]?.[k]?.includes(r) ?? false)) continue;
      attrs[k] = v;
    }
    people.push({ id: p.id, name: p.name, attrs: attrs as Partial<PersonState> });
  }

  const injects: RoleView['injects'] = [];
  for (const inj of c.scenario.injects) {
    const st = s.injects[inj.id];
    if (st && (fac || inj.to.includes(r)))
      injects.push({ id: inj.id, title: inj.title, body: inj.body, time: st.time });
  }

  const requests: ViewRequest[] = [];
  for (const req of c.scenario.requests) {
    const st = s.requests[req.id];
    if (!st) continue;
    const sent = st.from === r;
    const received = st.to === r;
    if (!fac && !sent && !received) continue;
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
    if (!fac && !d.allowed.has(r)) continue;
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
    if (fac || f.visibleTo?.includes(r)) {
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
