import { Badge, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RECORDS_SERVE } from '../../referentiel/activities.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day } from './format.ts';
import { anomaliesQuery } from './records-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/anomalies');

export function AnomaliesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const query = useQuery(anomaliesQuery(orgId));
  return (
    <>
      <PageHeader title={t('records.anomalies.title')} served={RECORDS_SERVE} />
      {query.isError ? (
        <LoadError error={query.error} />
      ) : query.isPending ? (
        <Loader />
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('records.anomalies.asOf', { date: day(query.data.asOf) })} — {t('records.anomalies.note')}
          </Text>
          {query.data.items.length === 0 ? (
            <Text data-testid="anomalies-empty">{t('records.anomalies.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="anomalies-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('records.anomalies.kind')}</Table.Th>
                    <Table.Th>{t('records.anomalies.detail')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((a) => (
                    <Table.Tr key={`${a.kind}|${a.message}`}>
                      <Table.Td>
                        <Badge variant="light" color={a.kind === 'overdue_invoice' ? 'red' : 'orange'}>
                          {t(`records.anomalies.kinds.${a.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{a.message}</Table.Td>
                      <Table.Td>
                        {a.invoiceId ? (
                          <AnchorLink
                            to="/orgs/$orgId/relations/invoices/$invoiceId"
                            params={{ orgId, invoiceId: a.invoiceId }}
                          >
                            {t('records.anomalies.open')}
                          </AnchorLink>
                        ) : (
                          a.partyIds.map((partyId, n) => (
                            <span key={partyId}>
                              {n > 0 ? ' · ' : ''}
                              <AnchorLink to="/orgs/$orgId/parties/$partyId" params={{ orgId, partyId }}>
                                {`${t('records.anomalies.open')} ${n + 1}`}
                              </AnchorLink>
                            </span>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </>
  );
}
