import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../auth/auth-session.store';

/** Where a page sits in the navigation: every user's (inbox), the tenant staff's work, or the platform owner's. */
export type NavSection = 'general' | 'staff' | 'owner';

/**
 * One page of the console: its route, its navigation entry and who may open it. The router
 * and the navigation are both derived from the list in pages.registry.tsx, so a page is
 * reachable exactly when it is listed, and only by the roles it names.
 */
export interface ConsolePage {
  /** Path under /console without a leading slash (`handoff`); the page owns everything below it. */
  path: string;
  /** Navigation label, also the document title. */
  label: string;
  section: NavSection;
  roles: readonly Role[];
  element: ReactNode;
  /** Shown after the label in the navigation (e.g. the unread count). */
  Badge?: ComponentType;
}
