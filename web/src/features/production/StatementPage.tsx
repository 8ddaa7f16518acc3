import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TREASURY_SERVE } from '../../referentiel/activities.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from '../relations/format.ts';
import { statementQuery } from './treasury-api.ts';

// One imported bank statement: its balances, the check opening + movements = closing, its lines.

const route = getRouteApi('/orgs/$orgId/production/treasury/$statementId');

export function StatementPage() {
  const { t } = useTranslation();
  const { orgId, statementId } = route.useParams();
  const query = useQuery(statementQuery(orgId, statementId));
  if (query.isError) return <LoadError error={query.error} />;
  if (!query.data) return <PageLoader />;
  const s = query.data;
  return (
    <>
      <PageHeader
        title={t('production.treasury.statement.title', { reference: s.reference })}
        served={TREASURY_SERVE}
      />
      <Group gap="xl" mb="md" wrap="wrap">
        <Text size="sm">
          {t('production.treasury.columns.account')} : <strong>{s.account}</strong>
        </Text>
        <Text size="sm">
          {t('production.treasury.columns.opening')} :{' '}
          <strong data-testid="statement-opening">{money(s.openingBalance)}</strong>
          {s.openingDerived ? ` (${t('production.treasury.statement.derived')})` : ''}
        </Text>
        <Text size="sm">
          {t('production.treasury.columns.closing')} :{' '}
          <strong data-testid="statement-closing">{money(s.closingBalance)}</strong>
        </Text>
        {s.balanceGap !== 0 ? (
          <Badge color="orange" variant="light">
            {t('production.treasury.statements.gap', { amount: money(s.balanceGap) })}
          </Badge>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="statement-lines">
          <caption>
            <VisuallyHidden>{t('production.treasury.statement.lines')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('production.treasury.columns.date')}</Table.Th>
              <Table.Th>{t('production.treasury.columns.valueDate')}</Table.Th>
              <Table.Th>{t('production.treasury.columns.label')}</Table.Th>
              <Table.Th>{t('production.treasury.columns.counterparty')}</Table.Th>
              <Table.Th>{t('production.treasury.columns.code')}</Table.Th>
              <Table.Th ta="right">{t('production.treasury.columns.amount')}</Table.Th>
              <Table.Th>{t('production.treasury.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{day(l.bookingDate)}</Table.Td>
                <Table.Td>{day(l.valueDate)}</Table.Td>
                <Table.Td>
                  {l.label}
                  {l.reversal ? (
                    <Badge ml="xs" color="grape" variant="light">
                      {t('production.treasury.reversal')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{l.counterparty ?? ''}</Table.Td>
                <Table.Td>{l.transactionCode ?? ''}</Table.Td>
                <Table.Td ta="right">{money(l.amount)}</Table.Td>
                <Table.Td>
                  {l.matches.length > 0 ? (
                    <Badge color="teal" variant="light">
                      {t('production.treasury.matched')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('production.treasury.unmatched')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
