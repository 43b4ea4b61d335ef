/**
 * What a role can do now: every action with the event to send, and a reason when it is disabled.
 */
import type { ErrorCode, EventPayloads } from '@crossroads/shared';
import type { CompiledDecision, CompiledScenario } from './compile';
import { testOf } from './conditions';
import {
  checkDecision,
  checkLazy,
  freeCount,
  isFacilitator,
  mayAnswer,
  type LazyCheckResult,
} from './rules';
import type { Condition, RequestDef, Text } from './schema';
import type { TeamState } from './state';

interface ActionBase {
  /** Is it possible now? When false, `reason` says why (the same code step() would return). */
  enabled: boolean;
  reason?: { code: ErrorCode; message: string };
  /** What to show on the button. */
  label: Text;
}

export type Action = ActionBase &
  (
    | {
        type: 'decision.made' | 'joint.signed';
        payload: EventPayloads['decision.made'];
        decision: string;
        title: Text;
        timeCost: number;
        /** For joint decisions: who signed which option so far, and who still has to sign. */
        joint?: { signed: Record<string, string>; missing: string[] };
      }
    | { type: 'request.sent'; payload: EventPayloads['request.sent'] }
    | { type: 'request.answered'; payload: EventPayloads['request.answered'] }
    | { type: 'inject.released'; payload: EventPayloads['inject.released'] }
    | { type: 'clock.ticked'; payload: EventPayloads['clock.ticked']; until: number }
  );

/** The next scenario time at which something happens by itself (timed inject, scheduled inject, time limit). */
export function nextDueTime(c: CompiledScenario, s: TeamState): number | null {
  let due = Infinity;
  for (const t of c.timedInjects) if (t.at > s.clock && !s.injects[t.id] && t.at < due) due = t.at;
  for (const x of s.scheduled) if (x.at > s.clock && x.at < due) due = x.at;
  const limit = c.scenario.timeLimitMinutes;
  if (limit !== undefined && limit > s.clock && limit < due) due = limit;
  return due === Infinity ? null : due;
}

const verdict = (v: LazyCheckResult) =>
  v.ok ? { enabled: true } : { enabled: false, reason: { code: v.code, message: v.message() } };

/** The decisions of `phase` that agency `role` takes part in, in scenario order. */
export function agencyDecisions(
  c: CompiledScenario,
  phase: string,
  role: string,
): CompiledDecision[] {
  return (c.decisionsByPhase.get(phase) ?? []).filter((d) => d.allowed.has(role));
}

/** The requests agency `role` may send, in scenario order. */
export function agencyRequests(c: CompiledScenario, role: string): RequestDef[] {
  return [...c.requests.values()].filter((req) => req.sendable && req.from.includes(role));
}

/**
 * The actions availableActions() lists for the options of decision `d` (of the state's phase, one
 * agency `r` takes part in), appended to `out`; disabled ones only when `all`.
 */
export function decisionActions(
  c: CompiledScenario,
  state: TeamState,
  d: CompiledDecision,
  r: string,
  all: boolean,
  out: Action[],
): void {
  const jointType = d.def.joint !== undefined;
  for (const o of d.def.options) {
    const v = checkDecision(c, state, d.def.id, o.id, r, jointType);
    if (!v.ok && !all) continue;
    const signed = state.joint[d.def.id] ?? {};
    out.push({
      type: jointType ? 'joint.signed' : 'decision.made',
      payload: { decision: d.def.id, option: o.id },
      decision: d.def.id,
      title: d.def.title,
      label: o.label,
      timeCost: o.timeCost,
      ...(jointType
        ? { joint: { signed, missing: (d.def.joint ?? []).filter((a) => signed[a] !== o.id) } }
        : {}),
      ...verdict(v),
    });
  }
}

/** The action availableActions() lists for sending `req` (which agency `r` may send), if any. */
export function requestAction(
  c: CompiledScenario,
  state: TeamState,
  req: RequestDef,
  r: string,
  all: boolean,
): Action | undefined {
  const payload = { request: req.id };
  const v = checkLazy(c, state, { type: 'request.sent', role: r, payload });
  if (!v.ok && !all) return undefined;
  return { type: 'request.sent', payload, label: req.title, ...verdict(v) };
}

/**
 * What a condition's why-not text and verdict depend on in a state: the result of each of its
 * leaves (explain.ts words an unmet condition from which of its leaves are unmet, and for a time
 * leaf from whether the clock is before its `gte`), one character each, in a fixed order.
 */
const inputsCache = new WeakMap<Condition, (s: TeamState) => string>();

function inputsOf(cond: Condition): (s: TeamState) => string {
  let inputs = inputsCache.get(cond);
  if (inputs === undefined) {
    if ('all' in cond || 'any' in cond) {
      const parts = ('all' in cond ? cond.all : cond.any).map(inputsOf);
      inputs = (s) => {
        let key = '';
        for (const part of parts) key += part(s);
        return key;
      };
    } else if ('not' in cond) {
      inputs = inputsOf(cond.not);
    } else {
      const test = testOf(cond);
      const gte = 'time' in cond ? cond.time.gte : undefined;
      inputs =
        gte === undefined
          ? (s) => (test(s) ? '1' : '0')
          : (s) => (test(s) ? '1' : '0') + (s.clock < gte ? '<' : '>');
    }
    inputsCache.set(cond, inputs);
  }
  return inputs;
}

