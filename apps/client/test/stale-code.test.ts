import { mayReloadForNewVersion, reloadForNewVersion } from '../src/lib/staleCode';
import { MemoryStorage } from './fakes';

describe('reloading for a new version after a server update', () => {
  test('reloads once; a second failure within a minute does not reload again', () => {
    const storage = new MemoryStorage();
    const reload = jest.fn();
    expect(mayReloadForNewVersion(storage, 1_000_000)).toBe(true);
    reloadForNewVersion(storage, reload, 1_000_000);
    expect(reload).toHaveBeenCalledTimes(1);
    // The new version's page failed too (a real outage): the error page stays, no loop.
    expect(mayReloadForNewVersion(storage, 1_030_000)).toBe(false);
    // A later update, in the same tab, reloads again.
    expect(mayReloadForNewVersion(storage, 1_061_000)).toBe(true);
  });

  test('with storage blocked it never reloads (it could not tell the second time)', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(mayReloadForNewVersion(blocked)).toBe(false);
  });
});
