import type { ConsolePage } from '../pages/console-page.types';
import { InboxPage } from './inbox.page';
import { UnreadBadge } from './unread-badge.component';

export const inboxPage: ConsolePage = {
  path: 'inbox',
  label: 'Inbox',
  section: 'general',
  roles: ['tenant_admin', 'tenant_agent', 'owner'],
  element: <InboxPage />,
  Badge: UnreadBadge,
};
