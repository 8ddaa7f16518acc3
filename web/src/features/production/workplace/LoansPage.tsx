import { Badge, NativeSelect, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SHARED_RESOURCES_SERVE } from '../../../referentiel/activities.ts';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { downloadLoanRegister, type LoanSearch, loansQuery, resourcesQuery } from './resources-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/loans');
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const STATES = ['open', 'overdue', 'returned'] as const;

export function parseLoanSearch(search: Record<string, unknown>): LoanSearch {
  return {
    resourceId: typeof search.resourceId === 'string' && search.resourceId ? search.resourceId : undefined,
    state: STATES.includes(search.state as (typeof STATES)[number])
      ? (search.state as LoanSearch['state'])
      : undefined,
    from: isDate(search.from) ? search.from : undefined,
    to: isDate(search.to) ? search.to : undefined,
  };
}

/** The registre des prêts: every check-out and check-in, late ones first to the eye; PDF, Excel, CSV. */
export function LoansPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(loansQuery(orgId, search));
  const resources = useQuery(resourcesQuery(orgId));
  const setSearch = (patch: Partial<LoanSearch>) =>
    void navigate({ search: (s: LoanSearch) => ({ ...s, ...patch }), replace: true });
  const overdue = query.data?.items.filter((l) => l.overdue).length ?? 0;
  return (
    <>
      <PageHeader
        title={t('production.loans.title')}
        served={SHARED_RESOURCES_SERVE}
        actions={
          <ExportButtons
            formats={['pdf', 'xlsx', 'csv']}
            fetchFile={(format) => downloadLoanRegister(orgId, search, format)}
            fallbackName={(format) => `registre-des-prets.${format}`}
            testIdPrefix="loan-export"
          />
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="sm">
        <NativeSelect
          label={t('production.loans.resource')}
          value={search.resourceId ?? ''}
          onChange={(e) => setSearch({ resourceId: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('production.loans.allResources') },
            ...(resources.data?.items ?? []).map((r) => ({ value: r.id, label: r.name })),
          ]}
        />
        <NativeSelect
          label={t('production.loans.state')}
          value={search.state ?? ''}
          onChange={(e) => setSearch({ state: (e.currentTarget.value || undefined) as LoanSearch['state'] })}
          data={[
            { value: '', label: t('production.loans.allStates') },
            ...STATES.map((s) => ({ value: s, label: t(`production.loans.states.${s}`) })),
          ]}
          data-testid="loan-filter-state"
        />
        <TextInput
          type="date"
          label={t('production.loans.from')}
          value={search.from ?? ''}
          onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('production.loans.to')}
          value={search.to ?? ''}
          onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      <Text size="sm" mb="xs" aria-live="polite" c={overdue ? 'red.8' : undefined}>
        {query.isPending
          ? t('common.loading')
          : t('production.loans.total', { count: query.data?.items.length ?? 0 }) +
            (overdue ? ` · ${t('production.loans.overdueCount', { count: overdue })}` : '')}
      </Text>
      <ListTable
        query={query}
        minWidth={900}
        testId="loan-table"
        caption={t('production.loans.caption')}
        headers={
          <>
            <Table.Th>{t('production.resources.fields.name')}</Table.Th>
            <Table.Th>{t('production.resources.fields.borrower')}</Table.Th>
            <Table.Th>{t('production.resources.fields.outOn')}</Table.Th>
            <Table.Th>{t('production.resources.fields.dueOn')}</Table.Th>
            <Table.Th>{t('production.resources.fields.returnedOn')}</Table.Th>
            <Table.Th>{t('production.loans.states.label')}</Table.Th>
            <Table.Th>{t('production.resources.fields.remarks')}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('production.loans.empty')}
        row={(l) => (
          <Table.Tr key={l.id} data-testid="loan-row" bg={l.overdue ? 'red.0' : undefined}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {l.resourceName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`production.resources.categories.${l.category}`)}
                {l.identifier ? ` · ${l.identifier}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>{l.borrowerName}</Table.Td>
            <Table.Td>{day(l.outOn)}</Table.Td>
            <Table.Td>{day(l.dueOn)}</Table.Td>
            <Table.Td data-testid="loan-returned">
              {l.returnedOn ? (
                day(l.returnedOn)
              ) : (
                <Badge size="sm" variant="light" color={l.overdue ? 'red' : 'blue'}>
                  {l.overdue ? t('production.resources.overdue') : t('production.resources.out')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {t(`production.resources.states.${l.stateOut}`)}
              {l.stateReturned ? ` → ${t(`production.resources.states.${l.stateReturned}`)}` : ''}
            </Table.Td>
            <Table.Td>{[l.remarksOut, l.remarksReturned].filter(Boolean).join(' — ')}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
