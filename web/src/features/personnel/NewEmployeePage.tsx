import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPLOYEES_SERVE } from '../../referentiel/activities.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { newIdempotencyKey } from '../parties/party-api.ts';
import { EmployeeForm } from './EmployeeForm.tsx';
import { createEmployee, employeeKeys } from './employees-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/employees/new');

/** The entry of a new employee: the register's order number is given when it is saved. */
export function NewEmployeePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  return (
    <>
      <PageHeader title={t('personnel.employees.newTitle')} served={EMPLOYEES_SERVE} />
      <EmployeeForm
        submitLabel={t('personnel.employees.save')}
        onSubmit={async (input) => {
          const employee = await createEmployee(orgId, input, idempotencyKey);
          notify(
            'success',
            t('personnel.employees.created', {
              name: `${employee.firstName} ${employee.lastName}`,
              number: employee.registerNumber,
            }),
          );
          await queryClient.invalidateQueries({ queryKey: employeeKeys.all(orgId) });
          await navigate({
            to: '/orgs/$orgId/personnel/employees/$employeeId',
            params: { orgId, employeeId: employee.id },
          });
        }}
        cancel={
          <Button
            variant="default"
            onClick={() => void navigate({ to: '/orgs/$orgId/personnel/employees', params: { orgId } })}
          >
            {t('common.cancel')}
          </Button>
        }
      />
    </>
  );
}
