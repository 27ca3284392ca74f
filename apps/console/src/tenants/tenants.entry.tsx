import type { ConsolePage } from '../pages/console-page.types';
import { TenantsPage } from './tenants.page';

export const tenantsPage: ConsolePage = {
  path: 'tenants',
  label: 'Tenants',
  section: 'owner',
  roles: ['owner'],
  element: <TenantsPage />,
};
