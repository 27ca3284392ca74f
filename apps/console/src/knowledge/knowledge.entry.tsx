import type { ConsolePage } from '../pages/console-page.types';
import { KnowledgePage } from './knowledge.page';

export const knowledgePage: ConsolePage = {
  path: 'knowledge',
  label: 'Knowledge',
  section: 'staff',
  roles: ['tenant_admin'],
  element: <KnowledgePage />,
};
