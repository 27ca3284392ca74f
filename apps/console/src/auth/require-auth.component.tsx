import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from './auth-session.store';
import { useAuth } from './auth.context';

/** Children only for a signed-in user with one of `roles`; others go to the login page (and back after). */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (roles && !roles.includes(session.role)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">Not available to your role</h1>
        <p>This page is for {roles.map((r) => r.replace('_', ' ')).join(' or ')} accounts.</p>
      </section>
    );
  }
  return <>{children}</>;
}
