import { Badge, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { WORKPLACE_CONTRACTS_SERVE } from '../../../referentiel/activities.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day, money } from '../../relations/format.ts';
import { costsQuery, scheduleQuery } from './contracts-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/deadlines');
const WINDOWS = [30, 60, 90, 180, 365] as const;

export type DeadlinesSearch = { days?: number; year?: number };
export function parseDeadlinesSearch(search: Record<string, unknown>): DeadlinesSearch {
  const days = Number(search.days);
  const year = Number(search.year);
  return {
    days: WINDOWS.includes(days as (typeof WINDOWS)[number]) ? days : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

const URGENT = new Set(['notice_deadline', 'provider_notice']);

/** The échéancier of the contracts (notice deadlines, renewals, ends) and their yearly cost per kind. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const days = search.days ?? 90;
  const year = search.year ?? new Date().getFullYear();
  const schedule = useQuery(scheduleQuery(orgId, days));
  const costs = useQuery({ ...costsQuery(orgId, year), select: (d) => ({ items: d.rows, total: d.total }) });
  const setSearch = (patch: DeadlinesSearch) =>
    void navigate({ search: (s: DeadlinesSearch) => ({ ...s, ...patch }), replace: true });
  return (
    <>
      <PageHeader title={t('production.deadlines.title')} served={WORKPLACE_CONTRACTS_SERVE} />
      <Group mb="sm" align="flex-end">
        <NativeSelect
          label={t('production.deadlines.window')}
          value={String(days)}
          onChange={(e) => setSearch({ days: Number(e.currentTarget.value) })}
          data={WINDOWS.map((d) => ({
            value: String(d),
            label: t('production.deadlines.nextDays', { count: d }),
          }))}
          data-testid="deadlines-window"
        />
      </Group>
      <ListTable
        query={schedule}
        minWidth={800}
        testId="deadline-table"
        caption={t('production.deadlines.caption')}
        headers={
          <>
            <Table.Th>{t('production.deadlines.date')}</Table.Th>
            <Table.Th>{t('production.deadlines.event')}</Table.Th>
            <Table.Th>{t('production.contracts.fields.object')}</Table.Th>
            <Table.Th>{t('production.contracts.fields.provider')}</Table.Th>
            <Table.Th ta="right">{t('production.deadlines.inDays')}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('production.deadlines.empty')}
        row={(d) => (
          <Table.Tr key={`${d.contractId}-${d.kind}-${d.date}`} data-testid="deadline-row">
            <Table.Td fw={600}>{day(d.date)}</Table.Td>
            <Table.Td>
              <Badge
                size="sm"
                variant="light"
                color={URGENT.has(d.kind) ? 'red' : 'blue'}
                miw="max-content"
                data-testid="deadline-kind"
              >
                {t(`production.deadlines.kinds.${d.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {d.object}
              <Text size="xs" c="dimmed">
                {t(`production.contracts.kinds.${d.contractKind}`)}
                {d.reference ? ` · ${d.reference}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>{d.providerName}</Table.Td>
            <Table.Td ta="right">{t('production.deadlines.days', { count: d.inDays })}</Table.Td>
          </Table.Tr>
        )}
      />
      <Group mt="xl" mb="sm" align="flex-end" justify="space-between">
        <Title order={2} size="h3">
          {t('production.deadlines.costsTitle', { year })}
        </Title>
        <NativeSelect
          label={t('production.deadlines.year')}
          value={String(year)}
          onChange={(e) => setSearch({ year: Number(e.currentTarget.value) })}
          data={[-1, 0, 1].map((d) => String(new Date().getFullYear() + d))}
        />
      </Group>
      <ListTable
        query={costs}
        minWidth={600}
        testId="cost-table"
        caption={t('production.deadlines.costsCaption')}
        headers={
          <>
            <Table.Th>{t('production.contracts.fields.kind')}</Table.Th>
            <Table.Th ta="right">{t('production.deadlines.contracts')}</Table.Th>
            <Table.Th ta="right">{t('production.deadlines.net')}</Table.Th>
            <Table.Th ta="right">{t('production.deadlines.vat')}</Table.Th>
            <Table.Th ta="right">{t('production.deadlines.gross')}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('production.deadlines.noCost')}
        row={(r) => (
          <Table.Tr key={r.kind} data-testid="cost-row">
            <Table.Td>{t(`production.contracts.kinds.${r.kind}`)}</Table.Td>
            <Table.Td ta="right">{r.contracts}</Table.Td>
            <Table.Td ta="right">{money(r.net)}</Table.Td>
            <Table.Td ta="right">{money(r.vat)}</Table.Td>
            <Table.Td ta="right">{money(r.gross)}</Table.Td>
          </Table.Tr>
        )}
      />
      {costs.data && costs.data.items.length > 0 ? (
        <Text fw={600} ta="right" mt="xs" data-testid="cost-total">
          {t('production.deadlines.total', {
            net: money(costs.data.total.net),
            gross: money(costs.data.total.gross),
          })}
        </Text>
      ) : null}
    </>
  );
}
