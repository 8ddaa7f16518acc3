import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import type { SocialDashboardDto } from '../../../../src/personnel/dashboard/contract.ts';
import { SOCIAL_DASHBOARD_SERVE } from '../../referentiel/activities.ts';
import { formatPercent } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from '../relations/format.ts';
import { socialDashboardQuery } from './personnel-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/dashboard');

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm">{label}</Text>
      <Text fz={26} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** A split of the workforce (contract, category, sex) as a small table: few rows, read at a glance. */
function Split({
  title,
  rows,
  labelOf,
  testId,
}: {
  title: string;
  rows: SocialDashboardDto['byContract'];
  labelOf: (key: string) => string;
  testId: string;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Table data-testid={testId}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{labelOf(r.key)}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function SocialDashboardPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(socialDashboardQuery(orgId, search.asOf));
  const d = query.data;
  const number = (value: number) => value.toLocaleString(t('personnel.dashboard.locale'));
  const label = (prefix: string) => (key: string) => t(`${prefix}.${key}` as ParseKeys);
  return (
    <>
      <PageHeader title={t('personnel.dashboard.title')} served={SOCIAL_DASHBOARD_SERVE} />
      <Group mb="md" align="flex-end">
        <TextInput
          type="date"
          label={t('personnel.dashboard.asOf')}
          value={search.asOf ?? d?.asOf ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            void navigate({ search: { asOf: isCalendarDate(value) ? value : undefined }, replace: true });
          }}
          data-testid="social-as-of"
        />
      </Group>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : !d ? (
        <Loader />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure
              label={t('personnel.dashboard.headcount')}
              value={String(d.headcount)}
              testId="social-headcount"
            />
            <Figure
              label={t('personnel.dashboard.fte')}
              value={number(d.fullTimeEquivalent)}
              testId="social-fte"
            />
            <Figure
              label={t('personnel.dashboard.movements', { year: d.year })}
              value={t('personnel.dashboard.movementsValue', { entries: d.entries, exits: d.exits })}
              testId="social-movements"
            />
            <Figure
              label={t('personnel.dashboard.turnover')}
              value={d.turnoverRate === null ? '—' : formatPercent(d.turnoverRate)}
              testId="social-turnover"
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('personnel.dashboard.monthly', { year: d.year })}
            </Title>
            <BarChart
              h={220}
              data={d.monthly}
              dataKey="month"
              series={[{ name: 'headcount', label: t('personnel.dashboard.headcount'), color: 'blue.6' }]}
            />
            <details>
              <summary>
                <Text span size="sm">
                  {t('personnel.dashboard.showData')}
                </Text>
              </summary>
              <Table data-testid="social-monthly">
                <Table.Tbody>
                  {d.monthly.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{m.month}</Table.Td>
                      <Table.Td ta="right">{m.headcount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </details>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('personnel.dashboard.ages')}
            </Title>
            <BarChart
              h={220}
              data={d.ages}
              dataKey="bracket"
              series={[
                { name: 'women', label: t('personnel.dashboard.women'), color: 'grape.6' },
                { name: 'men', label: t('personnel.dashboard.men'), color: 'teal.6' },
              ]}
              withLegend
            />
            <Text size="sm" mt="xs" data-testid="social-seniority">
              {d.averageSeniorityYears === null
                ? t('personnel.dashboard.noSeniority')
                : t('personnel.dashboard.seniority', { years: number(d.averageSeniorityYears) })}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('personnel.dashboard.payroll', { year: d.year })}
            </Title>
            <BarChart
              h={220}
              data={d.payroll.map((m) => ({
                month: m.month,
                gross: m.gross / 100,
                employerCost: m.employerCost / 100,
              }))}
              dataKey="month"
              series={[
                { name: 'gross', label: t('personnel.dashboard.gross'), color: 'blue.6' },
                { name: 'employerCost', label: t('personnel.dashboard.employerCost'), color: 'orange.6' },
              ]}
              valueFormatter={(v) => money(Math.round(v * 100))}
              withLegend
            />
            <Text size="sm" mt="xs" data-testid="social-payroll-total">
              {t('personnel.dashboard.payrollTotal', {
                gross: money(d.payroll.reduce((s, m) => s + m.gross, 0)),
                cost: money(d.payroll.reduce((s, m) => s + m.employerCost, 0)),
              })}
            </Text>
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Split
              title={t('personnel.dashboard.byContract')}
              rows={d.byContract}
              labelOf={label('personnel.dashboard.contract')}
              testId="social-by-contract"
            />
            <Split
              title={t('personnel.dashboard.byCategory')}
              rows={d.byCategory}
              labelOf={label('personnel.dashboard.category')}
              testId="social-by-category"
            />
            <Split
              title={t('personnel.dashboard.bySex')}
              rows={d.bySex}
              labelOf={label('personnel.dashboard.sex')}
              testId="social-by-sex"
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('personnel.dashboard.endingSoon')}
            </Title>
            {d.endingSoon.length === 0 ? (
              <Text size="sm">{t('personnel.dashboard.noneEnding')}</Text>
            ) : (
              <Table data-testid="social-ending-soon">
                <Table.Tbody>
                  {d.endingSoon.map((e) => (
                    <Table.Tr key={e.employeeId}>
                      <Table.Td>{e.name}</Table.Td>
                      <Table.Td>{t(`personnel.dashboard.contract.${e.contractType}` as ParseKeys)}</Table.Td>
                      <Table.Td>{day(e.contractEnd)}</Table.Td>
                      <Table.Td ta="right">
                        {t('personnel.dashboard.daysLeft', { count: e.daysLeft })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
