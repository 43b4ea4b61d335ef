import {
  announcementsBetween,
  initialTraineeState,
  traineeReducer,
  type TraineeAction,
  type TraineeState,
} from '../src/lib/traineeState';
import {
  chatEvent,
  chatMessage,
  injectEvent,
  MATE,
  pausedEvent,
  snapshot,
  tickEvent,
  update,
  view,
} from './trainee-fakes';
import type { RoleView } from '@crossroads/shared';

const run = (actions: TraineeAction[], from: TraineeState = initialTraineeState) =>
  actions.reduce(traineeReducer, from);

const loaded = () => run([{ type: 'snapshot', snapshot: snapshot() }]);

describe('trainee update reducer', () => {
  test('nothing but a snapshot is applied before the first snapshot', () => {
    const state = run([
      { type: 'update', update: update(11, chatEvent(11, 'too early')) },
      {
        type: 'events',
        batch: {
          seq: 12,
          fromSeq: 0,
          status: 'running',
          events: [],
          view: view(),
          viewVersion: 'v-12',
          teams: [],
          teamVersions: {},
        },
      },
    ]);
    expect(state).toBe(initialTraineeState);
    expect(state.loaded).toBe(false);
  });

  test('a snapshot replaces everything held, including chat from before', () => {
    const first = run([{ type: 'update', update: update(11, chatEvent(11, 'hello')) }], loaded());
    expect(first.chat.map((m) => m.text)).toEqual(['hello']);
    const replaced = traineeReducer(first, {
      type: 'snapshot',
      snapshot: snapshot({ seq: 40, chat: [chatMessage(35, 'from the server')] }),
    });
    expect(replaced.seq).toBe(40);
    expect(replaced.chat.map((m) => m.text)).toEqual(['from the server']);
    expect(replaced.events).toEqual([]);
  });

  test('updates advance the seq; a repeated or older seq is ignored', () => {
    const state = run(
      [
        { type: 'update', update: update(12, chatEvent(12, 'one')) },
        { type: 'update', update: update(12, chatEvent(12, 'one')) },
        { type: 'update', update: update(11, chatEvent(11, 'late and old')) },
        { type: 'update', update: update(15, chatEvent(15, 'two')) },
      ],
      loaded(),
    );
    expect(state.seq).toBe(15);
    expect(state.chat.map((m) => [m.seq, m.text])).toEqual([
      [12, 'one'],
      [15, 'two'],
    ]);
    expect(state.events.map((e) => e.seq)).toEqual([12, 15]);
  });

  test('chat messages take the sender name from the team lobby', () => {
    const state = run(
      [{ type: 'update', update: update(12, chatEvent(12, 'hi', MATE)) }],
      loaded(),
    );
    expect(state.chat[0]?.displayName).toBe('Boris');
  });

  test('a clock tick moves the clock unless the same update brings a new view', () => {
    const ticked = run([{ type: 'update', update: update(11, tickEvent(11, 5)) }], loaded());
    expect(ticked.view?.clock.minutes).toBe(35);
    const withView = run(
      [
        {
          type: 'update',
          update: update(12, tickEvent(12, 5), {
            view: view({ clock: { minutes: 90, running: true, limitMinutes: 120 } }),
          }),
        },
      ],
      ticked,
    );
    expect(withView.view?.clock.minutes).toBe(90);
  });

  test("a teammate's clock move sets the team's minutes, with or without an event to see", () => {
    // A decision of another agency took 40 minutes: this group may not see it, only the time.
    const moved = run([{ type: 'update', update: update(11, null, { minutes: 70 }) }], loaded());
    expect(moved.view?.clock.minutes).toBe(70);
    expect(moved.seq).toBe(11);
    expect(moved.events).toEqual([]);
    // The facilitator's clock move: the event and the absolute minutes, not both added up.
    const advanced = run(
      [{ type: 'update', update: update(12, tickEvent(12, 5), { minutes: 80 }) }],
      moved,
    );
    expect(advanced.view?.clock.minutes).toBe(80);
    expect(advanced.events.map((e) => e.seq)).toEqual([12]);
  });

  test('a view in an update replaces the held view whole', () => {
    const next = view({
      decisions: [],
      phase: { id: 'custody', title: 'Custody', description: '' },
    });
    const state = run([{ type: 'update', update: update(11, null, { view: next }) }], loaded());
    expect(state.view).toBe(next);
    expect(state.seq).toBe(11);
  });

  test('the session status follows every update', () => {
    const state = run(
      [{ type: 'update', update: update(11, pausedEvent(11, 'wellbeing'), { status: 'paused' }) }],
      loaded(),
    );
    expect(state.status).toBe('paused');
    expect(state.session?.status).toBe('paused');
  });

  test('a catch-up batch is applied in seq order, skipping events already applied', () => {
    const before = run([{ type: 'update', update: update(12, chatEvent(12, 'seen')) }], loaded());
    const after = traineeReducer(before, {
      type: 'events',
      batch: {
        seq: 30,
        fromSeq: 10,
        status: 'running',
        // Unsorted, with one event the client already has and one twice.
        events: [
          chatEvent(20, 'third'),
          chatEvent(12, 'seen'),
          chatEvent(14, 'second'),
          chatEvent(20, 'third'),
        ],
        view: view({ clock: { minutes: 75, running: true, limitMinutes: 120 } }),
        viewVersion: 'v-30',
        teams: [],
        teamVersions: {},
      },
    });
    expect(after.chat.map((m) => m.text)).toEqual(['seen', 'second', 'third']);
    expect(after.events.map((e) => e.seq)).toEqual([12, 14, 20]);
    expect(after.seq).toBe(30);
    expect(after.view?.clock.minutes).toBe(75);
  });

  test('clock ticks inside a batch are not added to the batch view (it is already current)', () => {
    const after = traineeReducer(loaded(), {
      type: 'events',
      batch: {
        seq: 13,
        fromSeq: 10,
        status: 'running',
        events: [tickEvent(11, 10), tickEvent(12, 10)],
        view: view({ clock: { minutes: 50, running: true, limitMinutes: 120 } }),
        viewVersion: 'v-13',
        teams: [],
        teamVersions: {},
      },
    });
    expect(after.view?.clock.minutes).toBe(50);
  });

  test('a batch entirely behind what was applied changes nothing', () => {
    const before = run([{ type: 'update', update: update(20, chatEvent(20, 'latest')) }], loaded());
    const after = traineeReducer(before, {
      type: 'events',
      batch: {
        seq: 15,
        fromSeq: 10,
        status: 'paused',
        events: [chatEvent(14, 'old')],
        view: null,
        viewVersion: null,
        teams: [],
        teamVersions: {},
      },
    });
    expect(after.chat.map((m) => m.text)).toEqual(['latest']);
    expect(after.status).toBe('running');
    expect(after.view).not.toBeNull();
    expect(after.seq).toBe(20);
  });

  test('a lobby update replaces the lobby but not the seq', () => {
    const before = loaded();
    const after = traineeReducer(before, {
      type: 'lobby',
      lobby: { seq: 99, lobby: { teams: [], unassigned: [] } },
    });
    expect(after.lobby?.teams).toEqual([]);
    expect(after.seq).toBe(before.seq);
  });

  test('decision and option labels outlive the view that named them', () => {
    const state = run(
      [{ type: 'update', update: update(11, null, { view: view({ decisions: [] }) }) }],
      loaded(),
    );
    expect(state.labels['d-open']?.options.open).toBe('Open and ventilate');
  });
});

