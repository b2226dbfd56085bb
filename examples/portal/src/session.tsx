// Who is signed in: the account (GET /auth/me) and her learner profile.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, type Schemas, session } from './api/client';

type Me = Schemas['AuthMe'];
type Learner = Schemas['Learner'];

interface SessionState {
  /** Still finding out (a reload with a refresh token). */
  loading: boolean;
  me: Me | null;
  /** Her profile; null until she has made it. */
  profile: Learner | null;
  /** Reads the account and profile again (after sign-in or a profile change). */
  reload: () => Promise<void>;
  signOut: () => Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ loading: boolean; me: Me | null; profile: Learner | null }>({
    loading: session.signedIn,
    me: null,
    profile: null,
  });

  const reload = useCallback(async () => {
    if (!session.signedIn) {
      setState({ loading: false, me: null, profile: null });
      return;
    }
    const { data: me } = await api.GET('/auth/me');
    if (!me) {
      setState({ loading: false, me: null, profile: null });
      return;
    }
    let profile: Learner | null = null;
    if (me.subject) {
      const { data } = await api.GET('/api/learners/{id}', { params: { path: { id: me.subject } } });
      if (data && 'name' in data) profile = data as Learner;
    }
    setState({ loading: false, me, profile });
  }, []);

  useEffect(() => {
    void reload();
    return session.subscribe(() => void reload());
  }, [reload]);

  const signOut = useCallback(async () => {
    const refreshToken = session.refreshToken();
    if (refreshToken) await api.POST('/auth/signout', { body: { refreshToken } });
    session.end();
  }, []);

  return <Ctx.Provider value={{ ...state, reload, signOut }}>{children}</Ctx.Provider>;
}

/** The session's state, in any screen. */
export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
