import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import { SALES_DASHBOARD_SERVE } from '../../referentiel/activities.ts';
import { formatPercent } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from './format.ts';
import { dashboardQuery } from './records-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/dashboard');
const BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

const date = (value: unknown) => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);

/** Recharts wants numbers: euros as floats are fine for drawing; tables show the exact cents. */
const euros = (cents: number) => cents / 100;

function ChartCard({
  title,
  children,
  table,
}: {
  title: string;
  children: React.ReactNode;
  table: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
      <details>
        <summary>
          <Text span size="sm">
            {t('records.dashboard.showData', { title })}
          </Text>
        </summary>
        {table}
      </details>
    </Paper>
  );
}

function SimpleTable({ head, rows }: { head: [string, string]; rows: [string, number][] }) {
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{head[0]}</Table.Th>
          <Table.Th ta="right">{head[1]}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, amount]) => (
          <Table.Tr key={label}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{money(amount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(dashboardQuery(orgId, search));
  const formatter = (v: number) => money(Math.round(v * 100));
  const d = query.data;
  return (
    <>
      <PageHeader title={t('records.dashboard.title')} served={SALES_DASHBOARD_SERVE} />
      <Group mb="md" align="flex-end">
        <TextInput
          type="date"
          label={t('records.dashboard.from')}
          value={search.from ?? d?.from ?? ''}
          onChange={(e) =>
            void navigate({ search: (p) => ({ ...p, from: date(e.currentTarget.value) }), replace: true })
          }
        />
        <TextInput
          type="date"
          label={t('records.dashboard.to')}
          value={search.to ?? d?.to ?? ''}
          onChange={(e) =>
            void navigate({ search: (p) => ({ ...p, to: date(e.currentTarget.value) }), replace: true })
          }
        />
      </Group>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : !d ? (
        <Loader />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper withBorder p="md">
              <Text size="sm">{t('records.dashboard.turnover')}</Text>
              <Text fz={28} fw={700} data-testid="dashboard-turnover">
                {money(d.turnover)}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm">{t('records.dashboard.conversion')}</Text>
              <Text fz={28} fw={700} data-testid="dashboard-conversion">
                {d.quoteConversion.rate === null
                  ? t('records.dashboard.notAvailable')
                  : formatPercent(d.quoteConversion.rate)}
              </Text>
              {d.quoteConversion.note ? <Text size="xs">{d.quoteConversion.note}</Text> : null}
            </Paper>
          </SimpleGrid>
          <ChartCard
            title={t('records.dashboard.byMonth')}
            table={
              <SimpleTable
                head={[t('records.dashboard.month'), t('records.dashboard.amount')]}
                rows={d.turnoverByMonth.map((m) => [m.month, m.amount])}
              />
            }
          >
            <BarChart
              h={260}
              data={d.turnoverByMonth.map((m) => ({ month: m.month, amount: euros(m.amount) }))}
              dataKey="month"
              series={[{ name: 'amount', label: t('records.dashboard.amount'), color: 'blue.8' }]}
              valueFormatter={formatter}
              aria-label={t('records.dashboard.byMonth')}
              role="img"
            />
          </ChartCard>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ChartCard
              title={t('records.dashboard.byProduct')}
              table={
                <SimpleTable
                  head={[t('records.dashboard.product'), t('records.dashboard.amount')]}
                  rows={d.turnoverByProduct.map((p) => [p.label, p.amount])}
                />
              }
            >
              {d.turnoverByProduct.length === 0 ? (
                <Text size="sm">{t('records.dashboard.noData')}</Text>
              ) : (
                <BarChart
                  h={Math.max(160, 36 * Math.min(10, d.turnoverByProduct.length) + 40)}
                  orientation="vertical"
                  data={d.turnoverByProduct
                    .slice(0, 10)
                    .map((p) => ({ product: p.label, amount: euros(p.amount) }))}
                  dataKey="product"
                  series={[{ name: 'amount', label: t('records.dashboard.amount'), color: 'teal.8' }]}
                  valueFormatter={formatter}
                  yAxisProps={{ width: 180 }}
                  aria-label={t('records.dashboard.byProduct')}
                  role="img"
                />
              )}
            </ChartCard>
            <ChartCard
              title={t('records.dashboard.topCustomers')}
              table={
                <SimpleTable
                  head={[t('records.dashboard.customer'), t('records.dashboard.amount')]}
                  rows={d.topCustomers.map((c) => [c.name, c.amount])}
                />
              }
            >
              {d.topCustomers.length === 0 ? (
                <Text size="sm">{t('records.dashboard.noData')}</Text>
              ) : (
                <BarChart
                  h={Math.max(160, 36 * d.topCustomers.length + 40)}
                  orientation="vertical"
                  data={d.topCustomers.map((c) => ({ customer: c.name, amount: euros(c.amount) }))}
                  dataKey="customer"
                  series={[{ name: 'amount', label: t('records.dashboard.amount'), color: 'grape.8' }]}
                  valueFormatter={formatter}
                  yAxisProps={{ width: 180 }}
                  aria-label={t('records.dashboard.topCustomers')}
                  role="img"
                />
              )}
            </ChartCard>
          </SimpleGrid>
          <ChartCard
            title={`${t('records.dashboard.receivables')} ${t('records.dashboard.receivablesAt', { date: day(d.receivablesByAge.asOf) })}`}
            table={
              <SimpleTable
                head={[t('records.dashboard.bucket'), t('records.dashboard.amount')]}
                rows={BUCKETS.map((b) => [t(`records.dashboard.buckets.${b}`), d.receivablesByAge[b]])}
              />
            }
          >
            <BarChart
              h={220}
              data={BUCKETS.map((b) => ({
                bucket: t(`records.dashboard.buckets.${b}`),
                amount: euros(d.receivablesByAge[b]),
              }))}
              dataKey="bucket"
              series={[{ name: 'amount', label: t('records.dashboard.amount'), color: 'orange.8' }]}
              valueFormatter={formatter}
              aria-label={t('records.dashboard.receivables')}
              role="img"
            />
          </ChartCard>
        </Stack>
      )}
    </>
  );
}
