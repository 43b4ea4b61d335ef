/**
 * Need to know: what one agency sees of its team's run. Nothing else leaves the engine for a
 * trainee (the live server sends exactly this). The facilitator's view (role null or
 * 'facilitator') shows everything.
 */
import type { EvidenceConcern } from '@crossroads/shared';
import type { CompiledDecision, CompiledScenario } from './compile';
import { lastHearing, TAINT } from './reduce';
import { isFacilitator } from './rules';
import type { EvidenceDef, Provenance, RequestDef, Scalar, Text } from './schema';
import type {
  EvidenceState,
  InjectState,
  PersonState,
  RequestState,
  RequestStatus,
  TeamState,
} from './state';
import { interpreterTaint } from './ties';
import { attrsOf, needToKnow, type Visibility } from './visibility';

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
  /** What the team's acts did to it that the debrief holds against it, as the agency knows it (absent: none). */
  concerns?: EvidenceConcern[];
  /** Only in the facilitator's view. */
  tainted?: boolean;
  taintReasons?: string[];
}

/**
 * A request as one agency knows it: its current exchange, or for an agency whose refused exchange
 * another agency followed by sending it again, that agency's own latest exchange (see
 * visibleRequests).
 */
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
  /**
   * The earlier exchanges of a request sent again after a refusal, oldest first: only those the
   * agency may see (visibility.ts `exchange`: the agency addressed sees them all, a sender its own).
   * Absent when there is none to show.
   */
  earlier?: ViewRequestRound[];
}

/** An earlier exchange of a request: who sent it, when, and the answer (null: not kept). */
export interface ViewRequestRound {
  from: string;
  sentAt: number | null;
  answeredAt: number | null;
  reason: string | null;
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
  memo?: ItemMemo<EvidenceState, ViewEvidence>,
): ViewEvidence[] {
  const fac = v.all;
  const out: ViewEvidence[] = [];
  for (const e of c.scenario.evidence) {
    const st = s.evidence[e.id];
    if (!st || !v.evidence(e.id)) continue;
    // A concern that waits on what the agency knows (that the interpreter was a passenger, what
    // languages the person heard speaks) makes the item read more than its record: built anew.
    const known = st.taintReasons.some((r) => KNOWN_ONCE_SEEN[r] !== undefined);
    let item = known ? undefined : memo?.get(st);
    if (item === undefined) {
      const concerns: EvidenceConcern[] = [];
      for (const r of st.taintReasons) {
        const concern = CONCERN_OF[r];
        if (concern !== undefined) {
          // The record may say it already ("interpreted by a fellow national").
          if (concern !== 'co_national_interpreted' || st.obtained.interpreter !== 'co_national')
            concerns.push(concern);
          continue;
        }
        const once = KNOWN_ONCE_SEEN[r];
        if (once === undefined) continue;
        const seen =
          fac ||
          (r === TAINT.passengerInterpreter
            ? knowsPassenger(c, s, v, e.source, st)
            : v.attr(e.source, 'languages'));
        if (seen) concerns.push(once);
      }
      item = {
        id: e.id,
        title: e.title,
        description: e.description ?? null,
        kind: e.kind,
        element: e.element,
        restricted: e.restricted,
        obtained: st.obtained,
        time: st.time,
        by: st.by,
        ...(concerns.length > 0 ? { concerns } : {}),
        ...(fac ? { tainted: st.tainted, taintReasons: st.taintReasons } : {}),
      };
      if (!known) memo?.set(st, item);
    }
    out.push(item);
  }
  return out;
}

/** A witness the team lost, as the live case reports it (scoring's LiveTeamCase, the debrief's list). */
export interface LostWitness {
  person: string;
  how: 'departed' | 'deported' | 'removed' | 'withdrew';
  time: number;
}

/**
 * The witnesses the team lost that this agency knows of: it knows the person and may see the fact
 * that lost them, their whereabouts (left, deported, removed) or their withdrawal. Whether a
 * witness is lost is the scoring model's (the debrief's) judgement, given here; who may know it is
 * need to know's, as for every other part of the view. The facilitator sees them all.
 */
