/**
 * Scripted sessions: plays teams through a scenario with the engine's own availableActions/step, so the
 * log is valid for whatever the scenario currently is (an option that no longer exists falls back to the
 * team's fallback rule). Used to write examples/reefer-horgos.session.jsonl (`npm run debrief -- --write-example`,
 * checked for freshness by test/scoring.examples.test.ts) and by the property tests for random logs.
 */
import { availableActions, initialState, step } from '@crossroads/scenarios';
import type { Action, CompiledScenario, LogLine, TeamState } from '@crossroads/scenarios';

/** One thing a team can do now, by one of its agencies (role null = the facilitator). */
export interface Candidate {
  role: string | null;
  action: Action;
}

export interface Policy {
  /** Pick one of the enabled candidates (disabled ones are listed too, with a reason), or null to move the clock. */
  choose: (candidates: Candidate[], state: TeamState, rnd: () => number) => Candidate | null;
}

export interface PlayTeam {
  id: string;
  name: string;
  policy: Policy;
}

export interface PlayOptions {
  seed?: number;
  /** Wall-clock start of the session (ISO), used only for the `at` field. */
  startAt?: string;
  /** Chat messages between moves: probability per move (default 0). */
  chatter?: number;
  /** Stop after this many events (default 2000). */
  maxEvents?: number;
  /** Minutes the facilitator moves the clock when nothing else can happen (default 60). */
  idleTick?: number;
}

/** Small seeded PRNG (mulberry32): the same seed gives the same session. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decisions whose options move to another phase are taken last. */
function exits(c: CompiledScenario, decision: string): boolean {
  const d = c.decisions.get(decision);
  return d?.def.options.some((o) => o.effects.some((e) => 'goto' in e)) ?? false;
}

function candidates(c: CompiledScenario, state: TeamState): Candidate[] {
  const out: Candidate[] = [];
  for (const role of [...c.playable, null])
    for (const action of availableActions(c, state, role)) out.push({ role, action });
  return out;
}

/** Play a whole session: teams move in turn until every run has ended (or maxEvents). */
export function playSession(
  c: CompiledScenario,
  teams: PlayTeam[],
  options: PlayOptions = {},
): LogLine[] {
  const rnd = prng(options.seed ?? 1);
  const maxEvents = options.maxEvents ?? 2000;
  const idleTick = options.idleTick ?? 60;
  const start = Date.parse(options.startAt ?? '2026-03-02T08:00:00.000Z');
  const events: LogLine[] = [];
  let seq = 0;
  const push = (e: Omit<LogLine, 'seq' | 'at'>): LogLine => {
    seq += 1;
    const ev: LogLine = { seq, at: new Date(start + seq * 20_000).toISOString(), ...e };
    events.push(ev);
    return ev;
  };
  push({
    time: 0,
    team: null,
    role: null,
    participant: null,
    type: 'session.started',
    payload: {
      scenario: c.id,
      version: c.version,
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
    },
  });
  const states = new Map(teams.map((t) => [t.id, initialState(c, t.id)]));
  const idle = new Map(teams.map((t) => [t.id, 0]));
  let active = teams.filter((t) => !states.get(t.id)?.ended);
  while (active.length > 0 && events.length < maxEvents) {
    for (const team of active) {
      const state = states.get(team.id) as TeamState;
      const pick = team.policy.choose(candidates(c, state), state, rnd);
      let ev: LogLine;
      if (pick) {
        const a = pick.action;
        const payload =
          a.type === 'decision.made' || a.type === 'joint.signed'
            ? { decision: a.payload.decision, option: a.payload.option }
            : a.payload;
        ev = push({
          time: state.clock,
          team: team.id,
          role: pick.role,
          participant: pick.role === null ? null : `${team.id}:${pick.role}`,
          type: a.type,
          payload,
        });
        idle.set(team.id, 0);
      } else {
        idle.set(team.id, (idle.get(team.id) ?? 0) + 1);
        ev = push({
          time: state.clock,
          team: team.id,
          role: null,
          participant: null,
          type: 'clock.ticked',
          payload: { minutes: idleTick },
        });
      }
      const r = step(c, state, ev);
      if (!r.ok)
        throw new Error(
          `scripted session produced a rejected event #${ev.seq} ${ev.type}: ${r.message}`,
        );
      states.set(team.id, r.state);
      if (options.chatter && rnd() < options.chatter) {
        const role = c.playable[Math.floor(rnd() * c.playable.length)] ?? null;
        push({
          time: r.state.clock,
          team: team.id,
          role,
          participant: role ? `${team.id}:${role}` : null,
          type: 'chat.message',
          payload: { text: 'Update from my desk.' },
        });
      }
    }
    active = active.filter((t) => !states.get(t.id)?.ended && (idle.get(t.id) ?? 0) < 200);
  }
  push({
    time: null as unknown as number,
    team: null,
    role: null,
    participant: null,
    type: 'session.ended',
    payload: {},
  });
  const last = events[events.length - 1];
  if (last) delete last.time;
  return events;
}

