/**
 * Need to know: the one place that says what an agency of a team may know of its team's run. The
 * role views (view.ts), the debrief redaction (scoring/redact.ts) and the live server's event
 * filter all ask these predicates, so a rule changed here changes every read path at once.
 *
 * The facilitator (role null or 'facilitator') knows everything. An agency knows:
 * - a document listed for it once the clock reaches its `from`, or one revealed to it;
 * - evidence listed for it, or revealed to it;
 * - a person with no `knownTo`, listed for it, or made known to it; a hidden attribute of a person
 *   only once it observed it;
 * - a fact listed for it;
 * - decisions it may take or sign, injects addressed to it, requests it sent or received;
 * - of a request sent more than once (a refused request may be sent again), each exchange (a sending
 *   and its answer, with the answer's reason) only when it sent that sending or is the agency the
 *   request is addressed to: the agency that sends it again does not see the earlier refusal, and the
 *   one refused keeps its own.
 * - a request it sent once, refused, and another agency then sent again stays in its list of
 *   requests (`requestListed`) as its own exchanges show it: its latest exchange in the current
 *   one's place (what it sent and why, that it was refused, when and why), the ones before under it.
 *   Of the later exchanges it learns nothing there (not that there were any, who sent them, when,
 *   why, nor their answers), as its live events (`event`) and its debrief (`exchange`) leave them
 *   out. The request's own words (title, body) are the scenario's, which its send form gave it.
 *
 * Across a session (`mayTraineeSee`): a trainee sees session-level events except staff notes, and
 * in its own team only chat, clock ticks, arrivals, moves, broadcasts and the engine events its
 * agency takes part in. Never another team's events.
 *
 * Words a trainee typed as its agency's reasons (`mayReadReasons`, `eventForTrainee`): an event a
 * trainee may see reaches it without them unless they are written for it:
 * - a decision's `rationale` (and any other payload's) is its author's agency's own;
 * - a request's `justification` (request.sent) is written for the agency it is addressed to: the
 *   sender's agency and the addressed one read it, any other agency does not.
 * The debrief (scoring/redact.ts) keeps them by the same rule. Staff read everything.
 */
import {
  ENGINE_EVENT_TYPES,
  STAFF_ONLY_EVENT_TYPES,
  type EngineEvent,
  type LogEvent,
} from '@crossroads/shared';
import type { CompiledScenario } from './compile';
import { isFacilitator } from './rules';
import type { TeamState } from './state';

export interface Visibility {
  /** Whether the recipient is the facilitator (who knows everything, taint included). */
  readonly all: boolean;
  document: (id: string) => boolean;
  evidence: (id: string) => boolean;
  person: (id: string) => boolean;
  attr: (person: string, attr: string) => boolean;
  fact: (id: string) => boolean;
  decision: (id: string) => boolean;
  inject: (id: string) => boolean;
  /** The current exchange of a request: its latest sender and the agency it is addressed to. */
  request: (id: string) => boolean;
  /**
   * Whether the request is in the agency's list of requests: it knows the current exchange
   * (`request`), or it sent an earlier one (refused, then sent again by another agency), which the
   * list then shows in its place (see the need-to-know rules above and view.ts).
   */
  requestListed: (id: string) => boolean;
  /** The exchange of `request` that its event at `seq` (a sending or an answer) belongs to. */
  exchange: (request: string, seq: number) => boolean;
  /** An engine event of this team: the acting agency, or one the event concerns. */
  event: (event: EngineEvent) => boolean;
}

const yes = () => true;
const EVERYTHING: Visibility = {
  all: true,
  document: yes,
  evidence: yes,
  person: yes,
  attr: yes,
  fact: yes,
  decision: yes,
  inject: yes,
  request: yes,
  requestListed: yes,
  exchange: yes,
  event: yes,
};

/** Whether agency `r` sent or is addressed by the current exchange of request `id`. */
function knowsRequest(state: TeamState | null, r: string, id: string): boolean {
  const st = state?.requests[id];
  return st !== undefined && (st.from === r || st.to === r);
}

