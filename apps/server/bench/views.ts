/**
 * Micro-benchmark of what a session computes per command besides the wire: role views and live
 * scores, on the flagship scenario (reefer-horgos), without sockets or a database.
 *
 *   npm run bench:views -w @crossroads/server -- [--sessions 4] [--runs 7] [--seed 7]
 *     [--only views|scores] [--warm]
 *
 * Plays `--sessions` sessions of 4 teams the way the load bench's fleet does (each trainee reads
 * its own view: answers an incoming request, else takes or signs an enabled decision, else sends
 * a request, else chats; the facilitator ticks the clock a minute now and then and answers for
 * agencies nobody plays), one team's command at a time, until every team ended or a session has
 * 600 events. Then times, median of `--runs`:
 * - views: after each event that changed a team's engine state, the view of every playable agency
 *   of that team (what SessionHost.changedView asks for), µs per view. Each run replays the log
 *   first (untimed), so states are new objects that share their unchanged parts with the previous
 *   state, as in the server, and views them with a new EngineRuntime, so nothing a run cached
 *   serves the next run (a server's runtime lives on from session to session: this is the colder
 *   case; `--warm` views every run with one runtime, which then finds what the runs before built,
 *   as a server's long-lived runtime finds what its other teams and sessions built);
 * - diff + patch: what SessionHost.changedView does next with each of those views, untimed in the
 *   views figure: diff it with the view its team's agency group holds (the one before it, or the
 *   one before that when only the clock's minutes changed) and serialise the patch (patchIfSmaller),
 *   µs per view; the sha256 of the patches is printed with the views';
 * - serialise: JSON.stringify of each of those views, the in-run yardstick (a view that costs no
 *   more than serialising it is cheap); the sha256 of those texts is printed, so two versions of the
 *   view code can be shown to compute the same views (test/view-hash.spec.ts pins more of them);
 * - scores: EngineRuntime.scores over the session's log every 25 events (about what the 5-second
 *   refresh sees at the load bench's pace), µs per refresh; yardstick: the engine's replay of the
 *   same prefix, which any scoring of the log has to do at least once.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { availableActions, replay, type CompiledScenario } from '@crossroads/scenarios';
import { loadScenarioFile, packageRoot } from '@crossroads/scenarios/node';
import type { LogEvent, RoleView, SessionSettings, TeamRef } from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import type { TeamState } from '../src/catalogue/runtime';
import { diffViews } from '../src/sessions/view-diff';
import { patchIfSmaller } from '../src/sessions/view-versions';

const TEAMS = 4;
const MAX_EVENTS = 600;
const SCORE_EVERY = 25;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

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

export function flagship(): CompiledScenario {
  const loaded = loadScenarioFile(join(packageRoot(), 'catalogue', 'reefer-horgos.yaml'));
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
  return loaded.compiled;
}

export const SETTINGS: SessionSettings = {
  feedbackPolicy: 'debrief_only',
  scoresVisibleToTrainees: false,
  timeRatio: 10,
  language: 'en',
};

const participantId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface Session {
  events: LogEvent[];
  teams: TeamRef[];
}

/** One session played out by its trainees (see the file comment). */
export function playSession(
  runtime: EngineRuntime,
  roles: string[],
  rnd: () => number,
  index: number,
): Session {
  const c = runtime.compiled;
  const teams: TeamRef[] = Array.from({ length: TEAMS }, (_, i) => ({
    id: `s${index}-t${i + 1}`,
    name: `Team ${i + 1}`,
  }));
  const start = Date.UTC(2026, 11, 5, 9, 0, 0);
  const events: LogEvent[] = [];
  const at = () => new Date(start + events.length * 250).toISOString();
  events.push({
    seq: 1,
    at: at(),
    time: null,
    team: null,
    role: null,
    participant: null,
    type: 'session.started',
    payload: { scenario: c.id, version: c.version, teams },
  });
  const states = new Map(teams.map((t) => [t.id, runtime.initialState(t.id)]));
  const context = { settings: SETTINGS, running: true, scores: null };
  // Five trainees a team: the scenario's agencies, the first one twice.
  const seats = [...roles, roles[0] as string];

  const commit = (team: string, event: Omit<LogEvent, 'seq' | 'at' | 'time' | 'team'>) => {
    const state = states.get(team) as TeamState;
    const full = {
      ...event,
      seq: events.length + 1,
      at: at(),
      time: runtime.clock(state),
      team,
    } as LogEvent;
    const outcome = runtime.step(state, full);
    if (!outcome.ok) throw new Error(`generated a rejected event: ${outcome.message}`);
    states.set(team, outcome.state);
    events.push(full);
  };

  while (events.length < MAX_EVENTS) {
    const open = teams.filter((t) => !runtime.ended(states.get(t.id) as TeamState));
    const team = open[Math.floor(rnd() * open.length)];
    if (!team) break;
    const state = states.get(team.id) as TeamState;
    if (rnd() < 0.2) {
      // The facilitator: answers for agencies nobody plays, else the clock moves a minute.
      const answer = availableActions(c, state as never, null).find(
        (a) => a.type === 'request.answered' && a.enabled && a.payload.granted,
      );
      if (answer && answer.type === 'request.answered') {
        commit(team.id, {
          type: 'request.answered',
          role: 'facilitator',
          participant: null,
          payload: { ...answer.payload, reason: 'Granted.' },
        });
      } else {
        commit(team.id, {
          type: 'clock.ticked',
          role: null,
          participant: null,
          payload: { minutes: 1 },
        });
      }
      continue;
    }
    const seat = Math.floor(rnd() * seats.length);
    const role = seats[seat] as string;
    const participant = participantId(index * 100 + teams.indexOf(team) * 10 + seat);
    const view = runtime.view(state, role, { ...context, team });
    const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
    const incoming = view.requests.find(
      (r) => r.direction === 'incoming' && r.status === 'pending',
    );
    if (incoming) {
      commit(team.id, {
        type: 'request.answered',
        role,
        participant,
        payload: { request: incoming.request, granted: true, reason: 'Granted.' },
      });
      continue;
    }
    const decision = pick(view.decisions.filter((d) => d.enabled));
    const signed = decision?.joint?.signatures[0]?.option;
    const option =
      decision?.options.find((o) => o.enabled && o.id === signed) ??
      pick(decision?.options.filter((o) => o.enabled) ?? []);
    if (decision && option) {
      commit(
        team.id,
        decision.joint
          ? {
              type: 'joint.signed',
              role,
              participant,
              payload: { decision: decision.id, option: option.id },
            }
          : {
              type: 'decision.made',
              role,
              participant,
              payload: { decision: decision.id, option: option.id, rationale: 'b', confidence: 3 },
            },
      );
      continue;
    }
    const request = pick(view.sendableRequests.filter((r) => r.enabled));
    if (request) {
      commit(team.id, {
        type: 'request.sent',
        role,
        participant,
        payload: { request: request.id },
      });
      continue;
    }
    // A chat line changes no engine state (no view is computed for it): only the log grows.
    events.push({
      seq: events.length + 1,
      at: at(),
      time: null,
      team: team.id,
      role,
      participant,
      type: 'chat.message',
      payload: { text: 'Waiting for the others.' },
    });
  }
  return { events, teams };
}

