import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { LoadError, PageLoader } from '../components/PageState';
import { SessionFrame } from '../components/Shell';
import { useSession } from './session';

/**
 * Shows its children to signed-in users; sends everyone else to sign in, then back here. While the
 * session is read, or when it cannot be, the frame of the app stays, with the language and
 * signing out, and the wait or the failure (with a retry) shows in the content area.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { user, loading, error, retry } = useSession();
  const location = useLocation();

  if (loading) {
    return (
      <SessionFrame>
        <PageLoader />
      </SessionFrame>
    );
  }
  if (error && !user) {
    return (
      <SessionFrame>
        <LoadError error={error} onRetry={retry} />
      </SessionFrame>
    );
  }
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return children;
}
