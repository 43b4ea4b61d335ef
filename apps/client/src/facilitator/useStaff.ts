import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  ApiError,
  createFacilitatorApi,
  staffAuthStore,
  type FacilitatorApi,
  type StaffAuth,
} from '../lib/facilitatorApi';

/** The tab's staff login (null when logged out), updated when it changes anywhere. */
export function useStaffAuth(): StaffAuth | null {
  const store = staffAuthStore();
  return useSyncExternalStore(store.subscribe, () => store.get());
}

let api: FacilitatorApi | undefined;

/** The REST client (it uses the global fetch at call time, so tests can replace fetch). */
export function facilitatorApi(): FacilitatorApi {
  api ??= createFacilitatorApi();
  return api;
}

export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: ApiError };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
}

/**
 * Loads something with the staff token; `reload()` fetches again. A 401 ends the login (the
 * token expired or was revoked), which brings the login form back.
 */
export function useStaffResource<T>(
  token: string,
  load: (api: FacilitatorApi, token: string) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load(facilitatorApi(), token).then(
      (data) => {
        if (!cancelled) setResource({ state: 'ready', data });
      },
      (error: unknown) => {
        if (cancelled) return;
        const apiError = asApiError(error);
        if (apiError.status === 401) staffAuthStore().clear();
        setResource({ state: 'error', error: apiError });
      },
    );
    return () => {
      cancelled = true;
    };
    // `load` is expected to be stable (a module-level function or a memoised callback).
  }, [token, load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return useMemo(() => ({ resource, reload }), [resource, reload]);
}
