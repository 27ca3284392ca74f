import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createApiClient, type ApiClient } from '../api/api.client';
import { unwrap } from '../api/problem.util';
import { clearSession, readSession, saveSession, type AuthSession } from './auth-session.store';

/** Why the user is on the login page, shown there. */
export type SignedOutReason = 'expired' | 'signed-out' | null;

interface AuthState {
  session: AuthSession | null;
  signedOutReason: SignedOutReason;
  api: ApiClient;
  login(email: string, password: string): Promise<AuthSession>;
  logout(reason?: SignedOutReason): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<AuthSession | null>(() => readSession(sessionStorage));
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const logout = useCallback(
    (reason: SignedOutReason = 'signed-out') => {
      clearSession(sessionStorage);
      sessionRef.current = null;
      setSession(null);
      setSignedOutReason(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  // One client for the app's life: it reads the token on each request, and a 401 to a
  // request that carried one means the token expired or was revoked.
  const logoutRef = useRef(logout);
  logoutRef.current = logout;
  const api = useMemo(
    () =>
      createApiClient({
        token: () => {
          const current = sessionRef.current;
          if (current && Date.parse(current.expiresAt) <= Date.now()) {
            queueMicrotask(() => logoutRef.current('expired'));
            return null;
          }
          return current?.token ?? null;
        },
        onUnauthorized: () => logoutRef.current('expired'),
      }),
    [],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const body = unwrap(await api.POST('/api/v1/auth/login', { body: { email, password } }));
      const next: AuthSession = { token: body.token, role: body.role, tenantId: body.tenantId, expiresAt: body.expiresAt, email };
      saveSession(sessionStorage, next);
      sessionRef.current = next;
      queryClient.clear();
      setSignedOutReason(null);
      setSession(next);
      return next;
    },
    [api, queryClient],
  );

  const value = useMemo<AuthState>(
    () => ({ session, signedOutReason, api, login, logout }),
    [session, signedOutReason, api, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user's session; only for pages behind RequireAuth. */
export function useSession(): AuthSession {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session (page not behind RequireAuth)');
  return session;
}

export function useApi(): ApiClient {
  return useAuth().api;
}
