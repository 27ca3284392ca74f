import type { Role } from '../auth/auth-session.store';

export interface NavEntry {
  path: string;
  label: string;
  section: 'general' | 'staff' | 'owner';
  roles: readonly Role[];
}

export const SECTION_TITLES: Record<NavEntry['section'], string> = { general: 'General', staff: 'Tenant workspace', owner: 'Platform' };

/** The pages a role may open, in registry order. */
export function pagesFor<P extends NavEntry>(role: Role, pages: readonly P[]): P[] {
  return pages.filter((page) => page.roles.includes(role));
}

/** Navigation groups for a role: only sections that have at least one page, in the order general, staff, owner. */
export function navSections<P extends NavEntry>(
  role: Role,
  pages: readonly P[],
): { section: NavEntry['section']; title: string; pages: P[] }[] {
  const visible = pagesFor(role, pages);
  return (['general', 'staff', 'owner'] as const)
    .map((section) => ({ section, title: SECTION_TITLES[section], pages: visible.filter((page) => page.section === section) }))
    .filter((group) => group.pages.length > 0);
}

/** Where a signed-in user lands: the page they came from when they may open it, else their first page. */
export function landingPath<P extends NavEntry>(role: Role, pages: readonly P[], from?: string | null): string {
  const allowed = pagesFor(role, pages);
  if (from) {
    const clean = from.replace(/^\/+/, '');
    if (allowed.some((page) => clean === page.path || clean.startsWith(`${page.path}/`))) return `/${clean}`;
  }
  return allowed.length > 0 ? `/${allowed[0].path}` : '/no-pages';
}

/** The page a location belongs to (for the document title). */
export function pageAt<P extends NavEntry>(pathname: string, pages: readonly P[]): P | undefined {
  const clean = pathname.replace(/^\/+/, '');
  return pages.find((page) => clean === page.path || clean.startsWith(`${page.path}/`));
}
