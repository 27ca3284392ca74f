import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth, useSession } from '../auth/auth.context';
import { PAGES } from '../pages.registry';
import { navSections, pageAt } from './nav.util';

const ROLE_LABEL = { owner: 'Platform owner', tenant_admin: 'Tenant admin', tenant_agent: 'Tenant agent' } as const;

/**
 * The signed-in shell: skip link, banner (who is signed in, sign out), navigation by role and
 * the main region. On each client-side navigation focus moves to the main region so keyboard
 * and screen-reader users start at the new page's content.
 */
export function ConsoleLayout() {
  const session = useSession();
  const { logout } = useAuth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const page = pageAt(location.pathname, PAGES);

  useEffect(() => {
    document.title = page ? `${page.label} · Parley console` : 'Parley console';
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname, page]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="banner">
        <span className="brand">Parley console</span>
        <div className="account">
          <span>
            {session.email} <span className="role">({ROLE_LABEL[session.role]})</span>
          </span>
          <button type="button" onClick={() => logout('signed-out')}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Console">
        {navSections(session.role, PAGES).map((group) => (
          <div key={group.section} className="nav-group">
            <h2 className="nav-title" id={`nav-${group.section}`}>
              {group.title}
            </h2>
            <ul aria-labelledby={`nav-${group.section}`}>
              {group.pages.map((p) => (
                <li key={p.path}>
                  <NavLink to={`/${p.path}`}>
                    {p.label}
                    {p.Badge ? (
                      <>
                        {' '}
                        <p.Badge />
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="content">
        <Outlet />
      </main>
    </div>
  );
}
