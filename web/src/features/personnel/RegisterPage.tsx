import { Table, Text, TextInput, Title } from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import type { RegisterLine } from '../../../../src/personnel/employees/contract.ts';
import { EMPLOYEES_SERVE } from '../../referentiel/activities.ts';
import { ExportButtons } from '../../ui/ExportButtons.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day } from '../relations/format.ts';
import { downloadRegister, registerQuery } from './employees-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/register');

export function parseRegisterSearch(search: Record<string, unknown>): { presentOn?: string } {
  return isCalendarDate(search.presentOn) ? { presentOn: search.presentOn } : {};
}

export function RegisterPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(registerQuery(orgId, search.presentOn));
  const c = (name: string) => t(`personnel.register.columns.${name}` as 'personnel.register.columns.name');
  const name = (l: RegisterLine) => (
    <AnchorLink
      to="/orgs/$orgId/personnel/employees/$employeeId"
      params={{ orgId, employeeId: l.employeeId }}
    >
      {l.lastName.toUpperCase()} {l.firstName}
    </AnchorLink>
  );
  // Each part of the register as a list of its own for ListTable (loading and error shared).
  const part = (key: 'employees' | 'trainees') =>
    ({ ...query, data: query.data ? { items: query.data[key] } : undefined }) as UseQueryResult<{
      items: RegisterLine[];
    }>;
  return (
    <>
      <PageHeader
        title={t('personnel.register.title')}
        served={EMPLOYEES_SERVE}
        actions={
          // PDF and CSV made by the server with the screen's filter.
          <ExportButtons
            formats={['pdf', 'csv']}
            fetchFile={(format) => downloadRegister(orgId, format as 'pdf' | 'csv', search.presentOn)}
            fallbackName={(format) => `registre-du-personnel.${format}`}
            testIdPrefix="register"
          />
        }
      />
      <Text mb="md" maw={820}>
        {t('personnel.register.intro')}
      </Text>
      <TextInput
        type="date"
        label={t('personnel.register.presentOn')}
        description={t('personnel.register.presentOnHint')}
        value={search.presentOn ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value;
          void navigate({ search: isCalendarDate(value) ? { presentOn: value } : {}, replace: true });
        }}
        maw={260}
        mb="md"
        data-testid="register-present-on"
      />
      <Title order={2} size="h4" mb="xs">
        {t('personnel.register.employees')}
      </Title>
      <ListTable
        query={part('employees')}
        minWidth={1000}
        testId="register-employees"
        caption={t('personnel.register.employeesCaption')}
        headers={
          <>
            <Table.Th>{c('number')}</Table.Th>
            <Table.Th>{c('name')}</Table.Th>
            <Table.Th>{c('sex')}</Table.Th>
            <Table.Th>{c('birthDate')}</Table.Th>
            <Table.Th>{c('nationality')}</Table.Th>
            <Table.Th>{c('job')}</Table.Th>
            <Table.Th>{c('contract')}</Table.Th>
            <Table.Th>{c('hireDate')}</Table.Th>
            <Table.Th>{c('leftOn')}</Table.Th>
            <Table.Th>{c('workPermit')}</Table.Th>
          </>
        }
        columns={10}
        emptyText={t('personnel.register.empty')}
        row={(l: RegisterLine) => (
          <Table.Tr key={l.employeeId} data-testid="register-row">
            <Table.Td>{l.registerNumber}</Table.Td>
            <Table.Td fw={600}>{name(l)}</Table.Td>
            <Table.Td>{l.sex}</Table.Td>
            <Table.Td>{day(l.birthDate)}</Table.Td>
            <Table.Td>{l.nationality}</Table.Td>
            <Table.Td>
              {l.jobTitle}
              {l.qualification ? (
                <Text size="sm" c="dimmed">
                  {l.qualification}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              {[
                ...(l.contractType === 'cdi' ? [t('personnel.employees.contractTypes.cdi')] : []),
                ...l.mentions,
              ].join(', ')}
            </Table.Td>
            <Table.Td>{day(l.hireDate)}</Table.Td>
            <Table.Td>{day(l.leftOn)}</Table.Td>
            <Table.Td>{l.workPermit}</Table.Td>
          </Table.Tr>
        )}
      />
      <Title order={2} size="h4" mt="lg" mb="xs">
        {t('personnel.register.trainees')}
      </Title>
      <ListTable
        query={part('trainees')}
        minWidth={820}
        testId="register-trainees"
        caption={t('personnel.register.traineesCaption')}
        headers={
          <>
            <Table.Th>{c('number')}</Table.Th>
            <Table.Th>{c('name')}</Table.Th>
            <Table.Th>{c('start')}</Table.Th>
            <Table.Th>{c('end')}</Table.Th>
            <Table.Th>{c('tutor')}</Table.Th>
            <Table.Th>{c('workplace')}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('personnel.register.noTrainees')}
        row={(l: RegisterLine) => (
          <Table.Tr key={l.employeeId} data-testid="register-trainee-row">
            <Table.Td>{l.registerNumber}</Table.Td>
            <Table.Td fw={600}>{name(l)}</Table.Td>
            <Table.Td>{day(l.hireDate)}</Table.Td>
            <Table.Td>{day(l.leftOn ?? l.contractEnd)}</Table.Td>
            <Table.Td>{l.tutorName}</Table.Td>
            <Table.Td>{l.workplace}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
