import { HEALTH_PATH, fetchHealth, interpretHealth } from '../src/lib/health';
import { degradedBody, fakeFetch, healthyBody } from './fakes';

describe('server health', () => {
  test('a healthy server with a working database is ok', () => {
    expect(interpretHealth(healthyBody)).toEqual({
      state: 'ok',
      version: '0.1.0',
      databaseLatencyMs: 0.4,
    });
  });

  test('a server that reports a failing database is degraded', () => {
    expect(interpretHealth(degradedBody)).toEqual({ state: 'degraded', version: '0.1.0' });
    // "ok" overall but the database check failed still counts as degraded.
    const mixed = { ...healthyBody, database: { ...healthyBody.database, ok: false } };
    expect(interpretHealth(mixed).state).toBe('degraded');
  });

  test('anything that is not a health answer means the API was not reached', () => {
    expect(interpretHealth('<!doctype html>')).toEqual({ state: 'unreachable' });
    expect(interpretHealth({ status: 'ok' })).toEqual({ state: 'unreachable' });
    expect(interpretHealth(null)).toEqual({ state: 'unreachable' });
  });

  test('fetchHealth asks the health endpoint and believes a 503 that carries a health body', async () => {
    const fetchImpl = fakeFetch(() => degradedBody, 503);
    await expect(fetchHealth(fetchImpl)).resolves.toEqual({ state: 'degraded', version: '0.1.0' });
    expect(fetchImpl).toHaveBeenCalledWith(
      HEALTH_PATH,
      expect.objectContaining({ cache: 'no-store' }),
    );
  });

  test('a network error or a body that is not JSON is unreachable', async () => {
    await expect(fetchHealth(fakeFetch(() => new TypeError('Failed to fetch')))).resolves.toEqual({
      state: 'unreachable',
    });
    const notJson = jest.fn(async () => ({
      ok: true,
      status: 200,
      json: async () => JSON.parse('<html>'),
    })) as unknown as typeof fetch;
    await expect(fetchHealth(notJson)).resolves.toEqual({ state: 'unreachable' });
  });
});
