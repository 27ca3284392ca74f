import type { ConsolePage } from '../pages/console-page.types';
import { HandoffPage } from './handoff.page';

export const handoffPage: ConsolePage = {
  path: 'handoff',
  label: 'Handoff queue',
  section: 'staff',
  roles: ['tenant_admin', 'tenant_agent'],
  element: <HandoffPage />,
};
