import { Alert, Badge, NativeSelect, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { entryStatuses } from '../../../../src/ledger/entries/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { ListPagination } from '../../ui/ListPagination.tsx';
import { ListStatusRows } from '../../ui/ListStatusRows.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchBox, SearchFilters } from '../../ui/SearchFilters.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { EntryStatusBadge } from './EntryStatusBadge.tsx';
import { ENTRY_PAGE_SIZE, type EntrySearch, matchesText, TEXT_SEARCH_WINDOW } from './entry-search.ts';
import { day, money } from './format.ts';
import { entriesQuery, journalsQuery } from './ledger-api.ts';
import { WARNING } from './notice.ts';
import { ScrollTable } from './ScrollTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/entries/');

/** The entries of the organisation: filters in the URL, drafts and validated entries, a link to each. */
export function EntryListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const journals = useQuery(journalsQuery(orgId));
  const page = search.page ?? 1;
  const texting = Boolean(search.q);
  // A text search reads a wide window and filters it here (the API has no text filter).
  const query = useQuery(
    entriesQuery(orgId, {
      journal: search.journal,
      status: search.status,
      from: search.from,
      to: search.to,
      limit: texting ? TEXT_SEARCH_WINDOW : ENTRY_PAGE_SIZE,
      offset: texting ? 0 : (page - 1) * ENTRY_PAGE_SIZE,
    }),
  );

  const setSearch = (patch: Partial<EntrySearch>, resetPage = true) =>
    navigate({
      search: (prev) => ({ ...prev, ...patch, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });

  const all = query.data?.items ?? [];
  const matching = texting ? all.filter((e) => matchesText(e, search.q ?? '')) : all;
  const items = texting ? matching.slice((page - 1) * ENTRY_PAGE_SIZE, page * ENTRY_PAGE_SIZE) : matching;
  const total = texting ? matching.length : (query.data?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / ENTRY_PAGE_SIZE));
  const windowFull = texting && (query.data?.total ?? 0) > TEXT_SEARCH_WINDOW;

  return (
    <>
      <PageHeader
        title={t('accounting.entries.title')}
        served={ACCOUNTING_SERVE}
        actions={
          can('ledger.write') ? (
            <ButtonLink to="/orgs/$orgId/accounting/entries/new" params={{ orgId }} data-testid="entry-new">
              {t('accounting.entries.new')}
            </ButtonLink>
          ) : null
        }
      />

      <SearchFilters label={t('accounting.entries.filters')}>
        <SearchBox
          q={search.q}
          onSearch={(q) => setSearch({ q })}
          delay={250}
          label={t('accounting.entries.search')}
          placeholder={t('accounting.entries.searchPlaceholder')}
          width={240}
          testId="entry-search"
        />
        <NativeSelect
          label={t('accounting.fields.journal')}
          value={search.journal ?? ''}
          onChange={(e) => setSearch({ journal: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('accounting.entries.allJournals') },
            ...(journals.data ?? []).map((j) => ({ value: j.code, label: `${j.code} — ${j.label}` })),
          ]}
          data-testid="filter-journal"
        />
        <NativeSelect
          label={t('accounting.fields.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            setSearch({ status: (e.currentTarget.value || undefined) as EntrySearch['status'] })
          }
          data={[
            { value: '', label: t('accounting.entries.allStatuses') },
            ...entryStatuses.map((s) => ({ value: s, label: t(`accounting.status.${s}`) })),
          ]}
          data-testid="filter-status"
        />
        <TextInput
          type="date"
          label={t('accounting.period.from')}
          value={search.from ?? ''}
          onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
          data-testid="filter-from"
        />
        <TextInput
          type="date"
          label={t('accounting.period.to')}
          value={search.to ?? ''}
          onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
          data-testid="filter-to"
        />
      </SearchFilters>

      <Text size="sm" mb="xs" aria-live="polite" data-testid="entry-total">
        {query.isPending ? t('common.loading') : t('accounting.entries.total', { count: total })}
      </Text>
      {windowFull ? (
        <Alert {...WARNING} mb="sm" data-testid="entry-search-window">
          {t('accounting.entries.searchWindow', { count: TEXT_SEARCH_WINDOW })}
        </Alert>
      ) : null}

      {query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <ScrollTable minWidth={760} label={t('accounting.entries.caption')}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            data-testid="entry-table"
            aria-busy={query.isFetching}
          >
            <caption>
              <VisuallyHidden>{t('accounting.entries.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounting.fields.number')}</Table.Th>
                <Table.Th>{t('accounting.fields.date')}</Table.Th>
                <Table.Th>{t('accounting.fields.journal')}</Table.Th>
                <Table.Th>{t('accounting.fields.voucherRef')}</Table.Th>
                <Table.Th>{t('accounting.fields.entryLabel')}</Table.Th>
                <Table.Th ta="right">{t('accounting.fields.amount')}</Table.Th>
                <Table.Th>{t('accounting.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <ListStatusRows
                colSpan={7}
                loading={query.isPending}
                empty={query.isSuccess && items.length === 0}
                emptyText={t('accounting.entries.empty')}
                emptyTestId="entry-empty"
              />
              {items.map((entry) => (
                <Table.Tr key={entry.id} data-testid="entry-row" data-entry-number={entry.number ?? ''}>
                  <Table.Td ff="monospace" data-testid="entry-number">
                    {entry.number ?? '—'}
                  </Table.Td>
                  <Table.Td>{day(entry.date)}</Table.Td>
                  <Table.Td>
                    <abbr title={entry.journalLabel}>{entry.journal}</abbr>
                  </Table.Td>
                  <Table.Td>{entry.voucherRef ?? ''}</Table.Td>
                  <Table.Td>
                    <AnchorLink
                      to="/orgs/$orgId/accounting/entries/$entryId"
                      params={{ orgId, entryId: entry.id }}
                      fw={600}
                      data-testid="entry-link"
                    >
                      {entry.label}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(entry.totalDebit)}
                    {entry.totalDebit !== entry.totalCredit ? (
                      <Badge ml="xs" size="sm" color="red" variant="light">
                        {t('accounting.entries.unbalanced')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <EntryStatusBadge entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}

      <ListPagination
        pages={pages}
        page={page}
        onChange={(p) => void setSearch({ page: p > 1 ? p : undefined }, false)}
      />
    </>
  );
}