export function knownLostWitnesses(
  c: CompiledScenario,
  s: TeamState,
  role: string | null,
  lost: readonly LostWitness[],
  v: Visibility = needToKnow(c, s, role),
): LostWitness[] {
  if (v.all) return [...lost];
  return lost.filter(
    (w) =>
      v.person(w.person) && v.attr(w.person, w.how === 'withdrew' ? 'withdrawn' : 'whereabouts'),
  );
}

/** What need to know reads of a finding of the legal model on a decision (scoring's DecisionFinding). */
export interface FindingSubject {
  /** The agencies answering for the decision it is about. */
  roles: readonly string[];
  ruleId: string;
  persons: readonly string[];
  evidence: readonly string[];
}

/**
 * The findings on decisions this agency answers for (it took them, or signed them) that it may be
 * told of: it knows every person and item they concern, and has observed what the rule turns on
 * (that a person is a child, asked for asylum, is vulnerable...), as a recipient's debrief has it.
 * Otherwise a hint would tell the agency a fact about someone that its view does not hold.
 */
export function knownDecisionFindings<F extends FindingSubject>(
  c: CompiledScenario,
  s: TeamState,
  role: string,
  findings: readonly F[],
  v: Visibility = needToKnow(c, s, role),
): F[] {
  return findings.filter(
    (f) =>
      f.roles.includes(role) &&
      (v.all ||
        (f.persons.every(v.person) &&
          f.evidence.every(v.evidence) &&
          (attrsOf(f.ruleId).length === 0 ||
            f.persons.every((p) => attrsOf(f.ruleId).some((a) => v.attr(p, a)))))),
  );
}

/**
 * The engine's reasons that are facts of the team's own acts, which the agency took and so knows, as the
 * case file names them. Not the reasons that say what the law asks (an order of a judge's for this item)
 * nor those that name what the agency may not know (an interpreter's ties).
 */
const CONCERN_OF: Partial<Record<string, EvidenceConcern>> = {
  [TAINT.coNational]: 'co_national_interpreted',
  [TAINT.searchNoOrder]: 'searched_without_order',
  [TAINT.phonesNoConsentNoOrder]: 'phones_read_without_consent_or_order',
  [TAINT.phonesConsentUninterpreted]: 'phones_read_on_consent_without_interpreter',
  [TAINT.interceptionNoOrder]: 'intercepted_without_order',
  [TAINT.interceptionExpired]: 'intercepted_after_order_expired',
};

/**
 * The engine's reasons that are facts of the team's acts and of someone's person, which the agency knows
 * only once it may see that about them: the interpreter's being smuggled (knowsPassenger), the
 * languages the person heard speaks (a scenario may hide either until it is found out).
 */
const KNOWN_ONCE_SEEN: Partial<Record<string, EvidenceConcern>> = {
  [TAINT.passengerInterpreter]: 'passenger_interpreter',
  [TAINT.noInterpreter]: 'interviewed_without_interpreter',
  [TAINT.wrongLanguage]: 'interpreted_into_unspoken_language',
  [TAINT.depositionUninterpreted]: 'deposition_without_certified_interpreter',
};

/**
 * Whether the agency knows that the interpreter of the hearing a statement came from is one of the
 * smuggled people: the person's last hearing up to the event it was obtained in (the one the engine
 * tainted it for), through someone whose being smuggled the agency may see (a scenario may hide it
 * until it is found out).
 */
function knowsPassenger(
  c: CompiledScenario,
  s: TeamState,
  v: Visibility,
  heard: string,
  st: EvidenceState,
): boolean {
  let upTo = s.acts.length;
  while (upTo > 0 && (s.acts[upTo - 1]?.seq ?? 0) > st.seq) upTo--;
  const hearing = lastHearing(s.acts, upTo, heard);
  const by = hearing?.params.interpretedBy;
  return (
    hearing !== undefined &&
    typeof by === 'string' &&
    interpreterTaint(c, hearing, heard) === 'passenger' &&
    v.attr(by, 'smuggled')
  );
}