describe('announcements', () => {
  test('a first snapshot announces nothing', () => {
    expect(announcementsBetween(initialTraineeState, loaded())).toEqual([]);
  });

  test('new injects, a new phase, pause and answered requests are announced', () => {
    const before = traineeReducer(loaded(), {
      type: 'update',
      update: update(11, null, {
        view: view({
          requests: [
            {
              instance: 'r-order',
              request: 'r-order',
              title: 'Search order',
              from: 'border_police',
              to: 'prosecutor',
              status: 'pending',
              sentAt: 30,
              answeredAt: null,
              reason: null,
              direction: 'outgoing',
            },
          ],
        }),
      }),
    });
    const after = traineeReducer(before, {
      type: 'update',
      update: update(12, injectEvent(12, 'fence'), {
        status: 'paused',
        view: view({
          phase: { id: 'custody', title: 'Custody', description: '' },
          injects: [
            ...view().injects,
            { id: 'fence', title: 'Report from the fence', body: '…', releasedAt: 31 },
          ],
          requests: [
            {
              instance: 'r-order',
              request: 'r-order',
              title: 'Search order',
              from: 'border_police',
              to: 'prosecutor',
              status: 'granted',
              sentAt: 30,
              answeredAt: 31,
              reason: 'Granted',
              direction: 'outgoing',
            },
          ],
        }),
      }),
    });
    expect(announcementsBetween(before, after)).toEqual([
      { kind: 'status', status: 'paused' },
      { kind: 'phase', title: 'Custody' },
      { kind: 'inject', title: 'Report from the fence' },
      { kind: 'request', title: 'Search order', status: 'granted', incoming: false },
    ]);
  });
});

