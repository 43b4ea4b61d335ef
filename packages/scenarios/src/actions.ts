/**
 * What a role can do now: every action with the event to send, and a reason when it is disabled.
 */
import type { ErrorCode, EventPayloads } from '@crossroads/shared';
import type { CompiledScenario } from './compile';
import { checkDecision, checkLazy, isFacilitator, mayAnswer } from './rules';
import type { Text } from './schema';
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
  const verdict = (v: ReturnType<typeof checkLazy>) =>
    v.ok ? { enabled: true } : { enabled: false, reason: { code: v.code, message: v.message() } };

  if (!fac) {
    for (const d of c.decisionsByPhase.get(state.phase) ?? []) {
      if (!d.allowed.has(r as string)) continue;
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
    for (const req of c.requests.values()) {
      if (!req.sendable || !req.from.includes(r as string)) continue;
      const payload = { request: req.id };
      const v = checkLazy(c, state, { type: 'request.sent', role: r, payload });
      if (!v.ok && !all) continue;
      out.push({ type: 'request.sent', payload, label: req.title, ...verdict(v) });
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
