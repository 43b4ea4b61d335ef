import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ErrorCode } from '@crossroads/shared';
import {
  applyEvent,
  checkEvent,
  initialState,
  replay,
  step,
  teamStateSchema,
  viewFor,
} from '@crossroads/scenarios';
import type { Emitted, LogLine, StepEvent, TeamState } from '@crossroads/scenarios';
import { parseEventLog } from '../src/scoring';
import { fixture, loadMini } from './helpers';

const mini = loadMini();
const log = (): LogLine[] => {
  const { events, errors } = parseEventLog(readFileSync(fixture('mini.events.jsonl'), 'utf8'));
  expect(errors).toEqual([]);
  return events;
};

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

describe('events the live server adds', () => {
  it('pass through replay unreported and change nothing, session-level or per team', () => {
    const extra = (seq: number, type: string, team: string | null): LogLine => ({
      seq,
      team,
      role: null,
      participant: team ? `${team}:border_police` : null,
      type,
      payload: { anything: true },
    });
    const types = [
      'participant.joined',
      'participant.moved',
      'participant.left',
      'broadcast.sent',
      'debrief.released',
      'settings.changed',
      'something.new',
    ];
    const base = log();
    const mixed: LogLine[] = [];
    let seq = 1000;
    for (const e of base) {
      mixed.push(e);
      for (const t of types) mixed.push(extra(seq++, t, e.seq % 2 === 0 ? 'team-a' : null));
    }
    const plain = replay(mini, base);
    const withExtra = replay(mini, mixed);
    expect(withExtra.rejected.map((x) => [x.seq, x.code])).toEqual(
      plain.rejected.map((x) => [x.seq, x.code]),
    );
    const strip = (s: TeamState | undefined) => ({ ...s, seq: 0 });
    expect(strip(withExtra.teams['team-b'])).toEqual(strip(plain.teams['team-b']));
    expect(withExtra.teams['team-a']?.acts).toEqual(plain.teams['team-a']?.acts);
  });

  it('still rejects malformed engine events', () => {
    const r = replay(mini, [
      ...log().slice(0, 1),
      {
        seq: 2,
        team: 'team-a',
        role: 'border_police',
        participant: null,
        type: 'decision.made',
        payload: {},
      },
    ]);
    expect(r.rejected.map((x) => x.code)).toEqual([ErrorCode.InvalidPayload]);
  });
});

describe('the public hooks for readers of a log (scoring)', () => {
  it('replay onEvent reports every accepted engine event with the states before and after and what was emitted', () => {
    const seen: {
      seq: number;
      team: string;
      before: TeamState;
      after: TeamState;
      emitted: Emitted[];
    }[] = [];
    const r = replay(mini, log(), {
      onEvent: (ev, before, after, emitted) =>
        seen.push({ seq: ev.seq ?? -1, team: after.team, before, after, emitted }),
    });
    const plain = replay(mini, log());
    expect(JSON.stringify(r.teams)).toBe(JSON.stringify(plain.teams));
    const engineEvents = log().filter(
      (e) =>
        ![
          'session.started',
          'session.paused',
          'session.resumed',
          'session.ended',
          'chat.message',
        ].includes(e.type),
    );
    // each engine event reaches one team (or both, when broadcast), minus the rejected ones
    expect(seen.length).toBeGreaterThan(engineEvents.length - plain.rejected.length - 1);
    for (const team of ['team-a', 'team-b']) {
      const mine = seen.filter((x) => x.team === team);
      // states chain: each `after` is the next `before`, and the last is the final state
      for (let i = 1; i < mine.length; i++) expect(mine[i]?.before).toBe(mine[i - 1]?.after);
      expect(mine[mine.length - 1]?.after).toBe(r.teams[team]);
      // `before` was not changed by later events: applying the event again gives `after`
      for (const x of mine) {
        const ev = log().find((e) => e.seq === x.seq) as StepEvent;
        const again = applyEvent(mini, x.before, { ...ev, team });
        expect(again.ok && JSON.stringify(again.state)).toBe(JSON.stringify(x.after));
        expect(again.ok && again.emitted).toEqual(x.emitted);
      }
    }
    expect(seen.some((x) => x.emitted.some((e) => e.kind === 'ended'))).toBe(true);
    const viaMachine: number[] = [];
    replay(mini, log(), { via: 'machine', onEvent: (ev) => viaMachine.push(ev.seq ?? -1) });
    expect(viaMachine).toEqual(seen.map((x) => x.seq));
  });

  it('applyEvent equals step(), copy-on-write or in place, and checkEvent says what step() would reject', () => {
    const s = initialState(mini, 't');
    const ev: StepEvent = {
      seq: 1,
      team: 't',
      role: 'border_police',
      participant: null,
      type: 'decision.made',
      payload: { decision: 'open_van', option: 'open_and_triage' },
    };
    const before = JSON.stringify(s);
    const a = applyEvent(mini, s, ev);
    const b = step(mini, s, ev);
    expect(JSON.stringify(s)).toBe(before);
    expect(a.ok && b.ok && JSON.stringify(a.state) === JSON.stringify(b.state)).toBe(true);
    expect(a.ok && b.ok && a.emitted).toEqual(b.ok && b.emitted);
    const own = JSON.parse(before) as TeamState;
    const c = applyEvent(mini, own, ev, { inPlace: true });
    expect(c.ok && c.state).toBe(own);
    expect(JSON.stringify(own)).toBe(a.ok ? JSON.stringify(a.state) : '');
    expect(checkEvent(mini, s, ev)).toEqual({ ok: true, passThrough: false });
    expect(checkEvent(mini, s, { ...ev, type: 'chat.message' })).toEqual({
      ok: true,
      passThrough: true,
    });
    expect(checkEvent(mini, s, { ...ev, payload: { decision: 'open_van' } })).toMatchObject({
      ok: false,
      code: ErrorCode.InvalidPayload,
    });
  });
});