/**
 * The items one agency was given, by the state record each was built from (states are
 * copy-on-write: a changed record is another object). An item reads nothing else that changes
 * (the scenario's definition, the agency), so a record seen before gives the same item: an event
 * changes one or two records, and the items of the others need not be rebuilt (nor, by a caller
 * comparing references, compared).
 */
type ItemMemo<St extends object, Item> = WeakMap<St, Item>;

/** The agency's memo in `memos`, made on first use. */
function memoOf<St extends object, Item>(
  memos: Map<string, ItemMemo<St, Item>>,
  role: string,
): ItemMemo<St, Item> {
  let memo = memos.get(role);
  if (memo === undefined) {
    memo = new WeakMap();
    memos.set(role, memo);
  }
  return memo;
}

/** What one agency knows of one person (see visiblePeople). */
function viewPerson(p: { id: string; name: Text }, st: PersonState, v: Visibility): ViewPerson {
  const attrs: Record<string, unknown> = {};
  // A plain loop (states are plain JSON objects): this runs for every person of every view.
  const own = st as unknown as Record<string, unknown>;
  for (const k in own) if (v.attr(p.id, k)) attrs[k] = own[k];
  return { id: p.id, name: p.name, attrs: attrs as Partial<PersonState> };
}

/**
 * The ViewPersons one agency was given, by the person's state object, with the person's record of
 * observed attributes they were built with: what else a ViewPerson reads (the scenario's person and
 * which attributes are hidden) is the same in every state.
 */
type PersonMemo = WeakMap<PersonState, { observed: unknown; value: ViewPerson }>;

/**
 * The people the role knows, with the attributes it knows of each. With `memo` (the role's), a
 * person whose state and observed attributes are the objects of an earlier list is that list's
 * ViewPerson: an event changes one or two people, and the others need not be rebuilt (nor, by a
 * caller comparing references, compared).
 */
function visiblePeople(
  c: CompiledScenario,
  s: TeamState,
  v: Visibility,
  memo?: PersonMemo,
): ViewPerson[] {
  const people: ViewPerson[] = [];
  for (const p of c.scenario.people) {
    const st = s.people[p.id];
    if (!v.person(p.id) || !st) continue;
    if (memo === undefined) {
      people.push(viewPerson(p, st, v));
      continue;
    }
    const observed = s.observed[p.id];
    const hit = memo.get(st);
    if (hit !== undefined && hit.observed === observed) {
      people.push(hit.value);
    } else {
      const value = viewPerson(p, st, v);
      memo.set(st, { observed, value });
      people.push(value);
    }
  }
  return people;
}

function visibleInjects(
  c: CompiledScenario,
  s: TeamState,
  v: Visibility,
  memo?: ItemMemo<InjectState, RoleView['injects'][number]>,
): RoleView['injects'] {
  const injects: RoleView['injects'] = [];
  for (const inj of c.scenario.injects) {
    const st = s.injects[inj.id];
    if (!st || !v.inject(inj.id)) continue;
    let item = memo?.get(st);
    if (item === undefined) {
      item = { id: inj.id, title: inj.title, body: inj.body, time: st.time };
      memo?.set(st, item);
    }
    injects.push(item);
  }
  return injects;
}

/**
 * Requests the role sent or received (`r`: the agency, or 'facilitator'). A request another agency
 * sent again after this one's was refused (visibility.ts `requestListed`) is listed as this agency's
 * own exchanges show it (ownLastExchange).
 */
