import type { ConsolePage } from '../pages/console-page.types';
import { SignalSettingsPage } from './signal-settings.page';

export const signalSettingsPage: ConsolePage = {
  path: 'signals',
  label: 'Signals',
  section: 'staff',
  roles: ['tenant_admin', 'tenant_agent'],
  element: <SignalSettingsPage />,
};
