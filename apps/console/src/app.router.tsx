import { Navigate, Route, Routes } from 'react-router';
import { useAuth } from './auth/auth.context';
import { LoginPage } from './auth/login.page';
import { RequireAuth } from './auth/require-auth.component';
import { PAGES } from './pages.registry';
import { ConsoleLayout } from './shell/console.layout';
import { landingPath } from './shell/nav.util';
import { NotFoundPage } from './shell/not-found.page';

function Home() {
  const { session } = useAuth();
  return session ? <Navigate to={landingPath(session.role, PAGES)} replace /> : <Navigate to="/login" replace />;
}

/** /console/login, then every registered page behind sign-in and its roles. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        {PAGES.map((page) => (
          <Route key={page.path} path={`${page.path}/*`} element={<RequireAuth roles={page.roles}>{page.element}</RequireAuth>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
