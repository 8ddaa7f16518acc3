import { Badge, Button, NativeSelect, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRate } from '../../../../src/relations/shared/vat-rates.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { ArchiveToggle } from '../../ui/ArchiveToggle.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { ListPagination } from '../../ui/ListPagination.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchFilters } from '../../ui/SearchFilters.tsx';
import { frenchDecimal, readDecimal } from './invoice-form-model.ts';
import {
  type CatalogueSearch,
  catalogueListQuery,
  PAGE_SIZE,
  relationsKeys,
  setCatalogueItemArchived,
} from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/catalogue/');
const KINDS = ['goods', 'service'] as const;
const ARCHIVED = ['exclude', 'include', 'only'] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function parseCatalogueSearch(search: Record<string, unknown>): CatalogueSearch {
  const page = Number(search.page);
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 200) : undefined,
    kind: oneOf(KINDS, search.kind),
    archived: oneOf(ARCHIVED, search.archived),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function CatalogueListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('sales.write');
  const query = useQuery(catalogueListQuery(orgId, search));
  const setSearch = (patch: Partial<CatalogueSearch>, resetPage = true) =>
    navigate({
      search: (prev) => ({ ...prev, ...patch, ...(resetPage ? { page: undefined } : {}) }),
      replace: true,
    });

  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a pause in typing updates the URL
  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== search.q) void setSearch({ q });
  }, [debounced]);

  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      setCatalogueItemArchived(orgId, id, archived),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: relationsKeys.catalogue(orgId) });
      notify(
        'success',
        t(item.archivedAt ? 'relations.catalogue.archived' : 'relations.catalogue.restored', {
          name: item.label,
        }),
      );
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });

  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const columns = writable ? 7 : 6;

  return (
    <>
      <PageHeader
        title={t('relations.catalogue.title')}
        served={INVOICING_SERVE}
        actions={
          writable ? (
            <Button
              onClick={() => navigate({ to: '/orgs/$orgId/relations/catalogue/new', params: { orgId } })}
              data-testid="catalogue-new"
            >
              {t('relations.catalogue.new')}
            </Button>
          ) : null
        }
      />
      <SearchFilters label={t('relations.filters')}>
        <TextInput
          label={t('relations.catalogue.search')}
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
          data-testid="catalogue-search"
        />
        <NativeSelect
          label={t('relations.catalogue.fields.kind')}
          value={search.kind ?? ''}
          onChange={(e) => void setSearch({ kind: oneOf(KINDS, e.currentTarget.value) })}
          data={[
            { value: '', label: t('relations.all') },
            ...KINDS.map((k) => ({ value: k, label: t(`relations.itemKinds.${k}`) })),
          ]}
          data-testid="catalogue-filter-kind"
        />
        <NativeSelect
          label={t('parties.list.archived')}
          value={search.archived ?? 'exclude'}
          onChange={(e) => {
            const value = oneOf(ARCHIVED, e.currentTarget.value);
            void setSearch({ archived: value === 'exclude' ? undefined : value });
          }}
          data={ARCHIVED.map((a) => ({ value: a, label: t(`parties.list.archivedFilter.${a}`) }))}
          data-testid="catalogue-filter-archived"
        />
      </SearchFilters>
      <Text size="sm" mb="xs" aria-live="polite" data-testid="catalogue-total">
        {query.isPending ? t('common.loading') : t('relations.catalogue.total', { count: total })}
      </Text>
      <ListTable
        query={query}
        minWidth={720}
        highlightOnHover
        testId="catalogue-table"
        caption={t('relations.catalogue.caption')}
        headers={
          <>
            <Table.Th>{t('relations.catalogue.fields.code')}</Table.Th>
            <Table.Th>{t('relations.catalogue.fields.label')}</Table.Th>
            <Table.Th>{t('relations.catalogue.fields.kind')}</Table.Th>
            <Table.Th ta="right">{t('relations.catalogue.fields.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('relations.catalogue.fields.vatRate')}</Table.Th>
            <Table.Th>{t('relations.catalogue.fields.revenueAccount')}</Table.Th>
            {writable ? (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </>
        }
        columns={columns}
        emptyText={t('relations.catalogue.empty')}
        emptyTestId="catalogue-empty"
        row={(item) => (
          <Table.Tr key={item.id} data-testid="catalogue-row">
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/relations/catalogue/$itemId"
                params={{ orgId, itemId: item.id }}
                fw={600}
              >
                {item.code}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              {item.label}
              {item.archivedAt ? (
                <Badge ml="xs" size="sm" variant="outline" color="gray">
                  {t('parties.list.archivedBadge')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{t(`relations.itemKinds.${item.kind}`)}</Table.Td>
            <Table.Td ta="right">{frenchDecimal(item.unitPrice, 2)} €</Table.Td>
            <Table.Td ta="right">{formatRate(readDecimal(item.vatRate, 2) ?? 0)} %</Table.Td>
            <Table.Td>{item.revenueAccount}</Table.Td>
            {writable ? (
              <Table.Td>
                <ArchiveToggle
                  name={item.label}
                  archived={Boolean(item.archivedAt)}
                  loading={archive.isPending && archive.variables?.id === item.id}
                  onToggle={() => archive.mutate({ id: item.id, archived: !item.archivedAt })}
                />
              </Table.Td>
            ) : null}
          </Table.Tr>
        )}
      />
      <ListPagination
        pages={pages}
        page={search.page ?? 1}
        onChange={(p) => void setSearch({ page: p > 1 ? p : undefined }, false)}
      />
    </>
  );
}
