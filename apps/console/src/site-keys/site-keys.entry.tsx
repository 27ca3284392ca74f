import type { ConsolePage } from '../pages/console-page.types';
import { SiteKeysPage } from './site-keys.page';

export const siteKeysPage: ConsolePage = {
  path: 'site-keys',
  label: 'Website widget',
  section: 'staff',
  roles: ['tenant_admin'],
  element: <SiteKeysPage />,
};
