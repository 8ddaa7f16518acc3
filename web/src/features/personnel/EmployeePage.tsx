import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import {
  type DepartureInput,
  departureReasons,
  type EmployeeDto,
} from '../../../../src/personnel/employees/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { EMPLOYEES_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from '../relations/format.ts';
import { EmployeeForm } from './EmployeeForm.tsx';
import { EmployeeStatusBadge } from './EmployeeListPage.tsx';
import { formatNir, hundredthsToInput } from './employee-form-model.ts';
import {
  cancelDeparture,
  employeeKeys,
  employeeQuery,
  recordDeparture,
  updateEmployee,
} from './employees-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/employees/$employeeId');

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} data-testid={testId}>
        {children || '—'}
      </Text>
    </div>
  );
}

function EmployeeFile({ employee }: { employee: EmployeeDto }) {
  const { t } = useTranslation();
  const f = (name: string) => t(`personnel.employees.fields.${name}` as 'personnel.employees.fields.name');
  const e = employee;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('personnel.employees.sections.identity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
          <Item label={f('registerNumber')} testId="employee-register-number">
            {e.registerNumber}
          </Item>
          <Item label={f('sex')}>{t(`personnel.employees.sexes.${e.sex}`)}</Item>
          <Item label={f('birthDate')}>{day(e.birthDate)}</Item>
          <Item label={f('nationality')}>{e.nationality}</Item>
          <Item label={f('socialSecurityNumber')}>
            {e.socialSecurityNumber ? formatNir(e.socialSecurityNumber) : null}
          </Item>
          <Item label={f('workPermit')}>{e.workPermit}</Item>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('personnel.employees.sections.job')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
          <Item label={f('jobTitle')} testId="employee-job">
            {e.jobTitle}
          </Item>
          <Item label={f('qualification')}>{e.qualification}</Item>
          <Item label={f('category')}>{t(`personnel.employees.categories.${e.category}`)}</Item>
          <Item label={f('contractType')}>{t(`personnel.employees.contractTypes.${e.contractType}`)}</Item>
          <Item label={f('hireDate')}>{day(e.hireDate)}</Item>
          <Item label={f('contractEnd')}>{day(e.contractEnd)}</Item>
          <Item label={f('weeklyHours')}>{hundredthsToInput(e.weeklyHours)}</Item>
          <Item label={f('monthlyGross')}>{money(e.monthlyGross)}</Item>
          <Item label={f('taxRate')}>{hundredthsToInput(e.taxRate)}</Item>
          {e.contractType === 'internship' ? (
            <>
              <Item label={f('tutorName')}>{e.tutorName}</Item>
              <Item label={f('workplace')}>{e.workplace}</Item>
            </>
          ) : null}
          {e.leftOn ? (
            <>
              <Item label={f('leftOn')} testId="employee-left-on">
                {day(e.leftOn)}
              </Item>
              <Item label={f('departureReason')}>
                {e.departureReason ? t(`personnel.employees.departureReasons.${e.departureReason}`) : ''}
              </Item>
            </>
          ) : null}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('personnel.employees.sections.contact')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
          <Item label={f('email')}>{e.email}</Item>
          <Item label={f('phone')}>{e.phone}</Item>
          <Item label={f('address')}>{e.address}</Item>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

/** The exit: its date and reason in a dialog, which is the confirmation; the line stays in the register. */
function DepartureDialog({
  orgId,
  employee,
  onClose,
}: {
  orgId: string;
  employee: EmployeeDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [leftOn, setLeftOn] = useState(todayIn());
  const [reason, setReason] = useState<DepartureInput['reason']>('resignation');
  const save = useMutation({
    mutationFn: () => recordDeparture(orgId, employee.id, { leftOn, reason }),
    onSuccess: async () => {
      notify('success', t('personnel.employees.departure.recorded'));
      await queryClient.invalidateQueries({ queryKey: employeeKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('personnel.employees.departure.title', { name: `${employee.firstName} ${employee.lastName}` })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="departure-form"
      help={t('personnel.employees.departure.help')}
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('personnel.employees.departure.submit')}
      submitTestId="departure-submit"
    >
      <TextInput
        type="date"
        label={t('personnel.employees.fields.leftOn')}
        required
        data-autofocus
        value={leftOn}
        onChange={(e) => setLeftOn(e.currentTarget.value)}
        data-testid="departure-date"
      />
      <NativeSelect
        label={t('personnel.employees.fields.departureReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as DepartureInput['reason'])}
        data={departureReasons.map((r) => ({
          value: r,
          label: t(`personnel.employees.departureReasons.${r}`),
        }))}
        data-testid="departure-reason"
      />
    </FormModal>
  );
}

export function EmployeePage() {
  const { t } = useTranslation();
  const { orgId, employeeId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const query = useQuery(employeeQuery(orgId, employeeId));
  const [editing, setEditing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const back = useMutation({
    mutationFn: () => cancelDeparture(orgId, employeeId),
    onSuccess: async (e) => {
      notify(
        'success',
        t('personnel.employees.departure.cancelled', { name: `${e.firstName} ${e.lastName}` }),
      );
      await queryClient.invalidateQueries({ queryKey: employeeKeys.all(orgId) });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (query.isError) return <LoadError error={query.error} />;
  const employee = query.data;
  if (!employee) return <PageLoader />;
  const name = `${employee.firstName} ${employee.lastName}`;
  const writable = can('personnel.write');

  if (editing)
    return (
      <>
        <PageHeader title={t('personnel.employees.editTitle', { name })} served={EMPLOYEES_SERVE} />
        <EmployeeForm
          employee={employee}
          submitLabel={t('personnel.employees.save')}
          onSubmit={async (input) => {
            const saved = await updateEmployee(orgId, employeeId, input);
            queryClient.setQueryData(employeeQuery(orgId, employeeId).queryKey, saved);
            await queryClient.invalidateQueries({ queryKey: employeeKeys.all(orgId) });
            notify('success', t('personnel.employees.updated'));
            setEditing(false);
          }}
          cancel={
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          }
        />
      </>
    );

  return (
    <>
      <PageHeader
        title={`${employee.lastName.toUpperCase()} ${employee.firstName}`}
        served={EMPLOYEES_SERVE}
        actions={
          writable ? (
            <Group gap="sm">
              <Button variant="default" onClick={() => setEditing(true)} data-testid="employee-edit">
                {t('personnel.employees.edit')}
              </Button>
              {employee.leftOn ? (
                <Button
                  color="red.9"
                  loading={back.isPending}
                  onClick={() => {
                    if (window.confirm(t('personnel.employees.departure.cancelQuestion', { name })))
                      back.mutate();
                  }}
                  data-testid="departure-cancel"
                >
                  {t('personnel.employees.departure.cancel')}
                </Button>
              ) : (
                <Button color="red.9" onClick={() => setLeaving(true)} data-testid="departure-open">
                  {t('personnel.employees.departure.open')}
                </Button>
              )}
            </Group>
          ) : null
        }
      />
      <Group mb="md">
        <EmployeeStatusBadge employee={employee} />
      </Group>
      <EmployeeFile employee={employee} />
      {leaving ? (
        <DepartureDialog orgId={orgId} employee={employee} onClose={() => setLeaving(false)} />
      ) : null}
    </>
  );
}