function visibleRequests(
  c: CompiledScenario,
  s: TeamState,
  v: Visibility,
  r: string,
  memo?: RequestMemo,
): ViewRequest[] {
  const requests: ViewRequest[] = [];
  for (const req of c.scenario.requests) {
    const st = s.requests[req.id];
    if (!st || !v.requestListed(req.id)) continue;
    let item = memo?.byState.get(st);
    if (item === undefined) {
      if (v.request(req.id)) item = currentExchange(req, st, v, r);
      else {
        item = ownLastExchange(req, st, v);
        if (item === undefined) continue;
        // The record changed with another agency's exchange, which this item does not show: it
        // is most often the very item given before (its own exchange, as it was).
        const before = memo?.last.get(req.id);
        if (before !== undefined && sameRequest(before, item)) item = before;
      }
      memo?.byState.set(st, item);
      memo?.last.set(req.id, item);
    }
    requests.push(item);
  }
  return requests;
}

/**
 * The request items one agency was given: by the request's state record (see ItemMemo), and the
 * last one of each request, which an item of the agency's own exchange (ownLastExchange) is
 * compared with, since the record it is built from changes with exchanges it does not show.
 */
interface RequestMemo {
  byState: ItemMemo<RequestState, ViewRequest>;
  last: Map<string, ViewRequest>;
}

/** Whether two items of one request say the same (the scenario's texts compared by reference). */
function sameRequest(a: ViewRequest, b: ViewRequest): boolean {
  const ea = a.earlier ?? [];
  const eb = b.earlier ?? [];
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.direction === b.direction &&
    a.from === b.from &&
    a.to === b.to &&
    a.status === b.status &&
    a.sentAt === b.sentAt &&
    a.answeredAt === b.answeredAt &&
    a.reason === b.reason &&
    a.justification === b.justification &&
    a.durationMinutes === b.durationMinutes &&
    ea.length === eb.length &&
    ea.every((x, i) => {
      const y = eb[i];
      return (
        y !== undefined &&
        x.from === y.from &&
        x.sentAt === y.sentAt &&
        x.answeredAt === y.answeredAt &&
        x.reason === y.reason
      );
    })
  );
}

/** A request as its current exchange shows it, with the earlier exchanges the agency may see. */
function currentExchange(req: RequestDef, st: RequestState, v: Visibility, r: string): ViewRequest {
  const item: ViewRequest = {
    id: req.id,
    title: req.title,
    body: req.body ?? null,
    direction: st.from === r || v.all ? 'sent' : 'received',
    from: st.from,
    to: st.to,
    status: st.status,
    sentAt: st.sentAt,
    answeredAt: st.answeredAt,
    reason: st.reason,
    ...(st.justification ? { justification: st.justification } : {}),
    durationMinutes: req.durationMinutes,
  };
  const earlier = st.earlier?.filter((e) => v.exchange(req.id, e.until - 1)) ?? [];
  if (earlier.length > 0) item.earlier = earlier.map(roundOf);
  return item;
}

/**
 * A request whose current exchange another agency sent, as the exchanges this agency sent show it
 * (visibility.ts: those are all it may see of the request): the latest of them in the current
 * exchange's place, refused (a request is sent again only after a refusal), with its own
 * justification, and the ones before under it. Nothing of the exchanges other agencies sent.
 * Undefined when it sent none, or the state is from before the exchanges' times were kept.
 */
function ownLastExchange(
  req: RequestDef,
  st: RequestState,
  v: Visibility,
): ViewRequest | undefined {
  const own = st.earlier?.filter((e) => v.exchange(req.id, e.until - 1)) ?? [];
  const last = own.pop();
  if (last?.sentAt === undefined) return undefined;
  const item: ViewRequest = {
    id: req.id,
    title: req.title,
    body: req.body ?? null,
    direction: 'sent',
    from: last.from,
    to: st.to,
    status: 'refused',
    sentAt: last.sentAt,
    answeredAt: last.answeredAt ?? null,
    reason: last.reason ?? null,
    ...(last.justification ? { justification: last.justification } : {}),
    durationMinutes: req.durationMinutes,
  };
  if (own.length > 0) item.earlier = own.map(roundOf);
  return item;
}

/**
 * An earlier exchange as a view lists it. An exchange is known by the seq of any of its events:
 * those of earlier[i] lie below its `until` and at or above the one before it, so `until - 1`
 * names it to visibility.ts `exchange` (which decides, as it does for the events and the debrief).
 */
