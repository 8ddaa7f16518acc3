import { createFileRoute } from '@tanstack/react-router';
import { RecruitmentPage } from '../../../../../features/personnel/careers/RecruitmentPage.tsx';

export const Route = createFileRoute('/orgs/$orgId/personnel/recruitment/')({ component: RecruitmentPage });
