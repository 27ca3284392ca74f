import type { ConsolePage } from '../pages/console-page.types';
import { NotificationsPage } from './notifications.page';

export const notificationsPage: ConsolePage = {
  path: 'notifications',
  label: 'Notification channels',
  section: 'staff',
  roles: ['tenant_admin'],
  element: <NotificationsPage />,
};
