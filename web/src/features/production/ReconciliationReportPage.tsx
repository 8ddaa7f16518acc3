import {
  Alert,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TREASURY_SERVE } from '../../referentiel/activities.ts';
import { ExportButtons } from '../../ui/ExportButtons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from '../relations/format.ts';
import { downloadReconciliation, type ReconciliationDto, reconciliationQuery } from './treasury-api.ts';

// The état de rapprochement at a date: from the bank's balance and from the books' balance, the items
// not yet on the other side lead to the same adjusted balance; what is left is shown, 0 when all is explained.

const route = getRouteApi('/orgs/$orgId/production/treasury/report');

type Item = ReconciliationDto['bankOnly'][number];

function Side({
  title,
  start,
  startLabel,
  items,
  itemLabel,
  extra,
  end,
  endLabel,
  testId,
}: {
  title: string;
  start: number;
  startLabel: string;
  items: Item[];
  itemLabel: string;
  extra?: { label: string; amount: number } | null;
  end: number;
  endLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <section aria-label={title}>
        <Title order={2} size="h4" mb="xs">
          {title}
        </Title>
        <Table verticalSpacing={4} data-testid={testId}>
          <caption>
            <VisuallyHidden>{title}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('production.treasury.columns.date')}</Table.Th>
              <Table.Th>{t('production.treasury.columns.label')}</Table.Th>
              <Table.Th ta="right">{t('production.treasury.columns.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr fw={700}>
              <Table.Td />
              <Table.Td>{startLabel}</Table.Td>
              <Table.Td ta="right" data-testid={`${testId}-start`}>
                {money(start)}
              </Table.Td>
            </Table.Tr>
            {items.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items may repeat; the order is the report's
              <Table.Tr key={n} data-testid={`${testId}-item`}>
                <Table.Td>{day(i.date)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {itemLabel}
                  </Text>
                  {i.label}
                </Table.Td>
                <Table.Td ta="right">{money(i.amount)}</Table.Td>
              </Table.Tr>
            ))}
            {extra ? (
              <Table.Tr>
                <Table.Td />
                <Table.Td>{extra.label}</Table.Td>
                <Table.Td ta="right">{money(extra.amount)}</Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr fw={700}>
              <Table.Td />
              <Table.Td>{endLabel}</Table.Td>
              <Table.Td ta="right" data-testid={`${testId}-end`}>
                {money(end)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </section>
    </Paper>
  );
}

export function ReconciliationReportPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { date } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(reconciliationQuery(orgId, date));
  const dto = query.data;
  return (
    <>
      <PageHeader
        title={t('production.treasury.report.title')}
        served={TREASURY_SERVE}
        actions={
          dto ? (
            <ExportButtons
              formats={['pdf', 'xlsx', 'csv']}
              fetchFile={(format) => downloadReconciliation(orgId, dto.date, format)}
              fallbackName={(format) => `etat-de-rapprochement-${dto.date}.${format}`}
              testIdPrefix="reconciliation-export"
            />
          ) : null
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('production.treasury.report.date')}
            value={date ?? dto?.date ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void navigate({ search: value ? { date: value } : {}, replace: true });
            }}
            data-testid="reconciliation-date"
          />
        </Group>
        {query.isError ? <LoadError error={query.error} /> : null}
        {!dto && !query.isError ? <PageLoader /> : null}
        {dto ? (
          !dto.account ? (
            <Text c="dimmed">{t('production.treasury.reconciliation.empty')}</Text>
          ) : (
            <>
              <Text size="sm">
                {dto.statement
                  ? t('production.treasury.report.statement', {
                      reference: dto.statement.reference,
                      date: day(dto.statement.toDate),
                    })
                  : t('production.treasury.report.noStatement')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Side
                  title={t('production.treasury.report.bank')}
                  start={dto.bankBalance}
                  startLabel={t('production.treasury.report.bankBalance')}
                  items={dto.bookOnly}
                  itemLabel={t('production.treasury.report.bookOnly')}
                  end={dto.adjustedBank}
                  endLabel={t('production.treasury.report.adjusted')}
                  testId="reconciliation-bank"
                />
                <Side
                  title={t('production.treasury.report.books', { account: dto.account.ledgerAccount })}
                  start={dto.bookBalance}
                  startLabel={t('production.treasury.report.bookBalance')}
                  items={dto.bankOnly}
                  itemLabel={t('production.treasury.report.bankOnly')}
                  extra={
                    dto.openingGap !== 0
                      ? { label: t('production.treasury.report.openingGap'), amount: -dto.openingGap }
                      : null
                  }
                  end={dto.adjustedBook}
                  endLabel={t('production.treasury.report.adjusted')}
                  testId="reconciliation-books"
                />
              </SimpleGrid>
              <Alert
                color={dto.unexplained === 0 ? 'teal' : 'red'}
                role="status"
                data-testid="reconciliation-unexplained"
                data-unexplained={dto.unexplained}
              >
                {dto.unexplained === 0
                  ? t('production.treasury.report.balanced')
                  : t('production.treasury.report.unexplained', { amount: money(dto.unexplained) })}
              </Alert>
            </>
          )
        ) : null}
      </Stack>
    </>
  );
}
