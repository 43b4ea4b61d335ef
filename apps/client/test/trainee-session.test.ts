import { decisionDraftKeys, DraftStore, draftKeys } from '../src/lib/traineeDrafts';
import { TraineeSession } from '../src/lib/traineeSession';
import { storageKeys } from '../src/lib/traineeStorage';
import {
  chatEvent,
  credential,
  fakeFactory,
  meta,
  MemoryKeyValue,
  pausedEvent,
  resumedEvent,
  SESSION,
  snapshot,
  tickEvent,
  update,
  view,
} from './trainee-fakes';

describe('draft persistence', () => {
  test('a draft is kept in storage and read back by a new store (a reload)', () => {
    const storage = new MemoryKeyValue();
    const drafts = new DraftStore(SESSION, storage);
    drafts.set(draftKeys.rationale('d-open'), 'Life before evidence');
    drafts.set(draftKeys.chat(), 'half a message');
    expect(storage.getItem(storageKeys.draft(SESSION, 'decision.d-open.rationale'))).toBe(
      'Life before evidence',
    );
    const reloaded = new DraftStore(SESSION, storage);
    expect(reloaded.get(draftKeys.rationale('d-open'))).toBe('Life before evidence');
    expect(reloaded.get(draftKeys.chat())).toBe('half a message');
    expect(new DraftStore('another-session', storage).get(draftKeys.chat())).toBe('');
  });

  test('clearing removes the drafts and tells subscribers', () => {
    const storage = new MemoryKeyValue();
    const drafts = new DraftStore(SESSION, storage);
    const seen: string[] = [];
    drafts.subscribe(() => seen.push(drafts.get(draftKeys.rationale('d-open'))));
    drafts.set(draftKeys.rationale('d-open'), 'because');
    drafts.set(draftKeys.option('d-open'), 'open');
    drafts.clear(decisionDraftKeys('d-open'));
    expect(drafts.get(draftKeys.option('d-open'))).toBe('');
    expect(storage.items.size).toBe(0);
    expect(seen).toEqual(['because', 'because', '', '']);
  });

  test('with storage blocked, drafts still work for this page load', () => {
    const storage = new MemoryKeyValue();
    storage.broken = true;
    const drafts = new DraftStore(SESSION, storage);
    drafts.set(draftKeys.chat(), 'still here');
    expect(drafts.get(draftKeys.chat())).toBe('still here');
  });
});

function start(storage = new MemoryKeyValue()) {
  const sockets = fakeFactory();
  const session = new TraineeSession({
    credential: credential(),
    socketFactory: sockets.factory,
    storage,
  });
  session.start();
  return { session, sockets, storage };
}

