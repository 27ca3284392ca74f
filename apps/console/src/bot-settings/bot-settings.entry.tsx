import type { ConsolePage } from '../pages/console-page.types';
import { BotSettingsPage } from './bot-settings.page';

export const botSettingsPage: ConsolePage = {
  path: 'bot-settings',
  label: 'Bot settings',
  section: 'staff',
  roles: ['tenant_admin', 'tenant_agent'],
  element: <BotSettingsPage />,
};
