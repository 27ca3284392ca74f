import type { ConsolePage } from '../pages/console-page.types';
import { PortfolioPage } from './portfolio.page';

export const portfolioPage: ConsolePage = {
  path: 'portfolio',
  label: 'Portfolio',
  section: 'owner',
  roles: ['owner'],
  element: <PortfolioPage />,
};