/** Each engine-state change of a session, in log order: the team and its new state. */
export function stateSequence(runtime: EngineRuntime, session: Session) {
  const states = new Map<string, TeamState>();
  const out: { team: TeamRef; state: TeamState; seq: number }[] = [];
  for (const event of session.events) {
    const team = session.teams.find((t) => t.id === event.team);
    if (!team) continue;
    const before = states.get(team.id) ?? runtime.initialState(team.id);
    const outcome = runtime.step(before, event);
    if (!outcome.ok) throw new Error(`replay rejected event ${event.seq}: ${outcome.message}`);
    states.set(team.id, outcome.state);
    if (outcome.state !== before) out.push({ team, state: outcome.state, seq: event.seq });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const us = (ms: number, n: number) => ((ms * 1000) / n).toFixed(1);

function main(): void {
  const sessionsCount = arg('sessions', 4);
  const runs = arg('runs', 7);
  const onlyAt = process.argv.indexOf('--only');
  const warm = process.argv.includes('--warm');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const rnd = prng(arg('seed', 7));
  const compiled = flagship();
  const runtime = new EngineRuntime(compiled);
  const roles = compiled.playable;
  const sessions = Array.from({ length: sessionsCount }, (_, i) =>
    playSession(runtime, roles, rnd, i),
  );

  let sink = 0;
  const viewTimes: number[] = [];
  const changeTimes: number[] = [];
  const serialiseTimes: number[] = [];
  let patchesHash = '';
  let viewCount = 0;
  let viewsHash = '';
  // One warm-up run, then the measured ones.
  for (let run = 0; run <= (only === 'scores' ? -1 : runs); run += 1) {
    const sequences = sessions.map((s) => stateSequence(runtime, s));
    // A runtime of its own: what it keeps between views (by state, or by what a state gives a
    // decision) starts empty, so a run does not find the views of the run before. With --warm, the
    // runtime that played the sessions (and viewed the runs before).
    const viewer = warm ? runtime : new EngineRuntime(compiled);
    const views: RoleView[] = [];
    const groups: string[] = [];
    const t0 = performance.now();
    for (const sequence of sequences) {
      for (const { team, state } of sequence) {
        for (const role of roles) {
          views.push(viewer.view(state, role, { team, settings: SETTINGS, running: true }));
          groups.push(`${team.id}\u0000${role}`);
        }
      }
    }
    const t1 = performance.now();
    // Each group's held view, as the host holds it: replaced unless only the minutes changed.
    const held = new Map<string, RoleView>();
    const patches: unknown[] = [];
    for (const [i, view] of views.entries()) {
      const group = groups[i] as string;
      const before = held.get(group);
      if (before === undefined) {
        held.set(group, view);
        continue;
      }
      const diff = diffViews(before, view);
      if (!diff.changed) continue;
      held.set(group, view);
      patches.push(patchIfSmaller(diff.ops, view));
    }
    const t2 = performance.now();
    for (const view of views) sink += JSON.stringify(view).length;
    const t3 = performance.now();
    if (run === runs) {
      // What the views say, to compare two versions of the code (untimed, once: it is slow).
      const hash = createHash('sha256');
      for (const view of views) hash.update(JSON.stringify(view)).update('\n');
      viewsHash = hash.digest('hex');
      const patchHash = createHash('sha256');
      for (const patch of patches) patchHash.update(JSON.stringify(patch)).update('\n');
      patchesHash = patchHash.digest('hex');
    }
    if (run > 0) {
      viewTimes.push(t1 - t0);
      changeTimes.push(t2 - t1);
      serialiseTimes.push(t3 - t2);
    }
    viewCount = views.length;
  }

  const scoreTimes: number[] = [];
  const replayTimes: number[] = [];
  let refreshes = 0;
  for (let run = 0; run <= (only === 'views' ? -1 : runs); run += 1) {
    let scoring = 0;
    let replaying = 0;
    refreshes = 0;
    for (const session of sessions) {
      for (let end = SCORE_EVERY; end <= session.events.length; end += SCORE_EVERY) {
        const prefix = session.events.slice(0, end);
        const t0 = performance.now();
        sink += runtime.scores(prefix, runtime.rubricVersion).size;
        const t1 = performance.now();
        sink += replay(compiled, prefix as never, { via: 'reducer' }).rejected.length;
        const t2 = performance.now();
        scoring += t1 - t0;
        replaying += t2 - t1;
        refreshes += 1;
      }
    }
    if (run > 0) {
      scoreTimes.push(scoring);
      replayTimes.push(replaying);
    }
  }

  const events = sessions.reduce((n, s) => n + s.events.length, 0);
  const changes = sessions.reduce((n, s) => n + stateSequence(runtime, s).length, 0);
  const view = median(viewTimes);
  const change = median(changeTimes);
  const serialise = median(serialiseTimes);
  const score = median(scoreTimes);
  const replayed = median(replayTimes);
  process.stdout.write(
    [
      `scenario ${compiled.id} ${compiled.version}: ${sessionsCount} sessions of ${TEAMS} teams, ${events} events, ${changes} engine-state changes, ${roles.length} agencies`,
      `views      ${viewCount} per run: ${us(view, viewCount)} us per view (median of ${runs} runs${warm ? ', one runtime for all' : ''})`,
      `           sha256 of their JSON: ${viewsHash || '-'}`,
      `diff+patch the same views against each group's held one: ${us(change, viewCount)} us per view`,
      `           sha256 of the patches' JSON: ${patchesHash || '-'}`,
      `serialise  the same views: ${us(serialise, viewCount)} us per view; views / serialise = ${(view / serialise).toFixed(2)}x`,
      `scores     ${refreshes} refreshes (every ${SCORE_EVERY} events): ${us(score, refreshes)} us per refresh`,
      `replay     the same prefixes: ${us(replayed, refreshes)} us per replay; scores / replay = ${(score / replayed).toFixed(2)}x`,
      `(checksum ${sink})`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) main();
