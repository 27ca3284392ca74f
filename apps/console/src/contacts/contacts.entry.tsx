import type { ConsolePage } from '../pages/console-page.types';
import { ContactsPage } from './contacts.page';

export const contactsPage: ConsolePage = {
  path: 'contacts',
  label: 'Contacts',
  section: 'staff',
  roles: ['tenant_admin', 'tenant_agent'],
  element: <ContactsPage />,
};
