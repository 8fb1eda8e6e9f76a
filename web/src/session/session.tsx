import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, csrfCookie, onSessionLost } from '../api/client';
import type { Me, SessionInfo } from '../api/types';

type Status =
  | { state: 'checking' }
  | { state: 'signed-out'; reason?: 'ended' | 'expired' }
  | { state: 'signed-in'; user: Me; idleTimeoutSeconds: number };

interface SessionApi {
  status: Status;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
}

const Context = createContext<SessionApi | null>(null);

/**
 * The browser session: the server keeps it (httpOnly cookie); the app only learns who is signed
 * in, and hears when the server ends the session (idle time-out, token revoked).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() =>
    csrfCookie() ? { state: 'checking' } : { state: 'signed-out' },
  );

  useEffect(() => {
    onSessionLost(() => setStatus({ state: 'signed-out', reason: 'expired' }));
    if (status.state !== 'checking') return;
    api<SessionInfo>('/session').then(
      (s) =>
        setStatus({ state: 'signed-in', user: s.user, idleTimeoutSeconds: s.idleTimeoutSeconds }),
      () => setStatus({ state: 'signed-out' }),
    );
    // Checked once, when the app opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signIn = useCallback(async (token: string) => {
    const s = await api<SessionInfo>('/session', { method: 'POST', body: { token } });
    setStatus({ state: 'signed-in', user: s.user, idleTimeoutSeconds: s.idleTimeoutSeconds });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/session', { method: 'DELETE' });
    } finally {
      setStatus({ state: 'signed-out', reason: 'ended' });
    }
  }, []);

  const value = useMemo(() => ({ status, signIn, signOut }), [status, signIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(Context);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages behind the sign-in. */
export function useUser(): Me {
  const { status } = useSession();
  if (status.state !== 'signed-in') throw new Error('useUser while signed out');
  return status.user;
}