describe('trainee view patches', () => {
  const patch = (base: string, version: string) => ({
    base,
    version,
    ops: [
      { op: 'replace' as 'replace' | 'add', path: '/phase/title', value: 'Charges' as unknown },
    ],
  });

  test('a patch on the version held is applied as a new view, with the minutes it brings', () => {
    const before = loaded();
    const withMinutes = patch('v-10', 'v-11');
    withMinutes.ops.push({ op: 'replace', path: '/clock/minutes', value: 35 });
    const after = traineeReducer(before, {
      type: 'update',
      update: update(11, tickEvent(11, 5), { viewPatch: withMinutes }),
    });
    expect(after.view?.phase.title).toBe('Charges');
    // The tick in the same update is counted in the patch's minutes, not added again.
    expect(after.view?.clock.minutes).toBe(35);
    expect(after.viewVersion).toBe('v-11');
    expect(after.syncNeeded).toBe(0);
    expect(after.view).not.toBe(before.view);
    // New objects on the patched paths, the held view's own where the patch changed nothing.
    expect(after.view?.phase).not.toBe(before.view?.phase);
    expect(after.view?.documents).toBe(before.view?.documents);
    expect(before.view?.phase.title).toBe('Discovery');
    expect(before.view?.clock.minutes).not.toBe(35);
  });

  test('a patch on another version changes no view and asks for a snapshot', () => {
    const before = loaded();
    const after = traineeReducer(before, {
      type: 'update',
      update: update(11, chatEvent(11, 'still here'), { viewPatch: patch('v-9', 'v-11') }),
    });
    expect(after.view).toBe(before.view);
    expect(after.viewVersion).toBe('v-10');
    expect(after.syncNeeded).toBe(11);
    // The rest of the update is applied all the same.
    expect(after.chat.map((m) => m.text)).toEqual(['still here']);
    expect(after.seq).toBe(11);
    const fresh = traineeReducer(after, {
      type: 'snapshot',
      snapshot: snapshot({ seq: 12, viewVersion: 'v-12' }),
    });
    expect(fresh).toMatchObject({ viewVersion: 'v-12', syncNeeded: 0 });
  });

  test('a whole view replaces the held one with its version', () => {
    const after = traineeReducer(loaded(), {
      type: 'update',
      update: update(11, null, { view: view({ briefing: 'New orders.' }), viewVersion: 'v-11' }),
    });
    expect(after).toMatchObject({ viewVersion: 'v-11', view: { briefing: 'New orders.' } });
  });
});

