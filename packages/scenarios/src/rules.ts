/**
 * Whether an event may be applied to a team's state, and if not, why (code + plain message).
 * step() and availableActions() share these rules, so "why not" always matches what step() does.
 */
import { ENGINE_EVENT_TYPES, ErrorCode, type EngineEvent } from '@crossroads/shared';
import type { CompiledScenario, CompiledDecision } from './compile';
import { describeCondition, testOf } from './conditions';
import type { Rejection, StepEvent } from './events';
import type { Option } from './schema';
import { textEn } from './schema';
import type { TeamState } from './state';

/** A rejection whose message is only built when someone reads it (exploration checks many options). */
export interface LazyRejection {
  ok: false;
  code: ErrorCode;
  message: () => string;
}
const reject = (code: ErrorCode, message: () => string): LazyRejection => ({
  ok: false,
  code,
  message,
});

/** The plain rejection step() returns. */
export const toRejection = (r: LazyRejection): Rejection => ({
  ok: false,
  code: r.code,
  message: r.message(),
});

export const isFacilitator = (role: string | null | undefined): boolean =>
  role === null || role === undefined || role === 'facilitator';

export function clockText(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${d > 0 ? `day ${d + 1} ` : ''}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function agencyName(c: CompiledScenario, id: string): string {
  const a = c.agencies.get(id);
  return a ? textEn(a.name) : id;
}

/** Free units of a resource at a scenario time. */
export function freeCount(c: CompiledScenario, s: TeamState, resource: string, at: number): number {
  const r = c.resources.get(resource);
  if (!r) return 0;
  let cap = 0;
  for (const w of r.available)
    if (w.from <= at && (w.to === undefined || at < w.to)) cap += w.count;
  let used = 0;
  for (const b of s.bookings)
    if (b.resource === resource && b.from <= at && at < b.to) used += b.count;
  return cap - used;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Payload shape checks (cheap, hand-written: this runs for every event of a replay). */
export function payloadProblem(ev: StepEvent): string | null {
  const p = ev.payload;
  switch (ev.type) {
    case 'decision.made':
    case 'joint.signed':
      return isObj(p) && str(p.decision) && str(p.option)
        ? null
        : 'payload needs decision and option ids';
    case 'request.sent':
      return isObj(p) &&
        str(p.request) &&
        (p.justification === undefined || typeof p.justification === 'string')
        ? null
        : 'payload needs a request id and an optional justification';
    case 'request.answered':
      return isObj(p) &&
        str(p.request) &&
        typeof p.granted === 'boolean' &&
        (p.reason === undefined || p.reason === null || typeof p.reason === 'string')
        ? null
        : 'payload needs request, granted (true/false) and an optional reason';
    case 'inject.released':
      return isObj(p) && str(p.inject) ? null : 'payload needs an inject id';
    case 'clock.ticked':
      return isObj(p) &&
        typeof p.minutes === 'number' &&
        Number.isInteger(p.minutes) &&
        p.minutes > 0
        ? null
        : 'payload needs minutes (a whole number above 0)';
    default:
      return null;
  }
}

export type LazyCheckResult = LazyRejection | { ok: true; passThrough: boolean };
export type CheckResult = Rejection | { ok: true; passThrough: boolean };
const OK = { ok: true, passThrough: false } as const;
const PASS = { ok: true, passThrough: true } as const;
const engineTypes = new Set<string>(ENGINE_EVENT_TYPES);

/** May `ev` be applied to `s`? A rejection carries its code and plain-English message. */
export function check(c: CompiledScenario, s: TeamState, ev: StepEvent): CheckResult {
  const v = checkLazy(c, s, ev);
  return v.ok ? v : toRejection(v);
}

/** check() with the message built only on demand (exploration checks many options). */
export function checkLazy(c: CompiledScenario, s: TeamState, ev: StepEvent): LazyCheckResult {
  // Session flow, chat, participants, settings... and any type the engine does not know: they
  // cannot change a team's state, so they pass through unchanged (never rejected).
  if (!engineTypes.has(ev.type)) return PASS;
  const ended = s.ended;
  if (ended) {
    const e = c.endings.get(ended.ending);
    return reject(
      ErrorCode.Ended,
      () => `the run has ended (${e ? textEn(e.title) : ended.ending})`,
    );
  }
  const problem = payloadProblem(ev);
  if (problem) return reject(ErrorCode.InvalidPayload, () => problem);
  const e = ev as EngineEvent;
  const role = e.role ?? null;
  if (!isFacilitator(role) && !c.agencies.has(role as string))
    return reject(ErrorCode.WrongRole, () => `"${role}" is not an agency of this scenario`);

  switch (e.type) {
    case 'decision.made':
    case 'joint.signed':
      return checkDecision(
        c,
        s,
        e.payload.decision,
        e.payload.option,
        role,
        e.type === 'joint.signed',
      );
    case 'request.sent': {
      const r = c.requests.get(e.payload.request);
      if (!r)
        return reject(ErrorCode.InvalidPayload, () => `unknown request "${e.payload.request}"`);
      if (isFacilitator(role) || !r.from.includes(role as string))
        return reject(
          ErrorCode.WrongRole,
          () =>
            `only ${r.from.map((a) => agencyName(c, a)).join(' or ')} can send "${textEn(r.title)}"`,
        );
      if (!r.sendable)
        return reject(
          ErrorCode.ConditionNotMet,
          () => `"${textEn(r.title)}" is sent only through a decision`,
        );
      const st = s.requests[r.id];
      if (st?.status === 'pending')
        return reject(
          ErrorCode.RequestPending,
          () => `"${textEn(r.title)}" is already waiting for an answer`,
        );
      if (st?.status === 'granted')
        return reject(
          ErrorCode.AlreadyDecided,
          () => `"${textEn(r.title)}" has been granted already`,
        );
      const when = r.when;
      if (when && !testOf(when)(s))
        return reject(
          ErrorCode.ConditionNotMet,
          () => `"${textEn(r.title)}" cannot be sent yet (needs ${describeCondition(when)})`,
        );
      return OK;
    }
    case 'request.answered': {
      const r = c.requests.get(e.payload.request);
      if (!r)
        return reject(ErrorCode.InvalidPayload, () => `unknown request "${e.payload.request}"`);
      if (!mayAnswer(c, r.to, role))
        return reject(
          ErrorCode.WrongRole,
          () => `"${textEn(r.title)}" is answered by ${agencyName(c, r.to)}`,
        );
      const st = s.requests[r.id];
      if (st?.status !== 'pending')
        return reject(
          ErrorCode.ConditionNotMet,
          () => `"${textEn(r.title)}" is not waiting for an answer`,
        );
      return OK;
    }
    case 'inject.released': {
      const inj = c.injects.get(e.payload.inject);
      if (!inj)
        return reject(ErrorCode.InvalidPayload, () => `unknown inject "${e.payload.inject}"`);
      if (!isFacilitator(role))
        return reject(ErrorCode.WrongRole, () => 'only the facilitator releases injects');
      if (s.injects[inj.id])
        return reject(
          ErrorCode.AlreadyDecided,
          () => `"${textEn(inj.title)}" has been released already`,
        );
      if (inj.release !== 'facilitator')
        return reject(
          ErrorCode.ConditionNotMet,
          () => `"${textEn(inj.title)}" is released automatically, not by the facilitator`,
        );
      return OK;
    }
    case 'clock.ticked':
      if (!isFacilitator(role))
        return reject(ErrorCode.WrongRole, () => 'only the facilitator moves the clock');
      return OK;
  }
  return reject(ErrorCode.InvalidPayload, () => 'unknown event');
}

/** Who may answer a request sent to `to`: that agency, or the facilitator when nobody is required to play it. */
export function mayAnswer(c: CompiledScenario, to: string, role: string | null): boolean {
  if (isFacilitator(role)) return c.agencies.get(to)?.playable !== 'required';
  return role === to;
}

export function checkDecision(
  c: CompiledScenario,
  s: TeamState,
  decisionId: string,
  optionId: string,
  role: string | null,
  jointEvent: boolean,
): LazyCheckResult {
  const d = c.decisions.get(decisionId);
  if (!d) return reject(ErrorCode.InvalidPayload, () => `unknown decision "${decisionId}"`);
  const o = d.options.get(optionId);
  if (!o)
    return reject(
      ErrorCode.InvalidPayload,
      () => `decision "${decisionId}" has no option "${optionId}"`,
    );
  const title = textEn(d.def.title);
  if (isFacilitator(role) || !d.allowed.has(role as string))
    return reject(
      ErrorCode.WrongRole,
      () =>
        `${isFacilitator(role) ? 'the facilitator' : agencyName(c, role as string)} cannot take "${title}" (only ${[...d.allowed].map((a) => agencyName(c, a)).join(', ')})`,
    );
  if (jointEvent && !d.def.joint)
    return reject(ErrorCode.InvalidPayload, () => `"${title}" is not a joint decision`);
  if (d.def.joint && !d.def.joint.includes(role as string))
    return reject(
      ErrorCode.WrongRole,
      () => `${agencyName(c, role as string)} does not sign "${title}"`,
    );
  if (d.phase !== s.phase) {
    const p = c.phases.get(d.phase);
    return reject(
      ErrorCode.NotInPhase,
      () => `"${title}" belongs to the phase "${p ? textEn(p.title) : d.phase}"`,
    );
  }
  if (s.decisions[d.def.id] && !d.def.repeatable)
    return reject(ErrorCode.AlreadyDecided, () => `"${title}" has been decided already`);
  if (d.def.joint && s.joint[d.def.id]?.[role as string] === optionId)
    return reject(
      ErrorCode.AlreadyDecided,
      () => `you have already signed this option of "${title}"`,
    );
  return checkOption(c, s, d, o, title);
}

function checkOption(
  c: CompiledScenario,
  s: TeamState,
  d: CompiledDecision,
  o: Option,
  title: string,
): LazyCheckResult {
  const dWhen = d.def.when;
  if (dWhen && !testOf(dWhen)(s))
    return reject(
      ErrorCode.ConditionNotMet,
      () => `"${title}" is not open yet (needs ${describeCondition(dWhen)})`,
    );
  const label = textEn(o.label);
  const oWhen = o.when;
  if (oWhen && !testOf(oWhen)(s))
    return reject(
      ErrorCode.ConditionNotMet,
      () => `"${label}" is not possible now (needs ${describeCondition(oWhen)})`,
    );
  if (o.requires) {
    const r = c.requests.get(o.requires.request);
    const st = s.requests[o.requires.request];
    const rt = r ? textEn(r.title) : o.requires.request;
    if (st?.status === 'pending')
      return reject(ErrorCode.RequestPending, () => `"${label}" waits for the answer to "${rt}"`);
    if (st?.status !== 'granted')
      return reject(
        ErrorCode.ConditionNotMet,
        () =>
          `"${label}" needs "${rt}" granted${st?.status === 'refused' ? ' (it was refused)' : ' (send it first)'}`,
      );
  }
  const uses = o.uses;
  if (uses && freeCount(c, s, uses.resource, s.clock) < uses.count) {
    const r = c.resources.get(uses.resource);
    return reject(
      ErrorCode.ConditionNotMet,
      () => `no ${r ? textEn(r.name) : uses.resource} is free at ${clockText(s.clock)}`,
    );
  }
  return OK;
}