/** Whether agency `r` may know the exchange of request `id` that its event at `seq` belongs to. */
function knowsExchange(state: TeamState | null, r: string, id: string, seq: number): boolean {
  const st = state?.requests[id];
  if (st === undefined) return false;
  if (st.to === r) return true;
  const earlier = st.earlier?.find((e) => seq < e.until);
  return (earlier?.from ?? st.from) === r;
}

/**
 * Whether `role` may know engine event `event` of a team whose state is `state`: the rule of
 * `needToKnow(c, state, role).event`, asked without building the other predicates (the live
 * server asks it for every event and every agency group of the team).
 */
export function mayKnowEvent(
  c: CompiledScenario,
  state: TeamState | null,
  role: string | null,
  event: EngineEvent,
): boolean {
  if (isFacilitator(role)) return true;
  const r = role as string;
  switch (event.type) {
    case 'decision.made':
    case 'joint.signed':
      return c.decisions.get(event.payload.decision)?.allowed.has(r) ?? false;
    case 'request.sent':
    case 'request.answered':
      // The sender (or answerer) and the agency the scenario addresses it to, even before the
      // state has it; and the agency that sent the exchange an answer belongs to.
      return (
        event.role === r ||
        c.requests.get(event.payload.request)?.to === r ||
        knowsExchange(state, r, event.payload.request, event.seq)
      );
    case 'inject.released':
      return c.injects.get(event.payload.inject)?.to.includes(r) ?? false;
    case 'clock.ticked':
      return true;
  }
}

/**
 * What `role` may know of a team whose state is `state` (null: nothing has happened yet, so only
 * what the scenario gives the agency from the start).
 */
export function needToKnow(
  c: CompiledScenario,
  state: TeamState | null,
  role: string | null,
): Visibility {
  if (isFacilitator(role)) return EVERYTHING;
  const r = role as string;
  const revealed = (id: string) => state?.reveals[id]?.includes(r) ?? false;
  return {
    all: false,
    document: (id) => {
      const d = c.documents.get(id);
      if (d === undefined) return false;
      return (d.visibleTo.includes(r) && (state?.clock ?? 0) >= (d.from ?? 0)) || revealed(id);
    },
    evidence: (id) => {
      const e = c.evidence.get(id);
      return e !== undefined && (e.visibleTo.includes(r) || revealed(id));
    },
    person: (id) => {
      const p = c.people.get(id);
      return (
        p !== undefined &&
        (p.knownTo === undefined ||
          p.knownTo.includes(r) ||
          (state?.known[id]?.includes(r) ?? false))
      );
    },
    attr: (person, attr) => {
      const hidden: readonly string[] = c.people.get(person)?.hidden ?? [];
      return !hidden.includes(attr) || (state?.observed[person]?.[attr]?.includes(r) ?? false);
    },
    fact: (id) => c.facts.get(id)?.visibleTo?.includes(r) ?? false,
    decision: (id) => c.decisions.get(id)?.allowed.has(r) ?? false,
    inject: (id) => c.injects.get(id)?.to.includes(r) ?? false,
    request: (id) => knowsRequest(state, r, id),
    // An agency that is not the one addressed sees an earlier exchange exactly when it sent it
    // (`exchange` below): one such exchange is enough for the request to stay in its list.
    requestListed: (id) =>
      knowsRequest(state, r, id) ||
      (state?.requests[id]?.earlier?.some((e) => e.from === r) ?? false),
    exchange: (id, seq) => knowsExchange(state, r, id, seq),
    event: (event) => mayKnowEvent(c, state, r, event),
  };
}

/** Where a trainee sits: its team and agency (null until placed). */
export interface Seat {
  team: string | null;
  role: string | null;
}

