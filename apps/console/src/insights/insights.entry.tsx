import type { ConsolePage } from '../pages/console-page.types';
import { InsightsPage } from './insights.page';

export const insightsPage: ConsolePage = {
  path: 'insights',
  label: 'Insights',
  section: 'staff',
  roles: ['tenant_admin', 'tenant_agent'],
  element: <InsightsPage />,
};