describe('trainee session', () => {
  test('connects without lastSeq first, and with the highest seq applied after a drop', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    expect(socket.handshakes[0]).toEqual({
      protocol: 1,
      credential: { kind: 'participant', token: credential().token },
      session: SESSION,
    });
    socket.push('session.snapshot', snapshot({ seq: 10 }));
    socket.push('session.update', update(14, chatEvent(14, 'hi')));
    socket.drops();
    expect(session.getSnapshot().connection).toEqual({ phase: 'reconnecting', attempt: 0 });
    socket.serverAccepts();
    expect(socket.handshakes[1]).toMatchObject({ lastSeq: 14 });
    session.stop();
  });

  test('after a reload in a later phase, the decisions taken keep their titles: the server names them', () => {
    const storage = new MemoryKeyValue();
    const first = start(storage);
    first.sockets.latest().serverAccepts();
    first.sockets.latest().push('session.snapshot', snapshot());
    first.session.stop();
    // The view no longer lists the decision taken before; its `decided` does.
    const again = start(storage);
    again.sockets.latest().serverAccepts();
    const decided = [
      {
        id: 'd-open',
        title: 'Open the trailer',
        options: [
          { id: 'open', label: 'Open and ventilate' },
          { id: 'wait', label: 'Wait for the technician' },
        ],
      },
    ];
    again.sockets
      .latest()
      .push('session.snapshot', snapshot({ view: view({ decisions: [], decided }) }));
    expect(again.session.getSnapshot().state.labels['d-open']).toEqual({
      title: 'Open the trailer',
      options: { open: 'Open and ventilate', wait: 'Wait for the technician' },
    });
    again.session.stop();
  });

  test('a decision typed and sent during a drop is delivered once, and its drafts cleared', async () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push('session.snapshot', snapshot());
    session.drafts.set(draftKeys.rationale('d-open'), 'Life first');
    socket.drops();
    const result = session.send(
      'decision.submit',
      { decision: 'd-open', option: 'open', rationale: 'Life first' },
      { subject: 'decision:d-open', clearDrafts: decisionDraftKeys('d-open') },
    );
    expect(socket.sent).toHaveLength(0);
    expect(session.isPending('decision:d-open')).toBe(true);
    socket.serverAccepts();
    expect(socket.sent).toHaveLength(1);
    socket.answer({ status: 'accepted', seq: 15 });
    await expect(result).resolves.toEqual({ status: 'accepted', seq: 15 });
    expect(session.drafts.get(draftKeys.rationale('d-open'))).toBe('');
    expect(session.getSnapshot().feedback['decision:d-open']?.ack.status).toBe('accepted');
    session.stop();
  });

  test('a command says which seat it was made from, also when it waits for the connection', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push('session.snapshot', snapshot());
    socket.drops();
    void session.send('chat.send', { text: 'typed in Team A' }, { subject: 'chat' });
    socket.serverAccepts();
    // Sent as made, even if the seat changed before the connection came back: the server then
    // refuses it (session/seat_changed) rather than post it to another team.
    expect(socket.sent[0]?.payload).toMatchObject({
      text: 'typed in Team A',
      seat: { team: 'team-a', role: 'border_police' },
    });
    session.stop();
  });

  test('a refused command keeps the drafts and reports the server message', async () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    session.drafts.set(draftKeys.rationale('d-open'), 'keep me');
    const result = session.send(
      'decision.submit',
      { decision: 'd-open', option: 'open', rationale: 'keep me' },
      { subject: 'decision:d-open', clearDrafts: decisionDraftKeys('d-open') },
    );
    socket.answer({
      status: 'rejected',
      code: 'session/paused',
      message: 'The session is paused.',
    });
    await result;
    expect(session.drafts.get(draftKeys.rationale('d-open'))).toBe('keep me');
    expect(session.getSnapshot().lastFeedback?.ack).toEqual({
      status: 'rejected',
      code: 'session/paused',
      message: 'The session is paused.',
    });
    session.stop();
  });

  test('the browser going offline says so at once, though the socket has not noticed yet', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push('session.snapshot', snapshot({ seq: 10 }));
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    expect(session.getSnapshot().connection).toEqual({ phase: 'reconnecting', attempt: 0 });
    // It checks with a ping; no answer comes while the network is gone.
    const ping = socket.sent.find((c) => c.name === 'ping');
    expect(ping).toBeDefined();
    ping?.ack(new Error('operation has timed out'));
    expect(session.getSnapshot().connection.phase).toBe('reconnecting');
    // Back online, the old socket answers (it outlived the outage): connected again.
    onLine.mockRestore();
    window.dispatchEvent(new Event('online'));
    const again = socket.sent.filter((c) => c.name === 'ping');
    expect(again).toHaveLength(2);
    socket.answer({ status: 'accepted' }, again[1]);
    expect(session.getSnapshot().connection).toEqual({ phase: 'connected' });
    session.stop();
  });

  test('a server message after the browser said offline proves the connection (a LAN without internet)', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push('session.snapshot', snapshot({ seq: 10 }));
    window.dispatchEvent(new Event('offline'));
    expect(session.getSnapshot().connection.phase).toBe('reconnecting');
    socket.push('session.update', update(11, chatEvent(11, 'still here')));
    expect(session.getSnapshot().connection).toEqual({ phase: 'connected' });
    session.stop();
  });

  test('a refused handshake stops and says why', () => {
    const { session, sockets } = start();
    sockets.latest().refuses('auth/unauthenticated', 'Unknown participant token.');
    expect(session.getSnapshot().connection).toEqual({
      phase: 'refused',
      code: 'auth/unauthenticated',
      message: 'Unknown participant token.',
    });
    session.stop();
  });

  test('a socket the server closes because the trainee was removed stops as refused, not to be reconnected', () => {
    const { session, sockets } = start();
    sockets.latest().serverAccepts();
    sockets.latest().serverCloses({
      code: 'auth/unauthenticated',
      message: 'Your place in this session was removed.',
    });
    expect(session.getSnapshot().connection).toEqual({
      phase: 'refused',
      code: 'auth/unauthenticated',
      message: 'Your place in this session was removed.',
      revoked: true,
    });
    session.reconnect();
    expect(session.getSnapshot().connection.phase).toBe('refused');
    session.stop();
  });

  test('a socket closed after another notice stops with the notice kept; the next connection forgets it', () => {
    const { session, sockets } = start();
    sockets.latest().serverAccepts();
    sockets
      .latest()
      .serverCloses({ code: 'protocol/internal', message: 'Could not load the session.' });
    expect(session.getSnapshot().connection).toEqual({ phase: 'stopped' });
    expect(session.getSnapshot().notice?.code).toBe('protocol/internal');
    session.reconnect();
    sockets.latest().serverAccepts();
    expect(session.getSnapshot().notice).toBeNull();
    session.stop();
  });

  test('stop and start again (as React does in development) opens a fresh socket', () => {
    const { session, sockets } = start();
    session.stop();
    session.start();
    expect(sockets.sockets).toHaveLength(2);
    expect(sockets.sockets[0]?.count('session.update')).toBe(0);
    expect(sockets.sockets[1]?.count('session.update')).toBe(1);
    session.stop();
  });
});

