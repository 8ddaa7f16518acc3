import { Badge, Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkedDocumentDto, SalesDocumentSummaryDto } from '../../../../src/relations/sales/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { ListPagination } from '../../ui/ListPagination.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from './format.ts';
import { type SalesKind, salesListQuery } from './sales-api.ts';

const PAGE = 25;

export const SALES_ROUTES = {
  quote: '/orgs/$orgId/relations/quotes/$documentId',
  order: '/orgs/$orgId/relations/orders/$documentId',
  delivery_note: '/orgs/$orgId/relations/delivery-notes/$documentId',
} as const;

/** Opens a document of the pipeline (or an invoice) on its own screen. */
export function useOpenDocument(orgId: string) {
  const navigate = useNavigate();
  return (kind: LinkedDocumentDto['kind'], id: string) =>
    kind === 'invoice' || kind === 'down_payment' || kind === 'credit_note'
      ? navigate({ to: '/orgs/$orgId/relations/invoices/$invoiceId', params: { orgId, invoiceId: id } })
      : navigate({ to: SALES_ROUTES[kind], params: { orgId, documentId: id } });
}

const COLORS: Record<SalesDocumentSummaryDto['status'], string> = {
  draft: 'grape',
  sent: 'blue',
  accepted: 'teal',
  refused: 'red',
  expired: 'gray',
  confirmed: 'teal',
  validated: 'teal',
};

export function SalesStatusBadge({ status }: { status: SalesDocumentSummaryDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLORS[status]} data-testid="sales-status">
      {t(`relations.sales.statuses.${status}`)}
    </Badge>
  );
}

/** Quotes, sales orders or delivery notes: the list, newest first. */
export function SalesListPage({ kind }: { kind: SalesKind }) {
  const { t } = useTranslation();
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const navigate = useNavigate();
  const { can } = useOrgRole(orgId);
  const [page, setPage] = useState(1);
  const query = useQuery(salesListQuery(orgId, kind, page, PAGE));
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const newTarget =
    kind === 'quote'
      ? '/orgs/$orgId/relations/quotes/new'
      : kind === 'order'
        ? '/orgs/$orgId/relations/orders/new'
        : null;
  return (
    <>
      <PageHeader
        title={t(`relations.sales.${kind}.title`)}
        served={INVOICING_SERVE}
        actions={
          newTarget && can('sales.write') ? (
            <Button onClick={() => navigate({ to: newTarget, params: { orgId } })} data-testid="sales-new">
              {t(`relations.sales.${kind}.new`)}
            </Button>
          ) : null
        }
      />
      <Text size="sm" mb="xs" aria-live="polite" data-testid="sales-total">
        {query.isPending ? t('common.loading') : t('relations.sales.total', { count: total })}
      </Text>
      <ListTable
        query={query}
        minWidth={700}
        highlightOnHover
        testId="sales-table"
        caption={t(`relations.sales.${kind}.title`)}
        headers={
          <>
            <Table.Th>{t('relations.invoices.fields.number')}</Table.Th>
            <Table.Th>{t('relations.sales.fields.date')}</Table.Th>
            <Table.Th>{t('relations.invoices.fields.customer')}</Table.Th>
            <Table.Th ta="right">{t('relations.invoices.totals.net')}</Table.Th>
            <Table.Th ta="right">{t('relations.invoices.totals.gross')}</Table.Th>
            <Table.Th>{t('relations.invoices.fields.status')}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('relations.sales.empty')}
        emptyTestId="sales-empty"
        row={(doc) => (
          <Table.Tr key={doc.id} data-testid="sales-row">
            <Table.Td>
              <AnchorLink to={SALES_ROUTES[kind]} params={{ orgId, documentId: doc.id }} fw={600}>
                {doc.number ?? t('relations.invoices.draftNumber')}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{day(doc.issueDate)}</Table.Td>
            <Table.Td>{doc.partyName}</Table.Td>
            <Table.Td ta="right">{money(doc.totalNet)}</Table.Td>
            <Table.Td ta="right">{money(doc.total)}</Table.Td>
            <Table.Td>
              <SalesStatusBadge status={doc.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ListPagination pages={pages} page={page} onChange={setPage} />
    </>
  );
}
