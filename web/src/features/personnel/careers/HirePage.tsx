import { Alert, Button } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECRUITMENT_SERVE } from '../../../referentiel/activities.ts';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { newIdempotencyKey } from '../../parties/party-api.ts';
import { EmployeeForm } from '../EmployeeForm.tsx';
import { hundredthsToInput } from '../employee-form-model.ts';
import { employeeKeys } from '../employees-api.ts';
import { careersKeys, hireApplicant, openingQuery } from './careers-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/recruitment/$openingId/hire/$applicantId');

/** Hiring an applicant: the employee form prefilled from the application and the opening. */
export function HirePage() {
  const { t } = useTranslation();
  const { orgId, openingId, applicantId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const query = useQuery(openingQuery(orgId, openingId));
  if (query.isError) return <LoadError error={query.error} />;
  if (!query.data) return <PageLoader />;
  const opening = query.data;
  const applicant = opening.applicants.find((a) => a.id === applicantId);
  if (!applicant) return <Alert color="red">{t('personnel.recruitment.applicantMissing')}</Alert>;
  const back = () =>
    void navigate({ to: '/orgs/$orgId/personnel/recruitment/$openingId', params: { orgId, openingId } });
  return (
    <>
      <PageHeader
        title={t('personnel.recruitment.hireTitle', { name: `${applicant.firstName} ${applicant.lastName}` })}
        served={RECRUITMENT_SERVE}
      />
      <Alert mb="md">{t('personnel.recruitment.hireHelp')}</Alert>
      <EmployeeForm
        submitLabel={t('personnel.recruitment.hireSubmit')}
        initial={{
          lastName: applicant.lastName,
          firstName: applicant.firstName,
          email: applicant.email ?? '',
          phone: applicant.phone ?? '',
          jobTitle: opening.title.replace(/\s*\(?[HF]\/[HF]\)?\s*$/, ''),
          contractType: opening.contractType,
          weeklyHours: hundredthsToInput(opening.weeklyHours),
        }}
        onSubmit={async (input) => {
          const { employee } = await hireApplicant(orgId, applicantId, input, key);
          notify(
            'success',
            t('personnel.recruitment.hired', {
              name: `${employee.firstName} ${employee.lastName}`,
              number: employee.registerNumber,
            }),
          );
          await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
          await queryClient.invalidateQueries({ queryKey: employeeKeys.all(orgId) });
          await navigate({
            to: '/orgs/$orgId/personnel/employees/$employeeId',
            params: { orgId, employeeId: employee.id },
          });
        }}
        cancel={
          <Button variant="default" onClick={back}>
            {t('common.cancel')}
          </Button>
        }
      />
    </>
  );
}
