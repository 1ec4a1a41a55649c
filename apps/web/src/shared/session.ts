import { type Actor, api, type RouteOutput } from '@linli/contracts';
import { MutationCache, QueryCache, QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { call, isApiError, setCsrfToken } from './api.ts';

export type MeView = RouteOutput<typeof api.auth.me>['me'];
export type GrantView = MeView['grants'][number];

const ME_KEY = ['me'] as const;

/** Forget every cached answer of the previous user, keeping the `me` query (its observers stay attached). */
const forgetOthers = (qc: QueryClient) => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
const LOST_CODES = new Set(['unauthenticated', 'session_expired']);

// Whether the last session ended by timing out, so the sign-in screen can say so.
let expired = false;
const listeners = new Set<() => void>();
const setExpired = (v: boolean) => {
  expired = v;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
export const useSessionExpired = (): boolean => useSyncExternalStore(subscribe, () => expired);

/** One query client per app; any call answered "not signed in" drops the session everywhere. */
export function makeQueryClient(): QueryClient {
  const lost = (e: unknown) => {
    if (!isApiError(e) || e.status !== 401 || !LOST_CODES.has(e.code)) return;
    if (qc.getQueryData(ME_KEY)) {
      setExpired(true);
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
      forgetOthers(qc);
    }
  };
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: lost }),
    mutationCache: new MutationCache({ onError: lost }),
    defaultOptions: {
      queries: { retry: (n, e) => !isApiError(e) && n < 2, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return qc;
}

async function fetchMe(): Promise<MeView | null> {
  try {
    const r = await call(api.auth.me);
    setCsrfToken(r.csrfToken);
    return r.me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      if (e.code === 'session_expired') setExpired(true);
      return null;
    }
    throw e;
  }
}

/** The signed-in user (`null` when signed out), restored with `GET /api/auth/me` after a reload. */
export function useSession() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
  const signIn = useCallback(
    async (phone: string, password: string): Promise<MeView> => {
      const r = await call(api.auth.login, { body: { phone, password } });
      setCsrfToken(r.csrfToken);
      setExpired(false);
      forgetOthers(qc);
      qc.setQueryData(ME_KEY, r.me);
      return r.me;
    },
    [qc],
  );
  const signOut = useCallback(async () => {
    try {
      await call(api.auth.logout);
    } catch {
      // the session may already be gone; sign out locally anyway
    }
    setCsrfToken(null);
    setExpired(false);
    forgetOthers(qc);
    qc.setQueryData(ME_KEY, null);
  }, [qc]);
  /** After an action that started or changed the session (join as a new user, password change). */
  const refresh = useCallback(
    async (csrfToken?: string | null) => {
      if (csrfToken) setCsrfToken(csrfToken);
      setExpired(false);
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    [qc],
  );
  return { me: q.data ?? null, loading: q.isPending, error: q.error, retry: q.refetch, signIn, signOut, refresh };
}

export const actorOf = (me: MeView | null): Actor | null => (me ? { userId: me.user.id, grants: me.grants } : null);

/**
 * Client-side idle check: the server ends idle sessions; after the idle time passes without input we ask
 * `/api/auth/me` again so the sign-in screen (with the time-out message) shows without waiting for a click.
 */
export function useIdleCheck(me: MeView | null): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!me) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    for (const ev of events) window.addEventListener(ev, touch, { passive: true });
    const limit = me.idleTimeoutMinutes * 60_000 + 5_000;
    const timer = window.setInterval(() => {
      if (Date.now() - last > limit) void qc.invalidateQueries({ queryKey: ME_KEY });
    }, 30_000);
    return () => {
      for (const ev of events) window.removeEventListener(ev, touch);
      window.clearInterval(timer);
    };
  }, [me, qc]);
}
