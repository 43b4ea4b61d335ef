/**
 * The clock ticker's queue: the work of the sessions due at one visit runs one session at a time,
 * spread evenly until the moment the ticker gave, not back to back.
 */
import { FakeClock } from '../src/sessions/clock';
import { TickQueue } from '../src/sessions/tick-queue';

/** Lets the queue's awaited work and its `finally` run (microtasks), as the event loop would. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('TickQueue', () => {
  it('spreads the work queued at one visit evenly until the given moment, one at a time', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const failures: unknown[] = [];
    const queue = new TickQueue(clock, (error) => failures.push(error));
    const ran: number[] = [];
    let running = 0;
    queue.spreadUntil(start + 800);
    for (let i = 0; i < 8; i += 1) {
      queue.add(async () => {
        running += 1;
        expect(running).toBe(1);
        ran.push(clock.now() - start);
        await Promise.resolve();
        running -= 1;
        if (i === 3) throw new Error('tick failed');
      });
    }
    for (let ms = 0; ms <= 1000; ms += 1) {
      clock.advance(ms === 0 ? 0 : 1);
      await settle();
    }
    // The first at once, the other seven about 800 / 7 ms apart: all by the given moment.
    expect(ran).toHaveLength(8);
    expect(ran[0]).toBe(0);
    for (let i = 1; i < ran.length; i += 1) {
      expect((ran[i] ?? 0) - (ran[i - 1] ?? 0)).toBeGreaterThanOrEqual(110);
      expect((ran[i] ?? 0) - (ran[i - 1] ?? 0)).toBeLessThanOrEqual(120);
    }
    expect(ran.at(-1)).toBeLessThanOrEqual(800);
    expect(failures).toEqual([new Error('tick failed')]);
  });

  it('runs the work in consecutive turns when its moment has passed', async () => {
    const clock = new FakeClock();
    const queue = new TickQueue(clock, () => {});
    const ran: number[] = [];
    queue.spreadUntil(clock.now() - 1);
    for (let i = 0; i < 3; i += 1) queue.add(() => Promise.resolve(void ran.push(i)));
    for (let turn = 0; turn < 3; turn += 1) {
      clock.runDeferred();
      await settle();
      expect(ran).toHaveLength(turn + 1);
    }
  });

  it('forgets the work not run yet when cleared', async () => {
    const clock = new FakeClock();
    const queue = new TickQueue(clock, () => {});
    const ran: number[] = [];
    queue.spreadUntil(clock.now() + 800);
    for (let i = 0; i < 3; i += 1) queue.add(() => Promise.resolve(void ran.push(i)));
    clock.advance(0);
    await settle();
    queue.clear();
    clock.advance(1000);
    await settle();
    expect(ran).toEqual([0]);
  });
});