// ── policies ─────────────────────────────────────────────────────────────────────────────────

export interface ScriptedPolicy {
  /** Decision id → options in order of preference (the first enabled one is taken). */
  prefer: Record<string, string[]>;
  /** Requests this team sends whenever it can ('all' = every sendable request). */
  send: string[] | 'all';
  /** Requests this team's agencies refuse when asked; all others are granted. */
  refuse?: string[];
  /** Facilitator injects released for this team (by id) when possible. */
  release?: string[];
  /** For decisions without a preference: 'first' enabled option, or 'random'. */
  fallback: 'first' | 'random';
}

/**
 * A team that follows a script: it takes each decision with its preferred option, waits (letting pending
 * requests come back) while a preferred option is not open yet, and falls back on a rule where the script
 * has nothing to say. Phase-ending decisions come last. Requests are answered when their answer is due.
 */
export function scripted(p: ScriptedPolicy, c: CompiledScenario): Policy {
  const optionOf = (x: Candidate) => (x.action.payload as { option?: string }).option ?? '';
  const decisionOf = (x: Candidate) => (x.action as { decision?: string }).decision ?? '';
  return {
    choose(cands, state, rnd) {
      const enabled = cands.filter((x) => x.action.enabled);
      const answers = enabled.filter(
        (x) =>
          x.action.type === 'request.answered' &&
          x.action.payload.granted === !(p.refuse ?? []).includes(x.action.payload.request),
      );
      const dueAt = (x: Candidate) => {
        const id = (x.action.payload as { request: string }).request;
        const st = state.requests[id];
        return (st?.sentAt ?? 0) + (c.requests.get(id)?.durationMinutes ?? 0);
      };
      const due = answers
        .filter((x) => dueAt(x) <= state.clock)
        .sort((a, b) => dueAt(a) - dueAt(b));
      if (due[0]) return due[0];
      const send = enabled.find(
        (x) =>
          x.action.type === 'request.sent' &&
          (p.send === 'all' || p.send.includes(x.action.payload.request)) &&
          !state.requests[x.action.payload.request],
      );
      if (send) return send;
      const inject = enabled.find(
        (x) =>
          x.action.type === 'inject.released' &&
          (p.release ?? []).includes(x.action.payload.inject),
      );
      if (inject) return inject;
      const decisions = cands.filter(
        (x) => x.action.type === 'decision.made' || x.action.type === 'joint.signed',
      );
      const ids = [...new Set(decisions.map(decisionOf))].sort(
        (a, b) => Number(exits(c, a)) - Number(exits(c, b)),
      );
      const waiting: string[] = [];
      for (const d of ids) {
        const opts = decisions.filter((x) => decisionOf(x) === d);
        const open = opts.filter((x) => x.action.enabled);
        if (open.length === 0) continue;
        const pref = p.prefer[d];
        if (!pref) {
          if (exits(c, d) && waiting.length > 0) continue;
          return p.fallback === 'random'
            ? (open[Math.floor(rnd() * open.length)] ?? null)
            : (open[0] ?? null);
        }
        const top = opts.find((x) => optionOf(x) === pref[0]);
        if (top?.action.enabled) return top;
        if (top) waiting.push(d);
        else {
          const next = pref
            .map((o) => open.find((x) => optionOf(x) === o))
            .find((x) => x !== undefined);
          if (next) return next;
          if (!exits(c, d) || waiting.length === 0) return open[0] ?? null;
        }
      }
      // A preferred option is not open yet: let the earliest pending request come back first.
      const pending = answers.sort((a, b) => dueAt(a) - dueAt(b));
      if (pending[0]) return pending[0];
      for (const d of waiting) {
        const pref = p.prefer[d] ?? [];
        const open = decisions.filter((x) => decisionOf(x) === d && x.action.enabled);
        const next = pref
          .map((o) => open.find((x) => optionOf(x) === o))
          .find((x) => x !== undefined);
        if (next) return next;
        if (open[0]) return open[0];
      }
      return enabled.find((x) => x.action.type === 'clock.ticked') ?? null;
    },
  };
}

/** A team that picks any enabled action at random (for property tests). */
export const randomPolicy: Policy = {
  choose(cands, _state, rnd) {
    const moves = cands.filter(
      (x) => x.action.enabled && (x.action.type !== 'clock.ticked' || rnd() < 0.2),
    );
    return moves[Math.floor(rnd() * moves.length)] ?? null;
  },
};

// ── the flagship example ───────────────────────────────────────────────────────────────────────