describe('trainee live scores pushed (session.rescored)', () => {
  const hint = {
    seq: 9,
    decision: 'd_open',
    option: 'o_open',
    findings: [],
  } as unknown as RoleView['hints'][number];
  const withHint = (base: string, version: string) => ({
    base,
    version,
    ops: [{ op: 'add' as const, path: '/hints/-', value: hint as unknown }],
  });

  test('a patch on the version held brings the hint, and leaves the seq as it was', () => {
    const before = loaded();
    const after = traineeReducer(before, {
      type: 'rescored',
      rescored: { seq: 10, viewPatch: withHint('v-10', 'v-10b') },
    });
    expect(after.view?.hints).toEqual([...(before.view?.hints ?? []), hint]);
    expect(after).toMatchObject({ viewVersion: 'v-10b', syncNeeded: 0, seq: 10 });
    // No event came with it: the next update at seq 11 is applied, on the new version.
    const next = traineeReducer(after, {
      type: 'update',
      update: update(11, chatEvent(11, 'next'), {
        viewPatch: {
          base: 'v-10b',
          version: 'v-11',
          ops: [{ op: 'replace', path: '/phase/title', value: 'Charges' }],
        },
      }),
    });
    expect(next).toMatchObject({ seq: 11, viewVersion: 'v-11', syncNeeded: 0 });
    expect(next.view?.hints).toEqual(after.view?.hints);
  });

  test('a whole view replaces the held one with its version', () => {
    const after = traineeReducer(loaded(), {
      type: 'rescored',
      rescored: { seq: 12, view: view({ hints: [hint] }), viewVersion: 'v-12' },
    });
    expect(after).toMatchObject({ seq: 10, viewVersion: 'v-12', view: { hints: [hint] } });
  });

  test('a patch on another version changes nothing but asks for a snapshot', () => {
    const before = loaded();
    const after = traineeReducer(before, {
      type: 'rescored',
      rescored: { seq: 10, viewPatch: withHint('v-9', 'v-10b') },
    });
    expect(after.view).toBe(before.view);
    expect(after).toMatchObject({ viewVersion: 'v-10', syncNeeded: 10, seq: 10 });
  });

  test('a hint that arrives on its own is announced with its decision, once', () => {
    const finding = { ...hint, decision: 'd-open', option: 'open' };
    const before = loaded();
    const after = traineeReducer(before, {
      type: 'rescored',
      rescored: {
        seq: 10,
        viewPatch: {
          base: 'v-10',
          version: 'v-10b',
          ops: [{ op: 'add', path: '/hints/-', value: finding as unknown }],
        },
      },
    });
    expect(announcementsBetween(before, after)).toEqual([
      { kind: 'hint', title: 'Open the trailer' },
    ]);
    // The same hint again (rescored with other findings, or a later update) is not news.
    const again = traineeReducer(after, {
      type: 'update',
      update: update(11, chatEvent(11, 'next'), {
        view: view({ hints: [{ ...finding, findings: [] }] }),
        viewVersion: 'v-11',
      }),
    });
    expect(announcementsBetween(after, again)).toEqual([]);
    // A decision this device never saw (no label): said without its title, never by its id.
    const unknown = traineeReducer(before, {
      type: 'rescored',
      rescored: {
        seq: 12,
        view: view({ hints: [{ ...finding, seq: 8, decision: 'd-gone' }] }),
        viewVersion: 'v-12',
      },
    });
    expect(announcementsBetween(before, unknown)).toEqual([{ kind: 'hint', title: null }]);
  });

  test('an older one, or one before the first snapshot, is ignored', () => {
    const ahead = run([{ type: 'update', update: update(14, chatEvent(14, 'later')) }], loaded());
    expect(
      traineeReducer(ahead, {
        type: 'rescored',
        rescored: { seq: 12, view: view({ hints: [hint] }), viewVersion: 'v-12' },
      }),
    ).toBe(ahead);
    expect(
      traineeReducer(initialTraineeState, {
        type: 'rescored',
        rescored: { seq: 12, view: view({ hints: [hint] }), viewVersion: 'v-12' },
      }),
    ).toBe(initialTraineeState);
  });
});
