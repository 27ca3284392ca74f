import type { ConsolePage } from '../pages/console-page.types';
import { BillingPage } from './billing.page';

export const billingPage: ConsolePage = {
  path: 'billing',
  label: 'Billing',
  section: 'staff',
  roles: ['tenant_admin'],
  element: <BillingPage />,
};
