import { assistantPage } from './assistant/assistant.entry';
import { billingPage } from './billing/billing.entry';
import { botSettingsPage } from './bot-settings/bot-settings.entry';
import { contactsPage } from './contacts/contacts.entry';
import { degradePage } from './degrade/degrade.entry';
import { conversationsPage } from './conversations/conversations.entry';
import { handoffPage } from './handoff/handoff.entry';
import { inboxPage } from './inbox/inbox.entry';
import { insightsPage } from './insights/insights.entry';
import { knowledgePage } from './knowledge/knowledge.entry';
import { notificationsPage } from './notifications/notifications.entry';
import type { ConsolePage } from './pages/console-page.types';
import { portfolioPage } from './portfolio/portfolio.entry';
import { signalSettingsPage } from './signal-settings/signal-settings.entry';
import { siteKeysPage } from './site-keys/site-keys.entry';
import { tenantsPage } from './tenants/tenants.entry';

/**
 * Every page of the console, in navigation order. Add a page by importing its entry
 * (`<feature>/<feature>.entry.tsx`, a ConsolePage) and listing it here: the router and the
 * navigation both read this list, so a page is reachable exactly when it is listed.
 */
export const PAGES: readonly ConsolePage[] = [
  handoffPage,
  inboxPage,
  conversationsPage,
  contactsPage,
  insightsPage,
  knowledgePage,
  notificationsPage,
  siteKeysPage,
  botSettingsPage,
  signalSettingsPage,
  billingPage,
  portfolioPage,
  assistantPage,
  tenantsPage,
  degradePage,
];
