import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ErrorCode } from '@crossroads/shared';
import {
  initialState,
  logEventSchema,
  replay,
  step,
  teamStateSchema,
  viewFor,
} from '@crossroads/scenarios';
import type { LogEvent, TeamState } from '@crossroads/scenarios';
import { fixture, loadMini } from './helpers';

const mini = loadMini();
const log = (): LogEvent[] =>
  readFileSync(fixture('mini.events.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => logEventSchema.parse(JSON.parse(l)) as LogEvent);

/** Final states and every agency's view: what the golden file holds. */
function outcome(teams: Record<string, TeamState>) {
  return Object.fromEntries(
    Object.entries(teams).map(([id, s]) => [
      id,
      {
        state: s,
        views: Object.fromEntries(
          ['facilitator', ...mini.agencies.keys()].map((r) => [r, viewFor(mini, s, r)]),
        ),
      },
    ]),
  );
}

describe('golden replay of a scripted session (two teams)', () => {
  const golden = fixture('mini.golden.json');

  it('reproduces the stored final states and views (UPDATE_GOLDEN=1 rewrites the file)', () => {
    const r = replay(mini, log());
    const got = JSON.parse(
      JSON.stringify({ rejected: r.rejected, teams: outcome(r.teams) }),
    ) as unknown;
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(golden, `${JSON.stringify(got, null, 2)}\n`);
    expect(existsSync(golden)).toBe(true);
    expect(got).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('gives identical JSON on every run, through the machine, through the reducer, and step by step', () => {
    const a = JSON.stringify(replay(mini, log()));
    const b = JSON.stringify(replay(mini, log()));
    const viaMachine = replay(mini, log(), { via: 'machine' });
    expect(b).toBe(a);
    expect(JSON.stringify(viaMachine)).toBe(a);
    const states: Record<string, TeamState> = {};
    for (const e of log()) {
      if (e.type === 'session.started') {
        for (const t of (e.payload as { teams: { id: string }[] }).teams)
          states[t.id] = initialState(mini, t.id);
        continue;
      }
      const targets = e.team
        ? [e.team]
        : e.type === 'clock.ticked' || e.type === 'inject.released'
          ? Object.keys(states)
          : [];
      for (const t of targets) {
        const r = step(mini, states[t] as TeamState, e);
        if (r.ok) states[t] = r.state;
      }
    }
    expect(JSON.stringify(states)).toBe(JSON.stringify(viaMachine.teams));
  });

  it('reports the rejected events with their reasons and ends both teams as scripted', () => {
    const r = replay(mini, log());
    expect(r.rejected.map((x) => [x.seq, x.team, x.code])).toEqual([
      [5, 'team-a', ErrorCode.RequestPending],
      [25, 'team-b', ErrorCode.ConditionNotMet],
      [27, 'team-b', ErrorCode.Ended],
    ]);
    expect(r.teams['team-a']?.ended?.ending).toBe('conviction');
    expect(r.teams['team-b']?.ended?.ending).toBe('acquittal');
    for (const s of Object.values(r.teams)) expect(teamStateSchema.safeParse(s).success).toBe(true);
    // broadcast events reached both teams
    expect(r.teams['team-a']?.injects.journalist?.by).toBe('facilitator');
    expect(r.teams['team-b']?.injects.journalist?.by).toBe('facilitator');
  });

  it('a replayed state can be stepped further (the machine snapshot is rebuilt)', () => {
    const events = log().slice(0, 10);
    const r = replay(mini, events);
    const s = r.teams['team-a'] as TeamState;
    const next = step(mini, s, {
      seq: 99,
      team: 'team-a',
      role: 'border_police',
      participant: null,
      type: 'decision.made',
      payload: { decision: 'interview_amir', option: 'certified' },
    });
    expect(next.ok).toBe(true);
  });
});
