import { Loader, NativeSelect, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTING_SERVE } from '../../../referentiel/activities.ts';
import { ListPagination } from '../../../ui/ListPagination.tsx';
import { AnchorLink } from '../../../ui/links.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { downloadCsv } from '../csv.ts';
import { day, money, moneyOrBlank } from '../format.ts';
import { journalListingQuery, journalsQuery } from '../ledger-api.ts';
import { ScrollTable } from '../ScrollTable.tsx';
import { PeriodPicker, ReportEmpty, ReportHeader, usePeriodText } from './ReportFrame.tsx';
import { journalListingCsv, reportFileName } from './report-csv.ts';
import type { ReportSearch } from './report-search.ts';

const route = getRouteApi('/orgs/$orgId/accounting/reports/journals');
const PAGE = 100;

/** The journals of a period: their totals (centralisation), then their validated entries line by line. */
export function JournalListingPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const journals = useQuery(journalsQuery(orgId));
  const page = search.page ?? 1;
  const query = useQuery(
    journalListingQuery(orgId, {
      from: search.from,
      to: search.to,
      journal: search.journal,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    }),
  );
  const period = usePeriodText();
  const setSearch = (patch: Partial<ReportSearch>, resetPage = true) =>
    navigate({
      search: (prev) => ({ ...prev, ...patch, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });
  const report = query.data;
  const pages = Math.max(1, Math.ceil((report?.total ?? 0) / PAGE));
  const totals = (report?.journals ?? []).reduce(
    (sum, j) => ({
      debit: sum.debit + j.totalDebit,
      credit: sum.credit + j.totalCredit,
      entries: sum.entries + j.entries,
    }),
    { debit: 0, credit: 0, entries: 0 },
  );

  return (
    <>
      <ReportHeader
        orgId={orgId}
        title={t('accounting.journalListing.title')}
        served={ACCOUNTING_SERVE}
        subtitle={period(report)}
        ready={Boolean(report)}
        exportRequest={{
          report: 'journal-listing',
          query: { from: search.from, to: search.to, journal: search.journal },
        }}
        onCsv={() =>
          report &&
          downloadCsv(
            reportFileName(
              `${t('accounting.journalListing.file')}${search.journal ? `-${search.journal}` : ''}`,
              report.from,
              report.to,
            ),
            journalListingCsv(report, t),
          )
        }
      />
      <PeriodPicker orgId={orgId} from={search.from} to={search.to} onChange={(p) => setSearch(p)}>
        <NativeSelect
          label={t('accounting.fields.journal')}
          value={search.journal ?? ''}
          onChange={(e) => setSearch({ journal: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('accounting.entries.allJournals') },
            ...(journals.data ?? []).map((j) => ({ value: j.code, label: `${j.code} — ${j.label}` })),
          ]}
          data-testid="journal-listing-journal"
        />
      </PeriodPicker>
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {report ? (
        <>
          <Title order={2} size="h4" mb="xs">
            {t('accounting.journalListing.centralisation')}
          </Title>
          <ScrollTable minWidth={560} label={t('accounting.journalListing.centralisation')}>
            <Table striped verticalSpacing={4} withTableBorder mb="lg" data-testid="journal-totals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounting.fields.journal')}</Table.Th>
                  <Table.Th ta="right">{t('accounting.journalListing.entries')}</Table.Th>
                  <Table.Th ta="right">{t('accounting.fields.debit')}</Table.Th>
                  <Table.Th ta="right">{t('accounting.fields.credit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.journals.map((j) => (
                  <Table.Tr key={j.code} data-testid="journal-totals-row">
                    <Table.Td>
                      <Text span ff="monospace" fw={700}>
                        {j.code}
                      </Text>{' '}
                      {j.label}
                    </Table.Td>
                    <Table.Td ta="right">{j.entries}</Table.Td>
                    <Table.Td ta="right">{money(j.totalDebit)}</Table.Td>
                    <Table.Td ta="right">{money(j.totalCredit)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('accounting.grid.totals')}</Table.Th>
                  <Table.Td ta="right" fw={700}>
                    {totals.entries}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {money(totals.debit)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {money(totals.credit)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollTable>

          <Title order={2} size="h4" mb="xs">
            {t('accounting.journalListing.detail', { count: report.total })}
          </Title>
          {report.items.length === 0 ? (
            <ReportEmpty>{t('accounting.journalListing.empty')}</ReportEmpty>
          ) : (
            <ScrollTable minWidth={900} label={t('accounting.journalListing.caption')}>
              <Table
                verticalSpacing={2}
                withTableBorder
                data-testid="journal-listing-table"
                aria-busy={query.isFetching}
              >
                <caption>
                  <VisuallyHidden>{t('accounting.journalListing.caption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounting.fields.journal')}</Table.Th>
                    <Table.Th>{t('accounting.fields.number')}</Table.Th>
                    <Table.Th>{t('accounting.fields.date')}</Table.Th>
                    <Table.Th>{t('accounting.fields.voucherRef')}</Table.Th>
                    <Table.Th>{t('accounting.fields.account')}</Table.Th>
                    <Table.Th>{t('accounting.fields.lineLabel')}</Table.Th>
                    <Table.Th ta="right">{t('accounting.fields.debit')}</Table.Th>
                    <Table.Th ta="right">{t('accounting.fields.credit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.items.map((entry) => (
                    <Fragment key={entry.id}>
                      {entry.lines.map((line, index) => (
                        <Table.Tr
                          key={line.id}
                          data-testid={index === 0 ? 'journal-listing-entry' : undefined}
                          style={
                            index === 0 ? { borderTop: '2px solid var(--mantine-color-gray-4)' } : undefined
                          }
                        >
                          <Table.Td>{index === 0 ? entry.journal : ''}</Table.Td>
                          <Table.Td>
                            {index === 0 ? (
                              <AnchorLink
                                to="/orgs/$orgId/accounting/entries/$entryId"
                                params={{ orgId, entryId: entry.id }}
                              >
                                {entry.number}
                              </AnchorLink>
                            ) : (
                              ''
                            )}
                          </Table.Td>
                          <Table.Td>{index === 0 ? day(entry.date) : ''}</Table.Td>
                          <Table.Td>{index === 0 ? (entry.voucherRef ?? '') : ''}</Table.Td>
                          <Table.Td ff="monospace">
                            {line.account}
                            {line.auxiliary ? ` / ${line.auxiliary}` : ''}
                          </Table.Td>
                          <Table.Td>{line.label ?? entry.label}</Table.Td>
                          <Table.Td ta="right">{moneyOrBlank(line.debit)}</Table.Td>
                          <Table.Td ta="right">{moneyOrBlank(line.credit)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <ListPagination
            pages={pages}
            page={page}
            onChange={(p) => void setSearch({ page: p > 1 ? p : undefined }, false)}
            className="agora-no-print"
          />
        </>
      ) : null}
    </>
  );
}
