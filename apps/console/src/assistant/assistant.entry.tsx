import type { ConsolePage } from '../pages/console-page.types';
import { AssistantPage } from './assistant.page';

export const assistantPage: ConsolePage = {
  path: 'assistant',
  label: 'Assistant',
  section: 'owner',
  roles: ['owner'],
  element: <AssistantPage />,
};