describe('trainee scenario clock', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 10, 28, 10) }));
  afterEach(() => jest.useRealTimers());

  const minutes = (session: TraineeSession) => session.getSnapshot().state.view?.clock.minutes;

  test('moves by the time ratio between server messages, and counts anew from a server value', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    // Ten scenario minutes a real minute: one every 6 s.
    socket.push(
      'session.snapshot',
      snapshot({ view: view({ clock: { minutes: 30, running: true, limitMinutes: 120 } }) }),
    );
    jest.advanceTimersByTime(5_999);
    expect(minutes(session)).toBe(30);
    jest.advanceTimersByTime(1);
    expect(minutes(session)).toBe(31);
    jest.advanceTimersByTime(12_000);
    expect(minutes(session)).toBe(33);
    // A patch of the minutes (the server's count): from there on, counted from now.
    jest.advanceTimersByTime(3_000);
    socket.push(
      'session.update',
      update(11, null, {
        viewPatch: {
          base: 'v-10',
          version: 'v-11',
          ops: [{ op: 'replace', path: '/clock/minutes', value: 34 }],
        },
      }),
    );
    expect(minutes(session)).toBe(34);
    jest.advanceTimersByTime(5_999);
    expect(minutes(session)).toBe(34);
    jest.advanceTimersByTime(1);
    expect(minutes(session)).toBe(35);
    // The facilitator's clock move still comes as an event, and adds to the clock.
    socket.push('session.update', update(12, tickEvent(12, 30)));
    expect(minutes(session)).toBe(65);
    jest.advanceTimersByTime(6_000);
    expect(minutes(session)).toBe(66);
    session.stop();
    jest.advanceTimersByTime(60_000);
    expect(minutes(session)).toBe(66);
  });

  test('stands still while paused, at the time limit and at a ratio of 0, and after the team ended', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push(
      'session.snapshot',
      snapshot({ view: view({ clock: { minutes: 118, running: true, limitMinutes: 120 } }) }),
    );
    jest.advanceTimersByTime(6_000);
    expect(minutes(session)).toBe(119);
    socket.push('session.update', update(11, pausedEvent(11), { status: 'paused' }));
    jest.advanceTimersByTime(60_000);
    expect(minutes(session)).toBe(119);
    socket.push('session.update', update(12, resumedEvent(12)));
    jest.advanceTimersByTime(5_000);
    expect(minutes(session)).toBe(119);
    jest.advanceTimersByTime(60_000);
    expect(minutes(session)).toBe(120); // the scenario's limit: the server ends the team there

    const stopped = fakeFactory();
    const other = new TraineeSession({
      credential: credential(),
      socketFactory: stopped.factory,
      storage: new MemoryKeyValue(),
    });
    other.start();
    stopped.latest().serverAccepts();
    stopped.latest().push(
      'session.snapshot',
      snapshot({
        session: meta({ settings: { ...meta().settings, timeRatio: 0 } }),
        view: view({ clock: { minutes: 30, running: false, limitMinutes: null } }),
      }),
    );
    jest.advanceTimersByTime(60_000);
    expect(minutes(other)).toBe(30);
    // The team's clock stopped (an ending): nothing moves though the session runs.
    stopped.latest().push(
      'session.snapshot',
      snapshot({
        seq: 20,
        view: view({ clock: { minutes: 40, running: false, limitMinutes: null } }),
      }),
    );
    jest.advanceTimersByTime(60_000);
    expect(minutes(other)).toBe(40);
    session.stop();
    other.stop();
  });
});

