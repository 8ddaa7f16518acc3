import { Badge, Button, Group, NativeSelect, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FormalityCategory,
  type FormalityDto,
  type FormalityStatus,
  formalityCategories,
  formalityStatuses,
} from '../../../../../src/production/formalities/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { FORMALITIES_SERVE } from '../../../referentiel/activities.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { AnchorLink } from '../../../ui/links.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { CompleteFormalityModal, NewFormalityModal } from './FormalityModals.tsx';
import { type FormalitySearch, formalityListQuery, STATUS_COLORS } from './formalities-api.ts';

const route = getRouteApi('/orgs/$orgId/production/formalities/');

export function parseFormalitySearch(search: Record<string, unknown>): FormalitySearch {
  return {
    category: formalityCategories.includes(search.category as FormalityCategory)
      ? (search.category as FormalityCategory)
      : undefined,
    status: formalityStatuses.includes(search.status as FormalityStatus)
      ? (search.status as FormalityStatus)
      : undefined,
  };
}

/** The register of the formalities with the partners: next due date, status, completion. */
export function FormalitiesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const writable = useOrgRole(orgId).can('production.write');
  const query = useQuery(formalityListQuery(orgId, search));
  const [creating, setCreating] = useState(false);
  const [completing, setCompleting] = useState<FormalityDto | null>(null);
  const setSearch = (patch: Partial<FormalitySearch>) =>
    void navigate({ search: (s: FormalitySearch) => ({ ...s, ...patch }), replace: true });
  return (
    <>
      <PageHeader
        title={t('production.formalities.title')}
        served={FORMALITIES_SERVE}
        actions={
          writable ? (
            <Button onClick={() => setCreating(true)} data-testid="formality-new">
              {t('production.formalities.new')}
            </Button>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="sm">
        <NativeSelect
          label={t('production.formalities.fields.category')}
          value={search.category ?? ''}
          onChange={(e) =>
            setSearch({ category: (e.currentTarget.value || undefined) as FormalityCategory | undefined })
          }
          data={[
            { value: '', label: t('production.formalities.allCategories') },
            ...formalityCategories.map((c) => ({
              value: c,
              label: t(`production.formalities.categories.${c}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('production.formalities.fields.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            setSearch({ status: (e.currentTarget.value || undefined) as FormalityStatus | undefined })
          }
          data={[
            { value: '', label: t('production.formalities.allStatuses') },
            ...formalityStatuses.map((s) => ({ value: s, label: t(`production.formalities.statuses.${s}`) })),
          ]}
        />
      </SimpleGrid>
      <Group mb="xs" justify="space-between">
        <Text size="sm" aria-live="polite">
          {query.isPending
            ? t('common.loading')
            : t('production.formalities.total', { count: query.data?.items.length ?? 0 })}
        </Text>
        <AnchorLink to="/orgs/$orgId/production/formalities/calendar" params={{ orgId }}>
          {t('production.formalities.calendarLink')}
        </AnchorLink>
      </Group>
      <ListTable
        query={query}
        minWidth={900}
        testId="formality-table"
        caption={t('production.formalities.caption')}
        headers={
          <>
            <Table.Th>{t('production.formalities.fields.title')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.partner')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.periodicity')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.nextDueOn')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.status')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.lastDone')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('production.formalities.empty')}
        row={(f) => (
          <Table.Tr key={f.id} data-testid="formality-row">
            <Table.Td fw={600}>
              {f.title}
              <Text size="xs" c="dimmed">
                {t(`production.formalities.categories.${f.category}`)}
                {f.responsible ? ` · ${f.responsible}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>{f.partner}</Table.Td>
            <Table.Td>{t(`production.formalities.periodicities.${f.periodicity}`)}</Table.Td>
            <Table.Td data-testid="formality-due">{f.nextDueOn ? day(f.nextDueOn) : '—'}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={STATUS_COLORS[f.status]} miw="max-content">
                {t(`production.formalities.statuses.${f.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <FormalityLastDone formality={f} />
            </Table.Td>
            <Table.Td>
              {writable && f.status !== 'done' ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setCompleting(f)}
                  aria-label={t('production.formalities.completeFor', { title: f.title })}
                  data-testid="formality-complete"
                >
                  {t('production.formalities.complete')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {creating ? <NewFormalityModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
      {completing ? (
        <CompleteFormalityModal orgId={orgId} formality={completing} onClose={() => setCompleting(null)} />
      ) : null}
    </>
  );
}

/** How far the next due date is (or how late it is). */
function FormalityLastDone({ formality }: { formality: FormalityDto }) {
  const { t } = useTranslation();
  return formality.status === 'done' ? (
    <Text size="sm">{t('production.formalities.statuses.done')}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      {formality.inDays === null
        ? '—'
        : formality.inDays < 0
          ? t('production.formalities.lateBy', { count: -formality.inDays })
          : t('production.formalities.inDays', { count: formality.inDays })}
    </Text>
  );
}