/**
 * Everything decisionActions() (through checkDecision) and explainOption() read of a state that
 * has not ended for decision `d` of its phase, as a string: two such states with the same string
 * give any one agency the same actions (enabled, code, message, joint signatures) and the same
 * why-not texts, so a caller may reuse what it built from either. A new read in those functions
 * must be added here.
 */
export function decisionInputs(c: CompiledScenario, s: TeamState, d: CompiledDecision): string {
  const id = d.def.id;
  let key = s.phase + (s.decisions[id] ? '\u0001+' : '\u0001-');
  if (d.def.joint) key += JSON.stringify(s.joint[id] ?? null);
  if (d.def.when) key += inputsOf(d.def.when)(s);
  for (const o of d.def.options) {
    key += '|';
    if (o.when) key += inputsOf(o.when)(s);
    // Who sent it too: an agency that did not is not told its state (see explain.ts).
    if (o.requires) {
      const st = s.requests[o.requires.request];
      key += `;${st?.status ?? ''};${st?.from ?? ''}`;
    }
    const uses = o.uses;
    // Not enough free units: the message names the clock.
    if (uses) {
      key += freeCount(c, s, uses.resource, s.clock) < uses.count ? `;busy${s.clock}` : ';free';
    }
  }
  return key;
}

/**
 * Whether decisionInputs(c, s, d) reads nothing of `s` but its phase and whether `d` was taken:
 * no condition on the decision or its options, no request required, no units used, not joint. For
 * such a decision two states of one phase give the same inputs exactly when both have or both
 * lack a record of it, so a caller may keep what it built by that alone. Kept with decisionInputs:
 * a new read there must make this false for the decisions it concerns.
 */
export function decisionInputsTakenOnly(d: CompiledDecision): boolean {
  if (d.def.joint || d.def.when) return false;
  return d.def.options.every((o) => !o.when && !o.requires && !o.uses);
}

/**
 * Everything requestAction() (through checkLazy) and explainRequest() read of a state that has not
 * ended for request `req`, as a string (see decisionInputs).
 */
/**
 * Whether requestInputs(s, req) reads nothing of `s` but the request's record (its status and
 * sender): true without a `when`. States whose record of the request is the same object (or
 * absent in both) then give the same inputs (records are copy-on-write).
 */
export function requestInputsRecordOnly(req: RequestDef): boolean {
  return !req.when;
}

export function requestInputs(s: TeamState, req: RequestDef): string {
  // Who sent it too: an agency that did not is not told its state (see explain.ts).
  const st = s.requests[req.id];
  const status = st ? `${st.status};${st.from}` : '';
  return req.when ? `${status};${inputsOf(req.when)(s)}` : status;
}

/**
 * Actions open to `role` in `state`. `role` is an agency id, or null / 'facilitator'.
 * Agencies see the decisions of the current phase they take part in (disabled ones with a reason),
 * the requests they may send, and the requests waiting for their answer. The facilitator sees
 * facilitator injects, requests it answers for unplayed agencies, and a tick to the next due time.
 * `enabledOnly` leaves out disabled actions (faster; used by exploration).
 */
export function availableActions(
  c: CompiledScenario,
  state: TeamState,
  role: string | null,
  options: { enabledOnly?: boolean } = {},
): Action[] {
  if (state.ended) return [];
  const out: Action[] = [];
  const fac = isFacilitator(role);
  const r = fac ? null : role;
  const all = !options.enabledOnly;

  if (!fac) {
    for (const d of agencyDecisions(c, state.phase, r as string)) {
      decisionActions(c, state, d, r as string, all, out);
    }
    for (const req of agencyRequests(c, r as string)) {
      const action = requestAction(c, state, req, r as string, all);
      if (action) out.push(action);
    }
  }
  for (const [id, st] of Object.entries(state.requests)) {
    const req = c.requests.get(id);
    if (!req || st.status !== 'pending' || !mayAnswer(c, req.to, r)) continue;
    for (const granted of [true, false]) {
      out.push({
        type: 'request.answered',
        payload: { request: id, granted, reason: granted ? 'granted' : 'refused' },
        label: req.title,
        enabled: true,
      });
    }
  }
  if (fac) {
    for (const inj of c.injects.values()) {
      if (inj.release !== 'facilitator' || state.injects[inj.id]) continue;
      out.push({
        type: 'inject.released',
        payload: { inject: inj.id },
        label: inj.title,
        enabled: true,
      });
    }
    const due = nextDueTime(c, state);
    if (due !== null) {
      out.push({
        type: 'clock.ticked',
        payload: { minutes: due - state.clock },
        until: due,
        label: {
          en: `Advance the clock to minute ${due}`,
          'sr-Latn': `Pomeri sat na minut ${due}`,
        },
        enabled: true,
      });
    }
  }
  return out;
}