function roundOf(e: NonNullable<RequestState['earlier']>[number]): ViewRequestRound {
  return {
    from: e.from,
    sentAt: e.sentAt ?? null,
    answeredAt: e.answeredAt ?? null,
    reason: e.reason ?? null,
  };
}

/** The decisions of the scenario the visibility shows, in the scenario's order (the same in every state). */
function decisionsSeen(c: CompiledScenario, v: Visibility): CompiledDecision[] {
  const out: CompiledDecision[] = [];
  for (const d of c.decisions.values()) if (v.decision(d.def.id)) out.push(d);
  return out;
}

type Taken = RoleView['decisions'][number];

function takenItem(d: CompiledDecision, st: TeamState['decisions'][string]): Taken {
  const o = d.options.get(st.option);
  return {
    decision: d.def.id,
    title: d.def.title,
    option: st.option,
    label: o ? o.label : st.option,
    time: st.time,
    role: st.role,
  };
}

function takenDecisions(s: TeamState, seen: readonly CompiledDecision[]): RoleView['decisions'] {
  const decisions: RoleView['decisions'] = [];
  for (const d of seen) {
    const st = s.decisions[d.def.id];
    if (st) decisions.push(takenItem(d, st));
  }
  return decisions;
}

function pendingJointOf(s: TeamState, seen: readonly CompiledDecision[]): RoleView['pendingJoint'] {
  const pendingJoint: RoleView['pendingJoint'] = [];
  for (const d of seen) {
    const signed = s.joint[d.def.id];
    if (signed && d.def.joint) {
      pendingJoint.push({
        decision: d.def.id,
        signed,
        missing: d.def.joint.filter((a) => signed[a] === undefined),
      });
    }
  }
  return pendingJoint;
}

function visibleFacts(c: CompiledScenario, s: TeamState, v: Visibility): Record<string, Scalar> {
  const facts: Record<string, Scalar> = {};
  for (const f of c.scenario.facts) {
    if (v.fact(f.id)) {
      const value = s.facts[f.id];
      if (value !== undefined) facts[f.id] = value;
    }
  }
  return facts;
}

/** The parts of a view that come from the scenario and the role alone, or from one state field. */
function scenarioOf(c: CompiledScenario): RoleView['scenario'] {
  return { id: c.id, version: c.version, title: c.scenario.title };
}

function agencyOf(c: CompiledScenario, r: string, fac: boolean): RoleView['agency'] {
  const agency = fac ? null : c.agencies.get(r);
  return agency ? { id: agency.id, name: agency.name, briefing: agency.briefing } : null;
}

function phaseOf(c: CompiledScenario, id: string): RoleView['phase'] {
  const phase = c.phases.get(id);
  return { id, title: phase?.title ?? id, description: phase?.description ?? '' };
}

function endedOf(c: CompiledScenario, s: TeamState): RoleView['ended'] {
  const ending = s.ended ? c.endings.get(s.ended.ending) : undefined;
  return s.ended && ending
    ? {
        ending: s.ended.ending,
        title: ending.title,
        description: ending.description,
        time: s.ended.time,
      }
    : null;
}

export function viewFor(c: CompiledScenario, s: TeamState, role: string | null): RoleView {
  const fac = isFacilitator(role);
  const r = fac ? 'facilitator' : (role as string);
  const v = needToKnow(c, s, role);
  return {
    scenario: scenarioOf(c),
    role: r,
    agency: agencyOf(c, r, fac),
    clock: s.clock,
    phase: phaseOf(c, s.phase),
    ended: endedOf(c, s),
    documents: visibleDocuments(c, s, role, v),
    evidence: visibleEvidence(c, s, role, v),
    people: visiblePeople(c, s, v),
    injects: visibleInjects(c, s, v),
    requests: visibleRequests(c, s, v, r),
    decisions: takenDecisions(s, decisionsSeen(c, v)),
    pendingJoint: pendingJointOf(s, decisionsSeen(c, v)),
    facts: visibleFacts(c, s, v),
  };
}