describe('trainee view patches', () => {
  test('a patch the held view cannot take sends session.sync once, until a snapshot comes', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push('session.snapshot', snapshot());
    const stray = { base: 'v-other', version: 'v-11', ops: [] };
    socket.push('session.update', update(11, null, { viewPatch: stray }));
    socket.push('session.update', update(12, null, { viewPatch: { ...stray, version: 'v-12' } }));
    expect(socket.sent.map((c) => c.name)).toEqual(['session.sync']);
    expect(session.getSnapshot().state.view).toEqual(snapshot().view);
    socket.answer({ status: 'accepted', seq: 12 });
    socket.push('session.snapshot', snapshot({ seq: 12, viewVersion: 'v-12' }));
    const fits = {
      base: 'v-12',
      version: 'v-13',
      ops: [{ op: 'remove' as const, path: '/documents/0' }],
    };
    socket.push('session.update', update(13, null, { viewPatch: fits }));
    expect(session.getSnapshot().state.view?.documents).toEqual([]);
    expect(socket.sent.map((c) => c.name)).toEqual(['session.sync']);
  });
});

describe('trainee live scores pushed', () => {
  test('session.rescored patches the view it fits, and one that does not fit asks for a snapshot', () => {
    const { session, sockets } = start();
    const socket = sockets.latest();
    socket.serverAccepts();
    socket.push('session.snapshot', snapshot());
    const fits = {
      base: 'v-10',
      version: 'v-10b',
      ops: [{ op: 'remove' as const, path: '/documents/0' }],
    };
    socket.push('session.rescored', { seq: 10, viewPatch: fits });
    expect(session.getSnapshot().state).toMatchObject({ seq: 10, viewVersion: 'v-10b' });
    expect(session.getSnapshot().state.view?.documents).toEqual([]);
    expect(socket.sent).toEqual([]);
    socket.push('session.rescored', { seq: 10, viewPatch: { ...fits, base: 'v-other' } });
    expect(socket.sent.map((c) => c.name)).toEqual(['session.sync']);
    expect(session.getSnapshot().state.viewVersion).toBe('v-10b');
    session.stop();
  });
});
