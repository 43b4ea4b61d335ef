/**
 * Live scores: SessionViews.refreshScores feeds the session's scorer only the events after the last
 * one it scored and rescores only the teams they reached. After every refresh the cached scores must
 * equal a full rescoring of the whole log (EngineRuntime.scores, a debrief of every event), on
 * sessions of every catalogue scenario played by four teams of random agencies, also when two
 * refreshes run at once and after a failed read of the log.
 */
import { availableActions, prng, type TeamState as EngineState } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import type { LogEvent, Scores } from '@crossroads/shared';
import type { AccountsService } from '../src/accounts/accounts.service';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import type { TeamState } from '../src/catalogue/runtime';
import { LiveSession } from '../src/sessions/live-session';
import type { SessionRow, SessionStore } from '../src/sessions/session-store';
import { SessionViews } from '../src/sessions/session-views';

const scenarios = loadCatalogue().flatMap((entry) => (entry.ok ? [entry.compiled] : []));
if (scenarios.length === 0) throw new Error('the scenario catalogue has no valid scenario');

const TEAMS = ['t1', 't2', 't3', 't4'].map((id) => ({ id, name: `Team ${id}` }));

/**
 * A session log as a host writes it: started, then random enabled actions of a random team (its
 * agencies or the facilitator, clock ticks one team at a time), and maybe ended.
 */
function playLog(runtime: EngineRuntime, seed: number, length: number, end: boolean): LogEvent[] {
  const c = runtime.compiled;
  const rnd = prng(seed);
  const roles: (string | null)[] = [...c.playable, null];
  const states = new Map<string, TeamState>(TEAMS.map((t) => [t.id, runtime.initialState(t.id)]));
  const at = (seq: number) => new Date(Date.UTC(2026, 11, 5) + seq * 1000).toISOString();
  const log: LogEvent[] = [
    {
      seq: 1,
      at: at(1),
      time: 0,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: { scenario: c.id, version: c.version, teams: TEAMS },
    } as LogEvent,
  ];
  while (log.length < length) {
    const team = TEAMS[Math.floor(rnd() * TEAMS.length)]?.id ?? 't1';
    const state = states.get(team);
    if (state === undefined || runtime.ended(state)) {
      if ([...states.values()].every((s) => runtime.ended(s))) break;
      continue;
    }
    const options = roles.flatMap((role) =>
      availableActions(c, state as unknown as EngineState, role)
        .filter((a) => a.enabled && (a.type !== 'clock.ticked' || rnd() < 0.2))
        .map((action) => ({ role, action })),
    );
    const chosen = options[Math.floor(rnd() * options.length)];
    const seq = log.length + 1;
    const event = {
      seq,
      at: at(seq),
      time: runtime.clock(state),
      team,
      role: chosen?.role ?? null,
      participant: chosen?.role ? `${team}:${chosen.role}` : null,
      type: chosen?.action.type ?? 'clock.ticked',
      payload: chosen?.action.payload ?? { minutes: 5 },
    } as LogEvent;
    const outcome = runtime.step(state, event);
    if (!outcome.ok) throw new Error(`a random action was rejected: ${outcome.message}`);
    states.set(team, outcome.state);
    log.push(event);
  }
  if (end) {
    const seq = log.length + 1;
    log.push({
      seq,
      at: at(seq),
      time: 0,
      team: null,
      role: null,
      participant: null,
      type: 'session.ended',
      payload: {},
    } as LogEvent);
  }
  return log;
}

/** The store's log as far as it was written, and a read that can be made to fail once. */
class Log {
  written: LogEvent[] = [];
  reads: number[] = [];
  failNext = false;
  eventsAfter(_session: string, after: number): Promise<LogEvent[]> {
    this.reads.push(after);
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('database is locked'));
    }
    return Promise.resolve(this.written.filter((e) => e.seq > after));
  }
}

function session(runtime: EngineRuntime, log: Log) {
  const row = {
    id: 's1',
    scenario_id: runtime.id,
    scenario_version: runtime.version,
    rubric_version: null,
    settings: JSON.stringify({
      feedbackPolicy: 'hints',
      scoresVisibleToTrainees: true,
      timeRatio: 0,
      language: 'en',
    }),
    status: 'running',
  } as SessionRow;
  const live = new LiveSession(row, runtime, TEAMS);
  const views = new SessionViews(log as unknown as SessionStore, {} as AccountsService);
  return { live, views };
}

const entries = (scores: Map<string, Scores> | undefined) =>
  [...(scores ?? new Map<string, Scores>())].sort(([a], [b]) => (a < b ? -1 : 1));

describe.each(scenarios.map((c) => [c.id, c] as const))('live scores of %s', (_id, compiled) => {
  it.each([
    [1, true],
    [2, false],
    [3, true],
  ])(
    'equal a full rescoring of the log after every refresh (seed %i, ended %s)',
    async (seed, end) => {
      const runtime = new EngineRuntime(compiled);
      const played = playLog(runtime, seed, 240, end);
      expect(played.length).toBeGreaterThan(60);
      const log = new Log();
      const { live, views } = session(runtime, log);
      const rnd = prng(seed * 7);
      let full = new Map<string, Scores>();
      let differed = 0;
      for (let round = 0; log.written.length < played.length; round += 1) {
        const from = log.written.length;
        log.written = played.slice(0, from + 1 + Math.floor(rnd() * 30));
        live.head = log.written.length;
        const before = full;
        full = runtime.scores(log.written, null);
        let changed: string[];
        if (round % 5 === 3) {
          // Two refreshes at once (the timer and a connection) read overlapping events.
          const [a, b] = await Promise.all([views.refreshScores(live), views.refreshScores(live)]);
          changed = [...new Set([...a, ...b])];
        } else changed = await views.refreshScores(live);
        expect(live.scoreCache?.seq).toBe(log.written.length);
        expect(entries(live.scoreCache?.scores)).toEqual(entries(full));
        const expected = TEAMS.map((t) => t.id).filter(
          (t) => JSON.stringify(before.get(t) ?? null) !== JSON.stringify(full.get(t) ?? null),
        );
        if (round % 5 !== 3) expect(changed).toEqual(expected);
        if (expected.length > 0 && before.size > 0) differed += 1;
        // Only the first refresh reads the log from the start.
        expect(log.reads.at(-1)).toBe(round === 0 ? 0 : from);
      }
      // The scores moved during the session, so the comparisons were not all of unchanged scores.
      expect(differed).toBeGreaterThan(0);
    },
  );
});

describe('live scores after a failed read of the log', () => {
  it('start again from the whole log and equal a full rescoring', async () => {
    const compiled = scenarios.find((c) => c.id === 'reefer-horgos') ?? scenarios[0];
    if (!compiled) throw new Error('no scenario');
    const runtime = new EngineRuntime(compiled);
    const played = playLog(runtime, 5, 120, false);
    const log = new Log();
    const { live, views } = session(runtime, log);
    log.written = played.slice(0, 60);
    live.head = 60;
    await views.refreshScores(live);
    log.written = played;
    live.head = played.length;
    log.failNext = true;
    await views.refreshScores(live);
    expect(live.scoreCache?.scores.size).toBe(0);
    await views.refreshScores(live);
    expect(log.reads).toEqual([0, 60, 0]);
    expect(entries(live.scoreCache?.scores)).toEqual(entries(runtime.scores(played, null)));
  });
});
