/**
 * @jest-environment node
 */
import { createFacilitatorApi, ApiError, type FetchFn } from '../src/lib/facilitatorApi';
import { loadDebrief } from '../src/lib/debriefApi';

/** A fetch that answers every request with `status` and `body` as JSON. */
const answering =
  (status: number, body: unknown): FetchFn =>
  () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );

const INVALID = {
  code: 'protocol/invalid_payload',
  message: 'Invalid session: timeRatio: Too big; teams.0: Too small',
  details: [
    { path: 'timeRatio', message: 'Too big: expected number to be <=1440' },
    { path: 'teams.0', message: 'Too small: expected string to have >=1 characters' },
  ],
};

describe('ApiError', () => {
  test("keeps the validation problems of the server's error body", async () => {
    const api = createFacilitatorApi(answering(400, INVALID));
    const error: unknown = await api
      .createSession('token', { scenario: 'van', teams: [''], timeRatio: 2000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('protocol/invalid_payload');
    expect((error as ApiError).message).toBe(INVALID.message);
    expect((error as ApiError).details).toEqual(INVALID.details);
  });

  test('has no details when the server sent none, or for problems on the client side', async () => {
    const api = createFacilitatorApi(answering(403, { code: 'auth/forbidden', message: 'No.' }));
    const error = (await api.sessions('token').catch((e: unknown) => e)) as ApiError;
    expect(error.details).toEqual([]);
    expect(new ApiError(0, 'network', 'The server could not be reached.').details).toEqual([]);
  });

  test('the debrief side keeps them too', async () => {
    const error = (await loadDebrief(
      '00000000-0000-4000-8000-000000000000',
      { kind: 'staff', token: 'token' },
      answering(400, INVALID),
    ).catch((e: unknown) => e)) as ApiError;
    expect(error.details).toEqual(INVALID.details);
  });
});
