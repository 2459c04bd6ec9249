import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type Actor, type Language } from '@hundred/domain';
import { createContext, use, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';

import { onSessionEnded } from '../api/client';
import { graphql } from '../gql';
import type { SessionUserFragment } from '../gql/graphql';
import { i18n, storedLanguage } from '../i18n';

export const SessionUserFields = graphql(`
  fragment SessionUser on User {
    id
    email
    nameAr
    nameEn
    roles
    teamRoles
    agencyId
    preferredLanguage
    version
    agency {
      id
      code
      nameAr
      nameEn
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export type SessionUser = SessionUserFragment;

interface SessionValue {
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** The same shape the server checks permissions with. */
  actor: Actor | null;
  /** True until the first answer about the session arrives. */
  loading: boolean;
  /** Set when the session could not be read at all (API unreachable). */
  error: unknown;
  retry: () => void;
  /** Called after a successful sign-in: loads the new session. */
  signedIn: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(MeQuery, { fetchPolicy: 'cache-first' });
  const [signOutMutation] = useMutation(SignOutMutation);
  const user = data?.me ?? null;

  // The server no longer knows this session: ask once who we are; `me` becomes null and the
  // route guard sends the person to sign in, remembering where they were.
  const checking = useRef(false);
  useEffect(
    () =>
      onSessionEnded(() => {
        if (checking.current) return;
        checking.current = true;
        void client.refetchQueries({ include: [MeQuery] }).finally(() => {
          checking.current = false;
        });
      }),
    [client],
  );

  // Without a choice made on this browser, the interface speaks the user's preferred language.
  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user || adoptedFor.current === user.id) return;
    adoptedFor.current = user.id;
    if (!storedLanguage() && i18n.resolvedLanguage !== user.preferredLanguage) {
      void i18n.changeLanguage(user.preferredLanguage satisfies Language);
    }
  }, [user]);

  // Nothing cached for an earlier session survives a sign-in: the store is emptied and the
  // active queries (the session itself) are asked again.
  const signedIn = useCallback(async () => {
    await client.resetStore();
  }, [client]);

  // Signing out reloads the application, so no data of this session stays in memory.
  const signOut = useCallback(async () => {
    try {
      await signOutMutation();
    } catch {
      // Even if the server cannot be told, this browser forgets the session.
    }
    window.location.replace('/sign-in');
  }, [signOutMutation]);

  const value = useMemo<SessionValue>(
    () => ({
      user,
      actor: user ? { id: user.id, agencyId: user.agencyId, roles: user.roles ?? [] } : null,
      loading: loading && !data,
      error: data ? undefined : error,
      retry: () => void refetch(),
      signedIn,
      signOut,
    }),
    [user, data, loading, error, refetch, signedIn, signOut],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