/** Team events every member of the team sees, whatever its agency. */
const TEAM_WIDE = new Set<string>([
  'chat.message',
  'clock.ticked',
  'participant.joined',
  'participant.moved',
  'broadcast.sent',
]);
const STAFF_ONLY = new Set<string>(STAFF_ONLY_EVENT_TYPES);
const ENGINE = new Set<string>(ENGINE_EVENT_TYPES);

/**
 * Whether a trainee in `seat` may receive `event` of the log. `engineRule` answers for an engine
 * event of the trainee's own team (`needToKnow(...).event` on that team's state); it is asked only
 * then, so a caller may build it lazily.
 */
export function mayTraineeSee(
  seat: Seat,
  event: LogEvent,
  engineRule: (event: EngineEvent, role: string) => boolean,
): boolean {
  if (STAFF_ONLY.has(event.type)) return false;
  if (event.team === null) return true;
  if (seat.team === null || event.team !== seat.team) return false;
  if (TEAM_WIDE.has(event.type)) return true;
  if (!ENGINE.has(event.type) || seat.role === null) return false;
  return engineRule(event as EngineEvent, seat.role);
}

/** The typed reasons an event's payload may carry (see the need-to-know rules above). */
export type ReasonField = 'rationale' | 'justification';

/**
 * Whether a trainee seated in `reader` may read what the author of `event` typed as its reason in
 * `field`: its own agency (of its own team) always; for a request's justification (request.sent),
 * the agency the request is addressed to as well (`addressee` gives it by request id). A reader
 * with no agency, or of another team, never. Staff are not asked: they read everything.
 */
export function mayReadReasons(
  reader: Seat,
  event: { team: string | null; role: string | null; type: string; request?: string | undefined },
  field: ReasonField,
  addressee: (request: string) => string | undefined,
): boolean {
  if (reader.role === null || reader.team === null || reader.team !== event.team) return false;
  if (event.role === reader.role) return true;
  return (
    field === 'justification' &&
    event.type === 'request.sent' &&
    event.request !== undefined &&
    addressee(event.request) === reader.role
  );
}

/** Copies of events without reasons, by event and by which fields were left out (see below). */
const withoutReasons = new WeakMap<LogEvent, (LogEvent | undefined)[]>();

/**
 * `event` as a trainee seated in `seat` may receive it (one it may see: ask `mayTraineeSee`
 * first): the event itself when its payload carries no reason the trainee may not read (the
 * common case, which allocates nothing), else a copy whose payload lacks those fields. The copy
 * is made once per event and set of fields left out, so every trainee that must get the same
 * copy gets the same object (the live server sends one message per distinct object). The stored
 * log is never changed.
 */
export function eventForTrainee<E extends LogEvent>(
  seat: Seat,
  event: E,
  addressee: (request: string) => string | undefined,
): E {
  const payload = event.payload as { rationale?: unknown; justification?: unknown };
  const hasRationale = payload.rationale !== undefined;
  const hasJustification = payload.justification !== undefined;
  if (!hasRationale && !hasJustification) return event;
  const request = (event.payload as { request?: unknown }).request;
  const about = {
    team: event.team,
    role: event.role,
    type: event.type,
    request: typeof request === 'string' ? request : undefined,
  };
  const dropRationale = hasRationale && !mayReadReasons(seat, about, 'rationale', addressee);
  const dropJustification =
    hasJustification && !mayReadReasons(seat, about, 'justification', addressee);
  if (!dropRationale && !dropJustification) return event;
  const mask = (dropRationale ? 1 : 0) + (dropJustification ? 2 : 0);
  let copies = withoutReasons.get(event);
  if (copies === undefined) {
    copies = [];
    withoutReasons.set(event, copies);
  }
  const cached = copies[mask];
  if (cached !== undefined) return cached as E;
  const rest: Record<string, unknown> = { ...event.payload };
  if (dropRationale) delete rest.rationale;
  if (dropJustification) delete rest.justification;
  const copy = { ...event, payload: rest } as E;
  copies[mask] = copy;
  return copy;
}

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
