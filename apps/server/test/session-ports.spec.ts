import type { LogEvent } from '@crossroads/shared';
import { FakeClock } from '../src/sessions/clock';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import type { StoredEvent } from '../src/sessions/ports';

const at = '2026-01-05T09:00:00.000Z';

function stored(seq: number, type: string, payload: unknown, commandId: string | null = null) {
  const event = {
    seq,
    at,
    time: null,
    team: null,
    role: null,
    participant: null,
    type,
    payload,
  } as LogEvent;
  return { event, commandId, actor: 'account:a', commandDigest: null } satisfies StoredEvent;
}

describe('InMemoryEventStore (the EventStore contract the host is tested against)', () => {
  it('appends only at the expected head and answers a moved head with the new head', async () => {
    const store = new InMemoryEventStore();
    const first = stored(1, 'broadcast.sent', { message: 'hello' });
    await expect(
      store.append({ sessionId: 's', expectedHead: 0, events: [first] }),
    ).resolves.toEqual({ kind: 'appended' });
    const late = stored(1, 'broadcast.sent', { message: 'late' });
    await expect(
      store.append({ sessionId: 's', expectedHead: 0, events: [late] }),
    ).resolves.toEqual({ kind: 'stale', head: 1 });
    expect((await store.readFrom('s', 0)).map((e) => e.payload)).toEqual([{ message: 'hello' }]);
  });

  it('answers a command id seen before with its seq and writes nothing', async () => {
    const store = new InMemoryEventStore();
    await store.append({
      sessionId: 's',
      expectedHead: 0,
      events: [stored(1, 'broadcast.sent', { message: 'a' }, 'c1')],
      commandId: 'c1',
    });
    const again = await store.append({
      sessionId: 's',
      expectedHead: 1,
      events: [stored(2, 'broadcast.sent', { message: 'a' }, 'c1')],
      commandId: 'c1',
    });
    expect(again).toEqual({ kind: 'duplicate', seq: 1 });
    expect(await store.head('s')).toBe(1);
    expect(await store.command('s', 'c1')).toEqual({ seq: 1, actor: 'account:a', digest: null });
  });

  it('keeps the session row in step with status events and keeps the last two checkpoints', async () => {
    const store = new InMemoryEventStore();
    const events = [
      stored(1, 'session.started', { scenario: 'x', version: '1', teams: [] }),
      stored(2, 'session.paused', {}),
      stored(3, 'session.resumed', {}),
    ];
    for (const [i, e] of events.entries()) {
      await store.append({
        sessionId: 's',
        expectedHead: i,
        events: [e],
        checkpoint: { seq: i + 1, teams: { t: i }, at },
      });
    }
    expect(store.row('s')).toMatchObject({ status: 'running', startedAt: at, endedAt: null });
    expect(await store.latestCheckpoint('s')).toEqual({ seq: 3, teams: { t: 2 } });
    expect((await store.readTypes('s', ['session.paused'])).map((e) => e.seq)).toEqual([2]);
  });
});

describe('FakeClock', () => {
  it('fires timers in due order at their due time, repeating ones every period', () => {
    const clock = new FakeClock(0);
    const fired: string[] = [];
    clock.every(1000, () => fired.push(`every@${clock.now()}`));
    clock.after(1500, () => fired.push(`after@${clock.now()}`));
    const cancelled = clock.after(500, () => fired.push('cancelled'));
    cancelled.cancel();
    clock.advance(2500);
    expect(fired).toEqual(['every@1000', 'after@1500', 'every@2000']);
    expect(clock.now()).toBe(2500);
  });
});
