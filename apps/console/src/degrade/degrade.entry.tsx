import type { ConsolePage } from '../pages/console-page.types';
import { DegradePage } from './degrade.page';

export const degradePage: ConsolePage = {
  path: 'degrade',
  label: 'Degrade',
  section: 'owner',
  roles: ['owner'],
  element: <DegradePage />,
};
