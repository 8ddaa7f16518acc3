import { Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type EmployeeDto,
  type EmployeeStatus,
  employeeStatuses,
} from '../../../../src/personnel/employees/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { EMPLOYEES_SERVE } from '../../referentiel/activities.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchBox, SearchFilters } from '../../ui/SearchFilters.tsx';
import { downloadCsv, toCsv } from '../accounting/csv.ts';
import { day } from '../relations/format.ts';
import { hundredthsToInput } from './employee-form-model.ts';
import { type EmployeeSearch, employeeListQuery } from './employees-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/employees/');

export function parseEmployeeSearch(search: Record<string, unknown>): EmployeeSearch {
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 100) : undefined;
  const status = employeeStatuses.includes(search.status as EmployeeStatus)
    ? (search.status as EmployeeStatus)
    : undefined;
  return { ...(q ? { q } : {}), ...(status ? { status } : {}) };
}

/** « Présent(e) » or « Sorti(e) le … », agreed with the person; an exit is shown from the day it is entered. */
export function EmployeeStatusBadge({ employee }: { employee: Pick<EmployeeDto, 'leftOn' | 'sex'> }) {
  const { t } = useTranslation();
  return employee.leftOn ? (
    <Badge size="sm" variant="light" color="gray" data-testid="employee-status">
      {t('personnel.employees.leftOn', { date: day(employee.leftOn), context: employee.sex })}
    </Badge>
  ) : (
    <Badge size="sm" variant="light" color="teal" data-testid="employee-status">
      {t('personnel.employees.present', { context: employee.sex })}
    </Badge>
  );
}

export function EmployeeListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const query = useQuery(employeeListQuery(orgId, search));
  const setSearch = (patch: EmployeeSearch) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const items = query.data?.items ?? [];

  const exportCsv = () => {
    const f = (name: string) => t(`personnel.employees.fields.${name}` as 'personnel.employees.fields.name');
    const header = [
      f('registerNumber'),
      f('lastName'),
      f('firstName'),
      f('jobTitle'),
      f('contractType'),
      f('weeklyHours'),
      f('hireDate'),
      f('leftOn'),
    ];
    const rows = items.map((e) => [
      e.registerNumber,
      e.lastName,
      e.firstName,
      e.jobTitle,
      t(`personnel.employees.contractTypes.${e.contractType}`),
      hundredthsToInput(e.weeklyHours),
      day(e.hireDate),
      day(e.leftOn),
    ]);
    downloadCsv(`${t('personnel.employees.fileName')}.csv`, toCsv(header, rows));
  };

  return (
    <>
      <PageHeader
        title={t('personnel.employees.title')}
        served={EMPLOYEES_SERVE}
        actions={
          <>
            <Button
              variant="default"
              onClick={exportCsv}
              disabled={items.length === 0}
              data-testid="employees-csv"
            >
              {t('personnel.employees.exportCsv')}
            </Button>
            {can('personnel.write') ? (
              <ButtonLink
                to="/orgs/$orgId/personnel/employees/new"
                params={{ orgId }}
                data-testid="employee-new"
              >
                {t('personnel.employees.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <SearchFilters label={t('personnel.employees.search')}>
        <SearchBox
          q={search.q}
          onSearch={(q) => setSearch({ q })}
          delay={300}
          label={t('personnel.employees.search')}
          placeholder={t('personnel.employees.searchPlaceholder')}
          width={280}
          testId="employee-search"
        />
        <NativeSelect
          label={t('personnel.employees.filter')}
          value={search.status ?? ''}
          onChange={(e) =>
            setSearch({ status: (e.currentTarget.value || undefined) as EmployeeStatus | undefined })
          }
          data={[
            { value: '', label: t('personnel.employees.statuses.all') },
            ...employeeStatuses.map((s) => ({ value: s, label: t(`personnel.employees.statuses.${s}`) })),
          ]}
          data-testid="employee-filter"
        />
      </SearchFilters>
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending ? t('common.loading') : t('personnel.employees.total', { count: items.length })}
      </Text>
      <ListTable
        query={query}
        minWidth={820}
        testId="employee-table"
        caption={t('personnel.employees.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.employees.fields.registerNumber')}</Table.Th>
            <Table.Th>{t('personnel.employees.fields.name')}</Table.Th>
            <Table.Th>{t('personnel.employees.fields.jobTitle')}</Table.Th>
            <Table.Th>{t('personnel.employees.fields.contractType')}</Table.Th>
            <Table.Th>{t('personnel.employees.fields.hireDate')}</Table.Th>
            <Table.Th>{t('personnel.employees.fields.status')}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('personnel.employees.empty')}
        row={(e) => (
          <Table.Tr key={e.id} data-testid="employee-row">
            <Table.Td>{e.registerNumber}</Table.Td>
            <Table.Td fw={600}>
              <AnchorLink
                to="/orgs/$orgId/personnel/employees/$employeeId"
                params={{ orgId, employeeId: e.id }}
              >
                {e.lastName.toUpperCase()} {e.firstName}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{e.jobTitle}</Table.Td>
            <Table.Td>{t(`personnel.employees.contractTypes.${e.contractType}`)}</Table.Td>
            <Table.Td>{day(e.hireDate)}</Table.Td>
            <Table.Td>
              <EmployeeStatusBadge employee={e} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
