import { Route, Routes } from 'react-router';
import { ContactDetail } from './contact-detail.component';
import { ContactList } from './contact-list.component';
import '../forms/forms.css';

/** The tenant's CRM contacts: /contacts (search and filters) and /contacts/:id (provenance, timeline, export, erase). */
export function ContactsPage() {
  return (
    <Routes>
      <Route index element={<ContactList />} />
      <Route path=":id" element={<ContactDetail />} />
    </Routes>
  );
}
