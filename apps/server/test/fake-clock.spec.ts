import { FakeClock } from '../src/sessions/clock';

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
