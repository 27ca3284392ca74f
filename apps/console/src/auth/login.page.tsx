import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PAGES } from '../pages.registry';
import { ProblemAlert } from '../shell/problem-alert.component';
import { landingPath } from '../shell/nav.util';
import { useAuth } from './auth.context';

const REASONS = {
  expired: 'Your session has ended. Sign in again to continue.',
  'signed-out': 'You have signed out.',
} as const;

/** POST /api/v1/auth/login: the owner and tenant staff sign in with email and password. */
export function LoginPage() {
  const { session, signedOutReason, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Parley console';
  }, []);

  if (session && !pending) return <Navigate to={landingPath(session.role, PAGES, from)} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const next = await login(email.trim(), password);
      navigate(landingPath(next.role, PAGES, from), { replace: true });
    } catch (failure) {
      setError(failure);
      setPending(false);
      heading.current?.focus();
    }
  }

  return (
    <div className="login-page">
      <main id="main" className="login-card" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          Sign in to Parley
        </h1>
        {signedOutReason ? (
          <p className="notice" role="status">
            {REASONS[signedOutReason]}
          </p>
        ) : null}
        <ProblemAlert error={error} context="Sign-in failed" />
        <form onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="primary" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
