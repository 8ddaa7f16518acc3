import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { partyKinds, partyRoles } from '../../../../src/kernel/parties/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { PARTIES_SERVE } from '../../referentiel/activities.ts';
import { ArchiveToggle } from '../../ui/ArchiveToggle.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { formatDate } from '../../ui/format.ts';
import { ListPagination } from '../../ui/ListPagination.tsx';
import { ListStatusRows } from '../../ui/ListStatusRows.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchBox, SearchFilters } from '../../ui/SearchFilters.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { exportHref, partyKeys, partyListQuery, setArchived } from './party-api.ts';
import { ARCHIVED_FILTERS, PAGE_SIZE, type PartySearch, type PartySort } from './party-search.ts';

const route = getRouteApi('/orgs/$orgId/parties/');

function SortHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: 'name' | 'createdAt';
  label: string;
  sort: PartySort;
  onSort: (sort: PartySort) => void;
}) {
  const { t } = useTranslation();
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const next: PartySort = direction === 'ascending' ? `-${column}` : column;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" data-testid={`sort-${column}`}>
        {label}
        <span aria-hidden="true">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
        </span>
        <VisuallyHidden>
          {direction === 'ascending' ? t('parties.list.sortDescending') : t('parties.list.sortAscending')}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

export function PartyListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('parties.write');
  const query = useQuery(partyListQuery(orgId, search));

  const setSearch = (patch: Partial<PartySearch>, resetPage = true) =>
    navigate({
      search: (prev) => ({ ...prev, ...patch, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });

  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => setArchived(orgId, id, archived),
    onSuccess: async (party) => {
      queryClient.setQueryData(partyKeys.one(orgId, party.id), party);
      await queryClient.invalidateQueries({ queryKey: [...partyKeys.all(orgId), 'list'] });
      notify('success', t(party.archivedAt ? 'parties.archived' : 'parties.restored', { name: party.name }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });

  const sort = search.sort ?? 'name';
  const page = search.page ?? 1;
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t('parties.title')}
        served={PARTIES_SERVE}
        actions={
          <>
            <Button
              component="a"
              href={exportHref(orgId, search, 'csv')}
              download
              variant="default"
              data-testid="export-csv"
            >
              {t('parties.list.exportCsv')}
            </Button>
            <Button
              component="a"
              href={exportHref(orgId, search, 'xlsx')}
              download
              variant="default"
              data-testid="export-xlsx"
            >
              {t('parties.list.exportXlsx')}
            </Button>
            {writable ? (
              // A button, as the screens name it; it opens the creation form.
              <Button
                onClick={() => navigate({ to: '/orgs/$orgId/parties/new', params: { orgId } })}
                data-testid="party-new"
              >
                {t('parties.new')}
              </Button>
            ) : null}
          </>
        }
      />

      <SearchFilters label={t('parties.list.filters')}>
        <SearchBox
          q={search.q}
          onSearch={(q) => setSearch({ q })}
          delay={300}
          label={t('parties.list.search')}
          placeholder={t('parties.list.searchPlaceholder')}
          width={280}
          testId="party-search"
        />
        <NativeSelect
          label={t('parties.list.role')}
          value={search.role ?? ''}
          onChange={(e) => setSearch({ role: (e.currentTarget.value || undefined) as PartySearch['role'] })}
          data={[
            { value: '', label: t('parties.list.allRoles') },
            ...partyRoles.map((r) => ({ value: r, label: t(`partyRoles.${r}`) })),
          ]}
          data-testid="filter-role"
        />
        <NativeSelect
          label={t('parties.list.kind')}
          value={search.kind ?? ''}
          onChange={(e) => setSearch({ kind: (e.currentTarget.value || undefined) as PartySearch['kind'] })}
          data={[
            { value: '', label: t('parties.list.allKinds') },
            ...partyKinds.map((k) => ({ value: k, label: t(`partyKinds.${k}`) })),
          ]}
          data-testid="filter-kind"
        />
        <NativeSelect
          label={t('parties.list.archived')}
          value={search.archived ?? 'exclude'}
          onChange={(e) => {
            const value = e.currentTarget.value as PartySearch['archived'];
            void setSearch({ archived: value === 'exclude' ? undefined : value });
          }}
          data={ARCHIVED_FILTERS.map((a) => ({ value: a, label: t(`parties.list.archivedFilter.${a}`) }))}
          data-testid="filter-archived"
        />
      </SearchFilters>

      <Text size="sm" mb="xs" aria-live="polite" data-testid="party-total">
        {query.isPending ? t('common.loading') : t('parties.list.total', { count: total })}
      </Text>

      {query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            data-testid="party-table"
            aria-busy={query.isFetching}
          >
            <caption>
              <VisuallyHidden>{t('parties.list.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <SortHeader
                  column="name"
                  label={t('parties.fields.name')}
                  sort={sort}
                  onSort={(s) => setSearch({ sort: s })}
                />
                <Table.Th>{t('parties.list.kind')}</Table.Th>
                <Table.Th>{t('parties.fields.roles')}</Table.Th>
                <Table.Th>{t('parties.fields.email')}</Table.Th>
                <Table.Th>{t('parties.fields.phone')}</Table.Th>
                <Table.Th>{t('parties.fields.city')}</Table.Th>
                <SortHeader
                  column="createdAt"
                  label={t('parties.list.createdAt')}
                  sort={sort}
                  onSort={(s) => setSearch({ sort: s })}
                />
                {writable ? (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <ListStatusRows
                colSpan={writable ? 8 : 7}
                loading={query.isPending}
                empty={query.data?.items.length === 0}
                emptyText={t('parties.list.empty')}
                emptyTestId="party-empty"
              />
              {query.data?.items.map((party) => (
                <Table.Tr key={party.id} data-testid="party-row">
                  <Table.Td>
                    <AnchorLink
                      to="/orgs/$orgId/parties/$partyId"
                      params={{ orgId, partyId: party.id }}
                      fw={600}
                    >
                      {party.name}
                    </AnchorLink>
                    {party.archivedAt ? (
                      <Badge ml="xs" size="sm" variant="outline" color="gray">
                        {t('parties.list.archivedBadge')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`partyKinds.${party.kind}`)}</Table.Td>
                  <Table.Td miw={130}>
                    <Group gap={4}>
                      {party.roles.map((role) => (
                        <Badge key={role} size="sm" variant="light" color="blue">
                          {t(`partyRoles.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{party.email ?? ''}</Table.Td>
                  <Table.Td>{party.phone ?? ''}</Table.Td>
                  <Table.Td>{party.addresses[0]?.city ?? ''}</Table.Td>
                  <Table.Td>{formatDate(party.createdAt)}</Table.Td>
                  {writable ? (
                    <Table.Td>
                      <ArchiveToggle
                        name={party.name}
                        archived={Boolean(party.archivedAt)}
                        loading={archive.isPending && archive.variables?.id === party.id}
                        onToggle={() => archive.mutate({ id: party.id, archived: !party.archivedAt })}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <ListPagination
        pages={pages}
        page={page}
        onChange={(p) => void setSearch({ page: p > 1 ? p : undefined }, false)}
      />
    </>
  );
}
