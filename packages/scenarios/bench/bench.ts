/**
 * npm run bench -w @crossroads/scenarios
 *
 * Builds a 10,000-event log for the flagship scenario (catalogue/reefer-horgos.yaml, or the test
 * fixture when the catalogue does not have it) by playing random available actions with a seeded
 * PRNG across 4 concurrent teams (a team that reaches an ending is replaced by a fresh one), then
 * times: step() throughput, replay() of the log, and a baseline in the same run: JSON.parse of
 * every line of the same JSONL. Prints the replay/baseline ratio (target ≤ 5×, goal 2×).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableActions, initialState, replay, step } from '@crossroads/scenarios';
import type { CompiledScenario, LogLine, TeamState } from '@crossroads/scenarios';
import { loadScenarioFile, packageRoot } from '@crossroads/scenarios/node';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const TEAMS = 4;
const RUNS = 9;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function flagship(): { compiled: CompiledScenario; file: string } {
  const root = packageRoot();
  const candidates = [
    join(root, 'catalogue', 'reefer-horgos.yaml'),
    join(root, 'test', 'fixtures', 'mini.yaml'),
  ];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const loaded = loadScenarioFile(file);
    if (loaded.ok) return { compiled: loaded.compiled, file };
    process.stderr.write(`skipping ${file}: ${loaded.errors.map((e) => e.message).join('; ')}\n`);
  }
  throw new Error('no valid flagship scenario found');
}

/** Play random enabled actions until the log has `count` events. */
export function buildLog(
  c: CompiledScenario,
  count: number,
  seed = 42,
): { events: LogLine[]; teams: number } {
  const rnd = prng(seed);
  const events: LogLine[] = [];
  const start = Date.UTC(2026, 10, 29, 9, 0, 0);
  let seq = 0;
  let teamCounter = 0;
  const newTeam = () => `team-${++teamCounter}`;
  const slots: { id: string; state: TeamState }[] = [];
  const teamsStarted: { id: string; name: string }[] = [];
  for (let i = 0; i < TEAMS; i++) {
    const id = newTeam();
    slots.push({ id, state: initialState(c, id) });
    teamsStarted.push({ id, name: id });
  }
  events.push({
    seq: ++seq,
    at: new Date(start).toISOString(),
    time: 0,
    team: null,
    role: null,
    participant: null,
    type: 'session.started',
    payload: { scenario: c.id, version: c.version, teams: teamsStarted },
  });
  const roles: (string | null)[] = [...c.playable, null];
  while (events.length < count) {
    const slot = slots[Math.floor(rnd() * slots.length)] as { id: string; state: TeamState };
    const options = roles.flatMap((role) =>
      availableActions(c, slot.state, role)
        .filter((a) => a.enabled && (a.type !== 'clock.ticked' || rnd() < 0.1))
        .map((a) => ({ role, a })),
    );
    if (options.length === 0 || slot.state.ended) {
      slot.id = newTeam();
      slot.state = initialState(c, slot.id);
      continue;
    }
    const { role, a } = options[Math.floor(rnd() * options.length)] as (typeof options)[number];
    const ev: LogLine = {
      seq: ++seq,
      at: new Date(start + seq * 1000).toISOString(),
      time: slot.state.clock,
      team: slot.id,
      role,
      participant: role === null ? null : `p-${slot.id}-${role}`,
      type: a.type,
      payload:
        a.type === 'decision.made'
          ? { ...a.payload, rationale: 'bench', confidence: 3 }
          : a.payload,
    };
    const res = step(c, slot.state, ev);
    if (!res.ok) throw new Error(`bench generated a rejected event: ${res.message}`);
    slot.state = res.state;
    events.push(ev);
  }
  return { events, teams: teamCounter };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function main(): void {
  const { compiled, file } = flagship();
  const t0 = Date.now();
  const { events, teams } = buildLog(compiled, EVENTS);
  const jsonl = events.map((e) => JSON.stringify(e)).join('\n');
  const lines = jsonl.split('\n');
  process.stdout.write(
    `scenario ${compiled.id} ${compiled.version} (${file})\nlog: ${events.length} events, ${teams} team runs (${TEAMS} at a time), ${(jsonl.length / 1024).toFixed(0)} KiB JSONL, built in ${Date.now() - t0} ms\n`,
  );

  // Baseline: parse every line and touch it.
  let sink = 0;
  const baseline = () => {
    for (const line of jsonl.split('\n')) {
      const e = JSON.parse(line) as LogLine;
      sink += e.seq;
    }
  };
  const replayParsed = () => {
    const r = replay(compiled, events, { via: 'machine' });
    sink += r.rejected.length;
  };
  const replayReducer = () => {
    const r = replay(compiled, events, { via: 'reducer' });
    sink += r.rejected.length;
  };
  const replayFromText = () => {
    const r = replay(
      compiled,
      jsonl.split('\n').map((l) => JSON.parse(l) as LogLine),
      { via: 'reducer' },
    );
    sink += r.rejected.length;
  };
  const stepAll = () => {
    const states = new Map<string, TeamState>();
    for (const e of events) {
      if (e.team === null) continue;
      let s = states.get(e.team);
      if (!s) s = initialState(compiled, e.team);
      const r = step(compiled, s, e);
      if (r.ok) states.set(e.team, r.state);
    }
  };
  // warm-up
  for (let i = 0; i < 3; i++) {
    baseline();
    replayParsed();
    replayReducer();
    replayFromText();
    stepAll();
  }
  const b: number[] = [];
  const rp: number[] = [];
  const rr: number[] = [];
  const rt: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(time(baseline));
    rp.push(time(replayParsed));
    rr.push(time(replayReducer));
    rt.push(time(replayFromText));
    st.push(time(stepAll));
  }
  const check = replay(compiled, events, { via: 'machine' });
  if (check.rejected.length > 0) throw new Error(`replay rejected ${check.rejected.length} events`);
  const fast = replay(compiled, events, { via: 'reducer' });
  if (JSON.stringify(fast.teams) !== JSON.stringify(check.teams))
    throw new Error('replay via the reducer differs from replay via the machine');

  const mb = median(b);
  const mrp = median(rp);
  const mrt = median(rt);
  const mrr = median(rr);
  const mst = median(st);
  const out = [
    `baseline  JSON.parse ${lines.length} lines + iterate: ${mb.toFixed(1)} ms (median of ${RUNS})`,
    `step()    ${events.length} events one by one (copy-on-write): ${mst.toFixed(1)} ms = ${Math.round(events.length / (mst / 1000)).toLocaleString('en')} steps/s`,
    `replay()  of the parsed events, every event an xstate transition: ${mrp.toFixed(1)} ms  (ratio to baseline ${(mrp / mb).toFixed(2)}x)`,
    `replay()  of the parsed events, via: 'reducer' (same states): ${mrr.toFixed(1)} ms  (ratio to baseline ${(mrr / mb).toFixed(2)}x)`,
    `replay()  from the JSONL text (parse + replay via reducer): ${mrt.toFixed(1)} ms  (ratio to baseline ${(mrt / mb).toFixed(2)}x; target <= 5x, goal 2x)`,
  ];

  // ---------------------------------------------------------------------------
  // HOOK for the scoring helper: add the line
  //   "debrief of 10k events (4 teams): <ms> ms (ratio to baseline <r>x)"
  // here, timing the debrief over `events` / `check.teams` with `time(...)` and `median(...)`
  // like the lines above, and push it onto `out`.
  // ── scoring helper section (begin) ──
  {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the imports above belong to the engine helper; this section only adds to it
    const { debrief } = require('@crossroads/scenarios') as {
      debrief: (
        c: CompiledScenario,
        e: LogLine[],
        r?: undefined,
        o?: { counterfactuals?: boolean },
      ) => { teams: unknown[] };
    };
    // A 10,000-event session of 4 teams: each team plays the flagship with random enabled choices once,
    // amid the chat, pinned notes and pauses that make up most of a live session's log.
    const rnd = prng(7);
    const sessionEvents: LogLine[] = [];
    const ids = Array.from({ length: TEAMS }, (_, i) => `team-${String.fromCharCode(97 + i)}`);
    const states = new Map(ids.map((id) => [id, initialState(compiled, id)] as const));
    let seq = 0;
    const at = (n: number) => new Date(Date.UTC(2026, 10, 29, 9, 0, 0) + n * 1000).toISOString();
    sessionEvents.push({
      seq: ++seq,
      at: at(seq),
      time: 0,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: {
        scenario: compiled.id,
        version: compiled.version,
        teams: ids.map((id) => ({ id, name: id })),
      },
    });
    const roles: (string | null)[] = [...compiled.playable, null];
    while (sessionEvents.length < EVENTS - 1) {
      const team = ids[Math.floor(rnd() * ids.length)] as string;
      const state = states.get(team) as TeamState;
      const options =
        state.ended || rnd() < 0.8
          ? []
          : roles.flatMap((role) =>
              availableActions(compiled, state, role)
                .filter((a) => a.enabled)
                .map((a) => ({ role, a })),
            );
      const pick = options[Math.floor(rnd() * options.length)];
      const role = pick
        ? pick.role
        : (compiled.playable[Math.floor(rnd() * compiled.playable.length)] ?? null);
      const ev: LogLine = pick
        ? {
            seq: ++seq,
            at: at(seq),
            time: state.clock,
            team,
            role,
            participant: role ? `p-${team}-${role}` : null,
            type: pick.a.type,
            payload: pick.a.payload,
          }
        : {
            seq: ++seq,
            at: at(seq),
            time: state.clock,
            team,
            role,
            participant: `p-${team}-${role ?? 'x'}`,
            type: rnd() < 0.9 ? 'chat.message' : 'note.pinned',
            payload: { text: 'Update from my desk: nothing new on the driver yet.' },
          };
      const r = step(compiled, state, ev);
      if (!r.ok) throw new Error(`session generated a rejected event: ${r.message}`);
      states.set(team, r.state);
      sessionEvents.push(ev);
    }
    sessionEvents.push({
      seq: ++seq,
      at: at(seq),
      team: null,
      role: null,
      participant: null,
      type: 'session.ended',
      payload: {},
    });
    const sessionJsonl = sessionEvents.map((e) => JSON.stringify(e)).join('\n');
    const sessionBaseline = () => {
      for (const line of sessionJsonl.split('\n')) sink += (JSON.parse(line) as LogLine).seq;
    };
    const debriefSession = () => {
      sink += debrief(compiled, sessionEvents).teams.length;
    };
    const debriefSessionText = () => {
      sink += debrief(
        compiled,
        sessionJsonl.split('\n').map((l) => JSON.parse(l) as LogLine),
      ).teams.length;
    };
    const debriefEngineLog = () => {
      sink += debrief(compiled, events).teams.length;
    };
    const debriefEngineLogNoProbe = () => {
      sink += debrief(compiled, events, undefined, { counterfactuals: false }).teams.length;
    };
    for (let i = 0; i < 2; i++) {
      sessionBaseline();
      debriefSession();
      debriefEngineLogNoProbe();
    }
    const sb: number[] = [];
    const ds: number[] = [];
    const dt: number[] = [];
    const de: number[] = [];
    const dn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      sb.push(time(sessionBaseline));
      ds.push(time(debriefSession));
      dt.push(time(debriefSessionText));
      de.push(time(debriefEngineLog));
      dn.push(time(debriefEngineLogNoProbe));
    }
    const engineTypes = sessionEvents.filter(
      (e) => !['chat.message', 'note.pinned', 'session.started', 'session.ended'].includes(e.type),
    ).length;
    const msb = median(sb);
    out.push(
      `session   ${sessionEvents.length} events, ${TEAMS} teams (${engineTypes} engine events, the rest chat and notes): JSON.parse + iterate ${msb.toFixed(1)} ms`,
      `debrief of 10k events (4 teams): ${median(ds).toFixed(1)} ms (ratio to baseline ${(median(ds) / msb).toFixed(2)}x; from the JSONL text ${median(dt).toFixed(1)} ms = ${(median(dt) / msb).toFixed(2)}x; target <= 5x, goal 2x)`,
      `debrief of the engine log above (${teams} team runs, every event an engine event): ${median(de).toFixed(1)} ms (${(median(de) / mb).toFixed(2)}x), without evaluating the other options at each decision ${median(dn).toFixed(1)} ms (${(median(dn) / mb).toFixed(2)}x)`,
    );
  }
  // ── scoring helper section (end) ──
  // ---------------------------------------------------------------------------

  process.stdout.write(`${out.join('\n')}\n`);
  if (sink === -1) process.stdout.write('\n');
}

if (require.main === module) main();
