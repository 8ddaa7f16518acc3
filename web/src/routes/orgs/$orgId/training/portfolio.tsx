import { createFileRoute } from '@tanstack/react-router';
import { MyPortfolioPage } from '../../../../features/training/MyPortfolioPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/training/portfolio')({
  component: MyPortfolioPage,
});