/** Team A works by the book; team B cuts corners (and crosses a red line at the fence). */
export const CAREFUL: ScriptedPolicy = {
  send: ['req_interp_arabic', 'req_interp_pashto', 'req_interp_urdu', 'req_interp_dari'],
  refuse: [],
  fallback: 'first',
  prefer: {
    d_open: ['o_open_now'],
    d_sort: ['o_separate'],
    d_medical: ['o_call_ems'],
    d_prosecutor_call: ['o_direct_full'],
    d_wali: ['o_wali_triage', 'o_wali_decline'],
    d_interpreters: ['o_request_all'],
    d_screening: ['o_screen_certified', 'o_screen_mediator'],
    d_minors: ['o_presume_children'],
    d_sami_tip: ['o_photo_wait'],
    d_asylum: ['o_register'],
    d_hu_offer: ['o_hu_refuse'],
    d_reception: ['o_kirs_places'],
    d_children_first: ['o_go_now'],
    d_cso_start: ['o_ask_access'],
    d_driver_phone: ['o_seize_bag'],
    d_device_order: ['o_apply_judge'],
    d_forensics: ['o_image'],
    d_vehicle: ['o_witnessed_search'],
    d_anpr: ['o_anpr_now'],
    d_driver_interview: ['o_formal_interview'],
    d_driver_offer: ['o_plea_formal'],
    d_omar_phone: ['o_consent_limited', 'o_order_three'],
    d_cso_notes: ['o_ask_through_lawyer'],
    d_placement: ['o_child_wing'],
    d_age: ['o_holistic'],
    d_cso_counsel: ['o_private_counsel'],
    d_deposition: ['o_early_depo'],
    d_child_interview: ['o_child_sensitive'],
    d_minor_asylum: ['o_noor_express'],
    d_cso_witness: ['o_support_witnesses'],
    d_handler_data: ['o_cdr_order', 'o_no_number'],
    d_hungary: ['o_mla'],
    d_video_hearing: ['o_request_video'],
    d_passat: ['o_pccsee'],
    d_handler_arrest: ['o_flat_order'],
    d_money: ['o_financial'],
    d_misdemeanour: ['o_no_misdemeanour'],
    d_wali_role: ['o_assess_wali'],
    d_charges: ['o_refer_ocg', 'o_conclude_plea', 'o_indict_aggravated'],
  },
};

export const CARELESS: ScriptedPolicy = {
  send: [],
  refuse: ['req_cso_access'],
  fallback: 'first',
  prefer: {
    d_open: ['o_open_now'],
    d_sort: ['o_cuff_all'],
    d_medical: ['o_blankets'],
    d_prosecutor_call: ['o_read_phone'],
    d_wali: ['o_wali_all'],
    d_interpreters: ['o_request_arabic_only'],
    d_screening: ['o_screen_wali', 'o_screen_forms'],
    d_minors: ['o_adults_until_xray'],
    d_sami_tip: ['o_question_now'],
    d_asylum: ['o_after_case'],
    d_hu_offer: ['o_hu_refer'],
    d_reception: ['o_lock_hall'],
    d_children_first: ['o_morning'],
    d_cso_start: ['o_wait_kirs'],
    d_driver_phone: ['o_browse'],
    d_device_order: ['o_own_order'],
    d_vehicle: ['o_tow'],
    d_anpr: ['o_anpr_later'],
    d_driver_interview: ['o_police_chat'],
    d_driver_offer: ['o_promise'],
    d_omar_phone: ['o_seize_all'],
    d_cso_notes: ['o_demand_notes'],
    d_placement: ['o_adult_dorm'],
    d_age: ['o_xray'],
    d_cso_counsel: ['o_group_brief'],
    d_deposition: ['o_police_statements', 'o_wait_trial'],
    d_child_interview: ['o_no_child_interview'],
    d_minor_asylum: ['o_noor_wait'],
    d_cso_witness: ['o_neutral'],
    d_handler_data: ['o_operator_call', 'o_no_number'],
    d_hungary: ['o_informal_hu'],
    d_video_hearing: ['o_read_statement'],
    d_passat: ['o_friend_check'],
    d_anpr_late: ['o_anpr_request_late'],
    d_handler_arrest: ['o_arrest_search_now'],
    d_money: ['o_cash_enough'],
    d_misdemeanour: ['o_charge_all'],
    d_wali_role: ['o_charge_wali'],
    d_charges: ['o_indict_aggravated', 'o_indict_basic'],
  },
};

/** The example session of the flagship: two teams, one careful, one careless. */
export function flagshipSession(c: CompiledScenario): LogLine[] {
  return playSession(
    c,
    [
      { id: 'team-a', name: 'Team A (by the book)', policy: scripted(CAREFUL, c) },
      { id: 'team-b', name: 'Team B (cutting corners)', policy: scripted(CARELESS, c) },
    ],
    { seed: 7, startAt: '2026-03-02T08:00:00.000Z', chatter: 0.15, maxEvents: 1500 },
  );
}
