import { inboxPage } from './inbox/inbox.entry';
import type { ConsolePage } from './pages/console-page.types';

/**
 * Every page of the console, in navigation order. Add a page by importing its entry
 * (`<feature>/<feature>.entry.tsx`, a ConsolePage) and listing it here: the router and the
 * navigation both read this list, so a page is reachable exactly when it is listed.
 */
export const PAGES: readonly ConsolePage[] = [inboxPage];
