import type { SessionUpdate } from '@crossroads/shared';
import {
  consoleReducer,
  initialConsoleState,
  requestsForFacilitator,
  type ConsoleState,
} from '../src/facilitator/consoleState';
import { card, event, P1, P2, snapshot } from './facilitator-fixtures';

function started(): ConsoleState {
  return consoleReducer(initialConsoleState, { type: 'snapshot', snapshot: snapshot() });
}

function update(seq: number, extra: Partial<SessionUpdate> = {}): SessionUpdate {
  return { seq, status: 'running', event: null, ...extra };
}

describe('console state', () => {
  test('a snapshot replaces everything, and updates before it are ignored', () => {
    const early = consoleReducer(initialConsoleState, {
      type: 'update',
      update: update(9, { event: event(9, 'broadcast.sent', { message: 'too early' }) }),
    });
    expect(early).toBe(initialConsoleState);
    const state = started();
    expect(state.ready).toBe(true);
    expect(state.seq).toBe(3);
    expect(state.teams.map((c) => c.team.id)).toEqual(['team-a', 'team-b']);
    expect(state.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    // A second snapshot wins over whatever was applied in between.
    const after = consoleReducer(
      consoleReducer(state, {
        type: 'update',
        update: update(4, { event: event(4, 'session.paused', {}) }),
      }),
      { type: 'snapshot', snapshot: snapshot({ seq: 10, events: [] }) },
    );
    expect(after.seq).toBe(10);
    expect(after.events).toEqual([]);
    expect(after.session?.status).toBe('running');
  });

  test('updates apply in seq order: the event is appended and changed cards replace old ones', () => {
    const moved = card('team-b', { phase: { id: 'p2', title: 'The interview' } });
    const state = consoleReducer(started(), {
      type: 'update',
      update: update(4, {
        event: event(4, 'decision.made', { decision: 'd1', option: 'o1' }, { team: 'team-b' }),
        teams: [moved],
      }),
    });
    expect(state.seq).toBe(4);
    expect(state.events.at(-1)?.seq).toBe(4);
    expect(state.teams.find((c) => c.team.id === 'team-b')?.phase.id).toBe('p2');
    expect(state.teams.find((c) => c.team.id === 'team-a')?.phase.id).toBe('p1');
    expect(state.gap).toBe(false);
  });

  test('a card patch applies to the card of its base version; its decisions name the timeline', () => {
    const decision = {
      seq: 4,
      at: '2026-03-02T09:00:00.000Z',
      time: 35,
      role: 'border_police',
      participant: P1,
      decision: 'd-search',
      decisionTitle: 'Search the truck',
      option: 'o-warrant',
      optionLabel: 'With a warrant',
    };
    const before = started();
    const state = consoleReducer(before, {
      type: 'update',
      update: update(4, {
        event: event(4, 'decision.made', { decision: 'd-search', option: 'o-warrant' }),
        teamPatches: [
          {
            team: 'team-b',
            base: 'b1',
            version: 'b2',
            ops: [
              { op: 'add', path: '/lastDecisions/0', value: decision },
              { op: 'replace', path: '/clock/minutes', value: 35 },
            ],
          },
        ],
      }),
    });
    const teamB = state.teams.find((c) => c.team.id === 'team-b');
    expect(teamB?.lastDecisions).toEqual([decision]);
    expect(teamB?.clock.minutes).toBe(35);
    expect(state.teamVersions).toEqual({ 'team-a': 'a1', 'team-b': 'b2' });
    expect(state.teams.find((c) => c.team.id === 'team-a')).toBe(before.teams[0]);
    expect(state.labels['decision:d-search']).toBe('Search the truck');
    expect(state.gap).toBe(false);

    // A whole card brings its version: the next patch names that one.
    const whole = consoleReducer(state, {
      type: 'update',
      update: update(5, {
        teams: [card('team-a', { phase: { id: 'p2', title: 'The interview' } })],
        teamVersions: { 'team-a': 'a7' },
      }),
    });
    expect(whole.teamVersions['team-a']).toBe('a7');
    const patched = consoleReducer(whole, {
      type: 'update',
      update: update(6, {
        teamPatches: [
          {
            team: 'team-a',
            base: 'a7',
            version: 'a8',
            ops: [{ op: 'replace', path: '/ended', value: { id: 'e1', title: 'Charged' } }],
          },
        ],
      }),
    });
    const teamA = patched.teams.find((c) => c.team.id === 'team-a');
    expect([teamA?.phase.id, teamA?.ended?.id, patched.teamVersions['team-a']]).toEqual([
      'p2',
      'e1',
      'a8',
    ]);
  });

  test('a card patch for another version is not applied and asks for a snapshot', () => {
    const before = started();
    const state = consoleReducer(before, {
      type: 'update',
      update: update(4, {
        event: event(4, 'broadcast.sent', { message: 'hi' }),
        teamPatches: [
          {
            team: 'team-b',
            base: 'b0',
            version: 'b2',
            ops: [{ op: 'replace', path: '/clock/minutes', value: 99 }],
          },
          {
            team: 'team-a',
            base: 'a1',
            version: 'a2',
            ops: [{ op: 'replace', path: '/clock/minutes', value: 40 }],
          },
        ],
      }),
    });
    // The other card's patch and the rest of the update still apply.
    expect(state.teams.map((c) => c.clock.minutes)).toEqual([40, 30]);
    expect(state.teamVersions).toEqual({ 'team-a': 'a2', 'team-b': 'b1' });
    expect(state.broadcasts.map((b) => b.message)).toEqual(['hi']);
    expect(state.gap).toBe(true);
    // A snapshot is the fresh start the hook asks for.
    expect(consoleReducer(state, { type: 'snapshot', snapshot: snapshot({ seq: 5 }) }).gap).toBe(
      false,
    );
    // A patch for a team whose card is not held, or whose card came without a version, neither.
    const unknown = consoleReducer(before, {
      type: 'update',
      update: update(4, {
        teams: [card('team-b')],
        teamPatches: [
          { team: 'team-c', base: 'c1', version: 'c2', ops: [] },
          { team: 'team-b', base: 'b1', version: 'b2', ops: [] },
        ],
      }),
    });
    expect(unknown.gap).toBe(true);
    expect(unknown.teamVersions['team-b']).toBeUndefined();
  });

  test('a duplicate or out-of-order update is ignored', () => {
    const four = consoleReducer(started(), {
      type: 'update',
      update: update(4, { event: event(4, 'broadcast.sent', { message: 'first' }) }),
    });
    const duplicate = consoleReducer(four, {
      type: 'update',
      update: update(4, { event: event(4, 'broadcast.sent', { message: 'first' }) }),
    });
    expect(duplicate).toBe(four);
    const older = consoleReducer(four, {
      type: 'update',
      update: update(2, { event: event(2, 'session.paused', {}), status: 'paused' }),
    });
    expect(older).toBe(four);
    expect(four.broadcasts.map((b) => b.message)).toEqual(['first']);
  });

  test('a jump in seq is applied but flagged, so the console asks for a snapshot', () => {
    const state = consoleReducer(started(), {
      type: 'update',
      update: update(7, {
        event: event(7, 'session.paused', { reason: 'Break' }),
        status: 'paused',
      }),
    });
    expect(state.gap).toBe(true);
    expect(state.seq).toBe(7);
    expect(state.session?.status).toBe('paused');
    expect(state.pause).toEqual({ reason: 'Break' });
    const synced = consoleReducer(state, { type: 'snapshot', snapshot: snapshot({ seq: 7 }) });
    expect(synced.gap).toBe(false);
  });

  test('session events change the status, pause reason and debrief flag', () => {
    let state = started();
    const steps: [number, Parameters<typeof event>[1], object, string][] = [
      [4, 'session.paused', { kind: 'wellbeing', note: 'back at 11', lang: 'en' }, 'paused'],
      [5, 'session.resumed', {}, 'running'],
      [6, 'session.ended', {}, 'ended'],
    ];
    for (const [seq, type, payload, status] of steps) {
      state = consoleReducer(state, {
        type: 'update',
        update: update(seq, {
          event: event(seq, type, payload as never),
          status: status as SessionUpdate['status'],
        }),
      });
      expect(state.session?.status).toBe(status);
      if (type === 'session.paused')
        expect(state.pause).toEqual({ kind: 'wellbeing', note: 'back at 11', lang: 'en' });
    }
    expect(state.pause).toBeNull();
    state = consoleReducer(state, {
      type: 'update',
      update: update(7, { event: event(7, 'debrief.released', {}), status: 'ended' }),
    });
    expect(state.session?.debriefReleased).toBe(true);
  });

  test('released injects, chat, broadcasts and notes are kept from their events', () => {
    let state = started();
    state = consoleReducer(state, {
      type: 'update',
      update: update(4, {
        event: event(4, 'inject.released', { inject: 'inj-news' }, { team: 'team-b' }),
      }),
    });
    state = consoleReducer(state, {
      type: 'update',
      update: update(5, {
        event: event(
          5,
          'chat.message',
          { text: 'Where is the interpreter?' },
          { team: 'team-a', participant: P1, role: 'border_police' },
        ),
      }),
    });
    state = consoleReducer(state, {
      type: 'update',
      update: update(6, { event: event(6, 'note.pinned', { seq: 5, text: 'Good question' }) }),
    });
    expect(state.injects.find((i) => i.id === 'inj-news')?.releasedTo).toEqual(['team-b']);
    expect(state.chat).toEqual([
      expect.objectContaining({
        seq: 5,
        team: 'team-a',
        displayName: 'Ana',
        text: 'Where is the interpreter?',
      }),
    ]);
    expect(state.notes).toEqual([
      expect.objectContaining({ seq: 6, about: 5, text: 'Good question', author: null }),
    ]);
  });

  test('an update or batch carrying injects replaces the list (automatic releases have no event)', () => {
    const state = started();
    const released = state.injects.map((inject) =>
      inject.id === 'inj-timed' ? { ...inject, releasedTo: ['team-a', 'team-b'] } : inject,
    );
    // A clock tick whose engine step released the timed inject to team-b.
    const ticked = consoleReducer(state, {
      type: 'update',
      update: update(4, {
        event: event(4, 'clock.ticked', { minutes: 60 }, { team: 'team-b' }),
        injects: released,
      }),
    });
    expect(ticked.injects).toBe(released);
    expect(ticked.injects.find((i) => i.id === 'inj-timed')?.releasedTo).toEqual([
      'team-a',
      'team-b',
    ]);
    // A duplicate or older update carrying a stale list is still ignored.
    const stale = state.injects;
    expect(consoleReducer(ticked, { type: 'update', update: update(4, { injects: stale }) })).toBe(
      ticked,
    );
    expect(consoleReducer(ticked, { type: 'update', update: update(3, { injects: stale }) })).toBe(
      ticked,
    );
    // An update without injects keeps the list.
    const later = consoleReducer(ticked, { type: 'update', update: update(5) });
    expect(later.injects).toBe(released);
    // A catch-up batch with injects replaces the list too; one without (older server) keeps it.
    const batch = {
      fromSeq: 5,
      status: 'running' as const,
      events: [],
      view: null,
      viewVersion: null,
      teams: [],
      teamVersions: {},
    };
    const caughtUp = consoleReducer(later, {
      type: 'events',
      batch: { ...batch, seq: 6, injects: stale },
    });
    expect(caughtUp.injects).toBe(stale);
    expect(consoleReducer(caughtUp, { type: 'events', batch: { ...batch, seq: 7 } }).injects).toBe(
      stale,
    );
  });

  test('a clock tick without cards moves the team clock; cards sent with it are the truth', () => {
    const ticked = consoleReducer(started(), {
      type: 'update',
      update: update(4, { event: event(4, 'clock.ticked', { minutes: 15 }, { team: 'team-a' }) }),
    });
    expect(ticked.teams.find((c) => c.team.id === 'team-a')?.clock.minutes).toBe(45);
    const withCard = consoleReducer(started(), {
      type: 'update',
      update: update(4, {
        event: event(4, 'clock.ticked', { minutes: 15 }, { team: 'team-a' }),
        teams: [card('team-a', { clock: { minutes: 50, running: true, limitMinutes: 480 } })],
      }),
    });
    expect(withCard.teams.find((c) => c.team.id === 'team-a')?.clock.minutes).toBe(50);
  });

  test('a catch-up batch appends only the events not seen yet and replaces the cards', () => {
    const state = consoleReducer(started(), {
      type: 'events',
      batch: {
        seq: 6,
        fromSeq: 2,
        status: 'paused',
        events: [
          event(3, 'session.started', { scenario: 'van', version: '1.0.0', teams: [] }),
          event(5, 'session.paused', { reason: 'Break' }),
          event(6, 'broadcast.sent', { message: 'Back at 11' }),
        ],
        view: null,
        viewVersion: null,
        teams: [card('team-a', { phase: { id: 'p3', title: 'Charges' } })],
        teamVersions: { 'team-a': 'a3' },
      },
    });
    expect(state.events.map((e) => e.seq)).toEqual([1, 2, 3, 5, 6]);
    expect(state.seq).toBe(6);
    expect(state.session?.status).toBe('paused');
    expect(state.broadcasts.map((b) => b.message)).toEqual(['Back at 11']);
    expect(state.teams.map((c) => c.phase.id)).toEqual(['p3']);
    // The same batch again changes nothing.
    const again = consoleReducer(state, {
      type: 'events',
      batch: {
        seq: 6,
        fromSeq: 2,
        status: 'paused',
        events: [event(6, 'broadcast.sent', { message: 'Back at 11' })],
        view: null,
        viewVersion: null,
        teams: [],
        teamVersions: {},
      },
    });
    expect(again.broadcasts).toHaveLength(1);
  });

  test('an older lobby is ignored; presence changes reach the lobby and the cards', () => {
    const state = started();
    const newer = consoleReducer(state, {
      type: 'lobby',
      message: { seq: 5, lobby: { teams: [], unassigned: [] } },
    });
    expect(newer.lobby.unassigned).toEqual([]);
    const older = consoleReducer(newer, {
      type: 'lobby',
      message: { seq: 4, lobby: snapshot().lobby },
    });
    expect(older).toBe(newer);

    const away = consoleReducer(state, {
      type: 'presence',
      message: { participant: P1, presence: 'away', at: '2026-11-29T09:05:00.000Z' },
    });
    expect(away.lobby.teams[0]?.members[0]?.presence).toBe('away');
    expect(away.teams[0]?.members[0]?.presence).toBe('away');
    const left = consoleReducer(away, {
      type: 'presence',
      message: { participant: P2, presence: 'left', at: '2026-11-29T09:06:00.000Z' },
    });
    expect(left.lobby.unassigned[0]?.presence).toBe('left');
  });

  test('titles on cards name decisions and requests in the timeline later', () => {
    const state = consoleReducer(started(), {
      type: 'update',
      update: update(4, {
        event: event(
          4,
          'request.sent',
          { request: 'r-warrant' },
          { team: 'team-a', role: 'prosecutor' },
        ),
        teams: [
          card('team-a', {
            pendingRequests: [
              {
                instance: 'r-warrant#1',
                request: 'r-warrant',
                title: 'Search warrant',
                from: 'prosecutor',
                to: 'judge',
                status: 'pending',
                sentAt: 40,
                answeredAt: null,
                reason: null,
                direction: 'outgoing',
                facilitatorAnswers: true,
              },
            ],
          }),
        ],
      }),
    });
    expect(state.labels['request:r-warrant']).toBe('Search warrant');
    expect(state.labels['request:r-warrant#1']).toBe('Search warrant');
    expect(requestsForFacilitator(state.teams)).toEqual([
      expect.objectContaining({ team: { id: 'team-a', name: 'Team A' } }),
    ]);
  });
});

test('the staff snapshot names answered requests and older decisions, not only pending ones', () => {
  const state = consoleReducer(initialConsoleState, {
    type: 'snapshot',
    snapshot: {
      ...snapshot(),
      labels: {
        'request:req_judge_device': { en: 'Court order to search the phone', 'sr-Latn': 'Nalog' },
        'decision:d-old': 'Detain the driver',
        'option:d-old:yes': 'Yes',
      },
    },
  });
  expect(state.labels['request:req_judge_device']).toEqual({
    en: 'Court order to search the phone',
    'sr-Latn': 'Nalog',
  });
  expect(state.labels['decision:d-old']).toBe('Detain the driver');
  expect(state.labels['option:d-old:yes']).toBe('Yes');
});

test('clock ticks move the cards but stay out of the timeline', () => {
  let state = started();
  for (let seq = 4; seq < 14; seq += 1) {
    state = consoleReducer(state, {
      type: 'update',
      update: update(seq, {
        event: event(seq, 'clock.ticked', { minutes: 1 }, { team: 'team-b' }),
      }),
    });
  }
  expect(state.seq).toBe(13);
  expect(state.gap).toBe(false);
  expect(state.events.map((e) => e.type)).not.toContain('clock.ticked');
  expect(state.teams.find((c) => c.team.id === 'team-b')?.clock.minutes).toBe(40);
});

describe('live scores pushed to the console (session.rescored)', () => {
  const scored = {
    team: 'team-b',
    base: 'b1',
    version: 'b2',
    ops: [
      {
        op: 'replace' as const,
        path: '/scores',
        value: { evidence: 4, rights: -2, redLines: [] } as unknown,
      },
    ],
  };

  test("patches the team's card on the version held, leaving the seq and the timeline", () => {
    const before = started();
    const state = consoleReducer(before, {
      type: 'rescored',
      rescored: { seq: 3, teamPatches: [scored] },
    });
    expect(state.teams.find((c) => c.team.id === 'team-b')?.scores).toEqual({
      evidence: 4,
      rights: -2,
      redLines: [],
    });
    expect(state.teamVersions).toEqual({ 'team-a': 'a1', 'team-b': 'b2' });
    expect(state).toMatchObject({ seq: 3, gap: false });
    expect(state.events).toBe(before.events);
    // The next update (seq 4) is applied, on the new version.
    const next = consoleReducer(state, {
      type: 'update',
      update: update(4, {
        teamPatches: [
          {
            team: 'team-b',
            base: 'b2',
            version: 'b3',
            ops: [{ op: 'replace', path: '/clock/minutes', value: 41 }],
          },
        ],
      }),
    });
    expect(next).toMatchObject({ seq: 4, gap: false, teamVersions: { 'team-b': 'b3' } });
  });

  test('a whole card replaces the held one with its version', () => {
    const state = consoleReducer(started(), {
      type: 'rescored',
      rescored: {
        seq: 3,
        teams: [card('team-a', { scores: { evidence: 1, rights: 1, redLines: [] } })],
        teamVersions: { 'team-a': 'a9' },
      },
    });
    expect(state.teams.find((c) => c.team.id === 'team-a')?.scores?.evidence).toBe(1);
    expect(state.teamVersions['team-a']).toBe('a9');
  });

  test('a patch on another version is not applied and asks for a snapshot', () => {
    const before = started();
    const state = consoleReducer(before, {
      type: 'rescored',
      rescored: { seq: 3, teamPatches: [{ ...scored, base: 'b0' }] },
    });
    expect(state.teams).toEqual(before.teams);
    expect(state).toMatchObject({ seq: 3, gap: true, teamVersions: before.teamVersions });
  });

  test('an older one, or one before the snapshot, is ignored', () => {
    expect(
      consoleReducer(initialConsoleState, {
        type: 'rescored',
        rescored: { seq: 3, teamPatches: [scored] },
      }),
    ).toBe(initialConsoleState);
    const before = started();
    expect(
      consoleReducer(before, { type: 'rescored', rescored: { seq: 2, teamPatches: [scored] } }),
    ).toBe(before);
  });
});
