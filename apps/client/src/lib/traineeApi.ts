import {
  joinInfoSchema,
  joinResponseSchema,
  restErrorSchema,
  type ErrorCode,
  type JoinInfo,
  type JoinRequest,
  type JoinResponse,
} from '@crossroads/shared';
import type { FetchLike } from './health';

export const REST_TIMEOUT_MS = 15_000;

/** A REST call that did not succeed: the server's error code, or `network` when it was not reached. */
export class TraineeApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network' | 'unexpected',
    message: string,
    /** The server's validation problems, field by field (empty when it sent none). */
    readonly details: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'TraineeApiError';
  }
}

const defaultFetch: FetchLike = (input, init) => fetch(input, init);

async function call<T>(
  fetchImpl: FetchLike,
  path: string,
  init: RequestInit,
  parse: (body: unknown) => T | undefined,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.headers ?? {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
  } catch {
    throw new TraineeApiError('network', 'The server could not be reached.');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = restErrorSchema.safeParse(body);
    if (error.success) {
      throw new TraineeApiError(error.data.code, error.data.message, error.data.details ?? []);
    }
    throw new TraineeApiError('unexpected', `The server answered ${response.status}.`);
  }
  const parsed = parse(body);
  if (parsed === undefined) {
    throw new TraineeApiError(
      'unexpected',
      'The server sent an answer this app does not understand.',
    );
  }
  return parsed;
}

/** Normalises what a person typed as a join code: no spaces or dashes, upper case. */
export function normaliseJoinCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** GET /api/join/:code — what the join screen shows before joining. */
export function fetchJoinInfo(
  code: string,
  fetchImpl: FetchLike = defaultFetch,
): Promise<JoinInfo> {
  return call(
    fetchImpl,
    `/api/join/${encodeURIComponent(normaliseJoinCode(code))}`,
    { method: 'GET' },
    (body) => {
      const parsed = joinInfoSchema.safeParse(body);
      return parsed.success ? parsed.data : undefined;
    },
  );
}

/** POST /api/join — the participant credential. */
export function postJoin(
  request: JoinRequest,
  fetchImpl: FetchLike = defaultFetch,
): Promise<JoinResponse> {
  return call(
    fetchImpl,
    '/api/join',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    (body) => {
      const parsed = joinResponseSchema.safeParse(body);
      return parsed.success ? parsed.data : undefined;
    },
  );
}
