import {
  accountSchema,
  loginResponseSchema,
  roleViewSchema,
  restErrorSchema,
  scenarioSummarySchema,
  sessionListItemSchema,
  sessionMemberSchema,
  sessionMetaSchema,
  type Account,
  type CreateSessionRequest,
  type LoginResponse,
  type RestError,
  type RoleView,
  type ScenarioSummary,
  type SessionListItem,
  type SessionMember,
  type SessionMeta,
} from '@crossroads/shared';

/*
 * REST calls of the facilitator and observer side, and the staff login kept in sessionStorage.
 * Every response is checked against the shared contract; a body that does not match is an error,
 * never silently used.
 */

/** sessionStorage key of the staff login (token, account, expiry). */
export const STAFF_AUTH_KEY = 'crossroads.staff';

export interface StaffAuth {
  token: string;
  account: Account;
  expiresAt: string;
}

/** What `request` needs of a schema: zod's `safeParse` (the client has no direct zod dependency). */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Accepts any body (for 204 answers). */
export const anything: Parser<unknown> = { safeParse: (value) => ({ success: true, data: value }) };

function parseStaffAuth(value: unknown): StaffAuth | null {
  if (typeof value !== 'object' || value === null) return null;
  const { token, account, expiresAt } = value as Record<string, unknown>;
  const parsedAccount = accountSchema.safeParse(account);
  if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'string') return null;
  return parsedAccount.success ? { token, account: parsedAccount.data, expiresAt } : null;
}

/** One problem of a request the server found invalid: the field's dotted path and why (English). */
export type ApiErrorDetail = NonNullable<RestError['details']>[number];

/**
 * A failed REST call: the server's error code and message (and, for an invalid request, each
 * problem it found: `details`), or a network/contract problem.
 */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** An ErrorCode from the contract, or `network` / `contract` for problems on our side. */
    readonly code: string,
    message: string,
    /** The server's validation problems, field by field (empty when it sent none). */
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The error of a REST error body the server answered with `status`. */
  static fromRest(status: number, body: RestError): ApiError {
    return new ApiError(status, body.code, body.message, body.details ?? []);
  }
}

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export async function request<T>(
  fetchFn: FetchFn,
  path: string,
  schema: Parser<T>,
  options: { method?: string; token?: string | undefined; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchFn(path, {
      method: options.method ?? 'GET',
      headers,
      cache: 'no-store',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  let body: unknown = null;
  if (response.status !== 204) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = restErrorSchema.safeParse(body);
    throw error.success
      ? ApiError.fromRest(response.status, error.data)
      : new ApiError(response.status, 'contract', `The server answered ${response.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'contract',
      'The server sent an answer this page cannot read.',
    );
  }
  return parsed.data;
}

const defaultFetch: FetchFn = (input, init) => fetch(input, init);

/** The REST endpoints this side uses, bound to a fetch function (tests pass their own). */
export function createFacilitatorApi(fetchFn: FetchFn = defaultFetch) {
  return {
    login: (username: string, password: string): Promise<LoginResponse> =>
      request(fetchFn, '/api/auth/login', loginResponseSchema, {
        method: 'POST',
        body: { username: username.trim(), password },
      }),
    logout: (token: string): Promise<unknown> =>
      request(fetchFn, '/api/auth/logout', anything, { method: 'POST', token }),
    scenarios: (token: string): Promise<ScenarioSummary[]> =>
      request(fetchFn, '/api/scenarios', scenarioSummarySchema.array(), { token }),
    sessions: (token: string): Promise<SessionListItem[]> =>
      request(fetchFn, '/api/sessions', sessionListItemSchema.array(), { token }),
    session: (token: string, id: string): Promise<SessionMeta> =>
      request(fetchFn, `/api/sessions/${encodeURIComponent(id)}`, sessionMetaSchema, { token }),
    createSession: (token: string, body: CreateSessionRequest): Promise<SessionMeta> =>
      request(fetchFn, '/api/sessions', sessionMetaSchema, { method: 'POST', token, body }),
    roleView: (token: string, id: string, team: string, role: string): Promise<RoleView> =>
      request(
        fetchFn,
        `/api/sessions/${encodeURIComponent(id)}/teams/${encodeURIComponent(team)}/views/${encodeURIComponent(role)}`,
        roleViewSchema,
        { token },
      ),
    members: (token: string, id: string): Promise<SessionMember[]> =>
      request(
        fetchFn,
        `/api/sessions/${encodeURIComponent(id)}/members`,
        sessionMemberSchema.array(),
        { token },
      ),
    addMember: (
      token: string,
      id: string,
      role: 'observers' | 'facilitators',
      username: string,
    ): Promise<SessionMember> =>
      request(fetchFn, `/api/sessions/${encodeURIComponent(id)}/${role}`, sessionMemberSchema, {
        method: 'POST',
        token,
        body: { username: username.trim() },
      }),
  };
}

export type FacilitatorApi = ReturnType<typeof createFacilitatorApi>;

// ---- the staff login ----------------------------------------------------------------------------

type Listener = () => void;

/**
 * The staff login of this tab. It lives in sessionStorage, so it ends with the tab (a shared
 * training-room laptop does not stay logged in) but survives a reload during a session.
 */
export class StaffAuthStore {
  private listeners = new Set<Listener>();
  private cached: StaffAuth | null | undefined;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The stored login, or null when there is none or it has expired. */
  get(): StaffAuth | null {
    if (this.cached === undefined) this.cached = this.read();
    if (this.cached && Date.parse(this.cached.expiresAt) <= this.now()) {
      this.clear();
      return null;
    }
    return this.cached;
  }

  set(auth: StaffAuth): void {
    this.cached = auth;
    try {
      this.storage?.setItem(STAFF_AUTH_KEY, JSON.stringify(auth));
    } catch {
      // Storage blocked: the login lasts until the page is reloaded.
    }
    this.notify();
  }

  clear(): void {
    this.cached = null;
    try {
      this.storage?.removeItem(STAFF_AUTH_KEY);
    } catch {
      // Nothing stored, nothing to remove.
    }
    this.notify();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private read(): StaffAuth | null {
    try {
      const raw = this.storage?.getItem(STAFF_AUTH_KEY);
      if (!raw) return null;
      return parseStaffAuth(JSON.parse(raw));
    } catch {
      return null;
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function defaultSessionStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

let sharedStore: StaffAuthStore | undefined;

/** The tab's staff login store. */
export function staffAuthStore(): StaffAuthStore {
  sharedStore ??= new StaffAuthStore(defaultSessionStorage());
  return sharedStore;
}