/**
 * One part of the views of one agency, remembered by the state container it is built from (and up
 * to two more inputs compared by identity). Consecutive states of a team share every container an
 * event did not change, so most parts of the next view are the previous view's objects.
 */
class PartCache<V> {
  private readonly byContainer = new WeakMap<
    object,
    Map<string, { a: unknown; b: unknown; value: V }>
  >();

  get(container: object, role: string, a: unknown, b: unknown, build: () => V): V {
    let byRole = this.byContainer.get(container);
    if (byRole === undefined) {
      byRole = new Map();
      this.byContainer.set(container, byRole);
    }
    const hit = byRole.get(role);
    if (hit !== undefined && hit.a === a && hit.b === b) return hit.value;
    const value = build();
    byRole.set(role, { a, b, value });
    return value;
  }
}

/** The parts of a view (see viewCache), numbered for SlotParts. */
const Part = {
  Documents: 0,
  Evidence: 1,
  People: 2,
  Injects: 3,
  Requests: 4,
  Decisions: 5,
  PendingJoint: 6,
  Facts: 7,
} as const;
type Part = (typeof Part)[keyof typeof Part];
const PARTS = 8;

/**
 * Whether two parts of views hold the very same items: arrays of the same items in the same order,
 * or records (facts) of the same values under the same keys in the same order (so the same JSON).
 */
function sameMembers(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (let i = 0; i < ka.length; i += 1) {
    const key = ka[i] as string;
    if (key !== kb[i] || ra[key] !== rb[key]) return false;
  }
  return true;
}

/**
 * The parts of the last view one agency was given in one slot, with the inputs each was built
 * from (the same inputs as PartCache's). Consecutive views of a slot are of consecutive states of
 * one team, which share every container an event did not change: each part is then found by
 * comparing its inputs with the last ones, where PartCache looks two maps up per part.
 *
 * A part rebuilt because its container changed is often the same for this agency all the same (a
 * request it cannot see was sent, a fact it cannot see was set: about half the parts rebuilt at the
 * flagship's pace): when it holds the same items as the slot's last one, the last one is kept, so
 * the view's part is the object before and whoever maps or compares views stops at its reference.
 */
class SlotParts {
  private readonly containers: unknown[] = new Array<unknown>(PARTS).fill(undefined);
  private readonly as: unknown[] = new Array<unknown>(PARTS).fill(undefined);
  private readonly bs: unknown[] = new Array<unknown>(PARTS).fill(undefined);
  private readonly values: unknown[] = new Array<unknown>(PARTS).fill(undefined);

  get<V>(part: Part, container: object, a: unknown, b: unknown, build: () => V): V {
    if (this.containers[part] === container && this.as[part] === a && this.bs[part] === b) {
      return this.values[part] as V;
    }
    const before = this.values[part] as V | undefined;
    const built = build();
    const value = before !== undefined && sameMembers(before, built) ? before : built;
    this.containers[part] = container;
    this.as[part] = a;
    this.bs[part] = b;
    this.values[part] = value;
    return value;
  }
}

/**
 * With a slot, the part from the slot's last view when its inputs are the same, else built anew;
 * without one, or for the first view in a slot, from the shared cache (a caller with a new slot
 * each time still finds the parts built for the same containers). After its first view, a slot's
 * views are of one team's consecutive states, whose changed containers no other slot or agency has
 * seen: looking them up in (and adding them to) the shared cache as well found nothing there in a
 * server, and its weak maps cost a tenth of the parts' time and their garbage.
 */
function partOf<V>(
  slot: SlotParts | undefined,
  first: boolean,
  part: Part,
  cache: PartCache<V>,
  role: string,
  container: object,
  a: unknown,
  b: unknown,
  build: () => V,
): V {
  if (slot === undefined) return cache.get(container, role, a, b, build);
  return first
    ? slot.get(part, container, a, b, () => cache.get(container, role, a, b, build))
    : slot.get(part, container, a, b, build);
}

