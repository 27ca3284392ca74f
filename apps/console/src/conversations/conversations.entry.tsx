import type { ConsolePage } from '../pages/console-page.types';
import { ConversationsPage } from './conversations.page';

export const conversationsPage: ConsolePage = {
  path: 'conversations',
  label: 'Conversations',
  section: 'staff',
  roles: ['tenant_admin', 'tenant_agent'],
  element: <ConversationsPage />,
};
