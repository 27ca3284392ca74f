import { landingPath, navSections, pageAt, pagesFor, type NavEntry } from '../shell/nav.util';

const pages: NavEntry[] = [
  { path: 'inbox', label: 'Inbox', section: 'general', roles: ['owner', 'tenant_admin', 'tenant_agent'] },
  { path: 'handoff', label: 'Handoff queue', section: 'staff', roles: ['tenant_admin', 'tenant_agent'] },
  { path: 'settings', label: 'Settings', section: 'staff', roles: ['tenant_admin'] },
  { path: 'tenants', label: 'Tenants', section: 'owner', roles: ['owner'] },
];

describe('navigation by role', () => {
  it.each([
    ['owner', ['inbox', 'tenants']],
    ['tenant_admin', ['inbox', 'handoff', 'settings']],
    ['tenant_agent', ['inbox', 'handoff']],
  ] as const)('%s sees %j', (role, paths) => {
    expect(pagesFor(role, pages).map((p) => p.path)).toEqual(paths);
  });

  it('groups pages by section and leaves out empty sections', () => {
    expect(navSections('tenant_agent', pages).map((g) => [g.title, g.pages.map((p) => p.path)])).toEqual([
      ['General', ['inbox']],
      ['Tenant workspace', ['handoff']],
    ]);
    expect(navSections('owner', pages).map((g) => g.section)).toEqual(['general', 'owner']);
  });

  it('lands on the page the user came from only when the role may open it', () => {
    expect(landingPath('tenant_agent', pages, '/handoff/3f0c')).toBe('/handoff/3f0c');
    expect(landingPath('tenant_agent', pages, '/settings')).toBe('/inbox');
    expect(landingPath('owner', pages, '/handoffs')).toBe('/inbox');
    expect(landingPath('owner', pages, null)).toBe('/inbox');
    expect(landingPath('owner', [], null)).toBe('/no-pages');
  });

  it('finds the page of a location by path segment, not by prefix', () => {
    expect(pageAt('/handoff/abc', pages)?.label).toBe('Handoff queue');
    expect(pageAt('/handoffs', pages)).toBeUndefined();
  });
});