/**
 * viewFor() for one compiled scenario, reusing the parts of earlier views whose inputs are the
 * same objects: the result equals viewFor(c, s, role), and its unchanged parts are the very arrays
 * and objects returned before (so a caller comparing views stops at the reference). Only for
 * states that are never changed in place once viewed: step() and stepDirect() are copy-on-write;
 * the in-place replay and applyEvent({ inPlace }) are not, so states they are still working on
 * must not be passed here.
 *
 * `slot` (optional): any object that stands for where the states come from, a team of a session
 * for the server. Each agency's parts are then reused from its last view in that slot when their
 * inputs are the same objects (see SlotParts), and built anew otherwise (the items of a part are
 * still reused by their state records); without a slot, and for a slot's first view, from caches
 * shared by every caller (see partOf). The result is the same either way. The slot is held weakly.
 */
export function viewCache(
  c: CompiledScenario,
): (s: TeamState, role: string | null, slot?: object) => RoleView {
  const scenario = scenarioOf(c);
  const agencies = new Map<string, RoleView['agency']>();
  const phases = new Map<string, RoleView['phase']>();
  // Which documents a role sees moves with the clock only when it passes some document's `from`:
  // the number of distinct `from` minutes passed stands for the clock in the documents' key.
  const froms = [...new Set(c.scenario.documents.map((d) => d.from ?? 0))].sort((x, y) => x - y);
  const passed = (clock: number) => {
    let n = 0;
    while (n < froms.length && (froms[n] as number) <= clock) n += 1;
    return n;
  };
  const documents = new PartCache<ViewDocument[]>();
  const evidence = new PartCache<ViewEvidence[]>();
  // An agency learning that someone was smuggled, or what they speak, may change its evidence
  // (KNOWN_ONCE_SEEN): only in a scenario that hides either does the evidence part wait on what was
  // observed.
  const hidesWhatConcerns = c.scenario.people.some(
    (p) => p.hidden?.includes('smuggled') === true || p.hidden?.includes('languages') === true,
  );
  const people = new PartCache<ViewPerson[]>();
  const persons = new Map<string, PersonMemo>();
  const evidenceItems = new Map<string, ItemMemo<EvidenceState, ViewEvidence>>();
  const injectItems = new Map<string, ItemMemo<InjectState, RoleView['injects'][number]>>();
  const requestItems = new Map<string, RequestMemo>();
  const requestMemo = (role: string): RequestMemo => {
    let memo = requestItems.get(role);
    if (memo === undefined) {
      memo = { byState: new WeakMap(), last: new Map() };
      requestItems.set(role, memo);
    }
    return memo;
  };
  const injects = new PartCache<RoleView['injects']>();
  const requests = new PartCache<ViewRequest[]>();
  const decisions = new PartCache<RoleView['decisions']>();
  const pendingJoint = new PartCache<RoleView['pendingJoint']>();
  const facts = new PartCache<Record<string, Scalar>>();
  // Which decisions an agency sees depends on the scenario alone: listed once per role.
  const seenBy = new Map<string, CompiledDecision[]>();
  const seenIds = new Map<string, Set<string>>();
  // Every decision taken in a state, in the scenario's order, listed once per record of decisions
  // for all agencies: each agency's list is this one filtered, with the same items (where each
  // agency's view had scanned every decision it sees and built its own items).
  const allTaken = new WeakMap<TeamState['decisions'], Taken[]>();
  // Each item by the decision's record in the state (copy-on-write: a decision taken again is
  // another record), so the lists of consecutive states share the items of earlier decisions.
  const takenItems = new WeakMap<TeamState['decisions'][string], Taken>();
  const decisionList = [...c.decisions.values()];
  const decisionIndex = new Map(decisionList.map((d, i) => [d.def.id, i]));
  const takenIn = (s: TeamState): Taken[] => {
    let all = allTaken.get(s.decisions);
    if (all === undefined) {
      // The records taken, by the decision's place in the scenario: a state's record holds the
      // few decisions taken, and looking each of the scenario's decisions up in it (records of
      // many shapes) had cost more than the rest of the list.
      const taken: { index: number; st: TeamState['decisions'][string] }[] = [];
      const records = s.decisions;
      for (const id in records) {
        const st = records[id];
        const index = decisionIndex.get(id);
        if (st !== undefined && index !== undefined) taken.push({ index, st });
      }
      taken.sort((x, y) => x.index - y.index);
      all = [];
      for (const { index, st } of taken) {
        const d = decisionList[index] as CompiledDecision;
        let item = takenItems.get(st);
        if (item === undefined || item.decision !== d.def.id) {
          item = takenItem(d, st);
          takenItems.set(st, item);
        }
        all.push(item);
      }
      allTaken.set(records, all);
    }
    return all;
  };

  const slots = new WeakMap<object, Map<string, SlotParts>>();

  return (s, role, slot) => {
    const fac = isFacilitator(role);
    const r = fac ? 'facilitator' : (role as string);
    let last: SlotParts | undefined;
    let first = false;
    if (slot !== undefined) {
      let byRole = slots.get(slot);
      if (byRole === undefined) {
        byRole = new Map();
        slots.set(slot, byRole);
      }
      last = byRole.get(r);
      if (last === undefined) {
        last = new SlotParts();
        byRole.set(r, last);
        first = true;
      }
    }
    let visibility: Visibility | undefined;
    const v = () => (visibility ??= needToKnow(c, s, role));
    let agency = agencies.get(r);
    if (agency === undefined) {
      agency = agencyOf(c, r, fac);
      agencies.set(r, agency);
    }
    let phase = phases.get(s.phase);
    if (phase === undefined) {
      phase = phaseOf(c, s.phase);
      phases.set(s.phase, phase);
    }
    let seen = seenBy.get(r);
    let ids = seenIds.get(r);
    if (seen === undefined || ids === undefined) {
      seen = decisionsSeen(c, needToKnow(c, null, role));
      ids = new Set(seen.map((d) => d.def.id));
      seenBy.set(r, seen);
      seenIds.set(r, ids);
    }
    const decided = seen;
    const decidedIds = ids;
    return {
      scenario,
      role: r,
      agency,
      clock: s.clock,
      phase,
      ended: endedOf(c, s),
      documents: partOf(
        last,
        first,
        Part.Documents,
        documents,
        r,
        s.reveals,
        passed(s.clock),
        0,
        () => visibleDocuments(c, s, role, v()),
      ),
      evidence: partOf(
        last,
        first,
        Part.Evidence,
        evidence,
        r,
        s.evidence,
        s.reveals,
        hidesWhatConcerns ? s.observed : 0,
        () => visibleEvidence(c, s, role, v(), memoOf(evidenceItems, r)),
      ),
      people: partOf(last, first, Part.People, people, r, s.people, s.known, s.observed, () => {
        let memo = persons.get(r);
        if (memo === undefined) {
          memo = new WeakMap();
          persons.set(r, memo);
        }
        return visiblePeople(c, s, v(), memo);
      }),
      injects: partOf(last, first, Part.Injects, injects, r, s.injects, 0, 0, () =>
        visibleInjects(c, s, v(), memoOf(injectItems, r)),
      ),
      requests: partOf(last, first, Part.Requests, requests, r, s.requests, 0, 0, () =>
        visibleRequests(c, s, v(), r, requestMemo(r)),
      ),
      decisions: partOf(last, first, Part.Decisions, decisions, r, s.decisions, 0, 0, () =>
        takenIn(s).filter((t) => decidedIds.has(t.decision)),
      ),
      pendingJoint: partOf(last, first, Part.PendingJoint, pendingJoint, r, s.joint, 0, 0, () =>
        pendingJointOf(s, decided),
      ),
      facts: partOf(last, first, Part.Facts, facts, r, s.facts, 0, 0, () =>
        visibleFacts(c, s, v()),
      ),
    };
  };
}
