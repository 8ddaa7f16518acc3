import { Badge, Button, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LoanDto,
  type ResourceCategory,
  type ResourceDto,
  resourceCategories,
} from '../../../../../src/production/workplace/resources/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { SHARED_RESOURCES_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { ButtonLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { BookModal, LendModal, NewResourceModal, ReturnModal } from './ResourceModals.tsx';
import {
  bookingsQuery,
  cancelBooking,
  resourceKeys,
  resourcesQuery,
  STATE_COLORS,
  todayLocal,
} from './resources-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/resources');

export type ResourcesSearch = { category?: ResourceCategory };
export function parseResourcesSearch(search: Record<string, unknown>): ResourcesSearch {
  return {
    category: resourceCategories.includes(search.category as ResourceCategory)
      ? (search.category as ResourceCategory)
      : undefined,
  };
}

function Situation({ resource }: { resource: ResourceDto }) {
  const { t } = useTranslation();
  const loan = resource.loan;
  if (!loan)
    return (
      <Badge size="sm" variant="light" color="teal" data-testid="resource-situation">
        {t('production.resources.available')}
      </Badge>
    );
  return (
    <>
      <Badge size="sm" variant="light" color={loan.overdue ? 'red' : 'blue'} data-testid="resource-situation">
        {loan.overdue ? t('production.resources.overdue') : t('production.resources.out')}
      </Badge>
      <Text size="xs" c={loan.overdue ? 'red.8' : 'dimmed'}>
        {t('production.resources.lentTo', { borrower: loan.borrowerName, due: day(loan.dueOn) })}
      </Text>
    </>
  );
}

function UpcomingBookings({ orgId, writable }: { orgId: string; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const bookings = useQuery(bookingsQuery(orgId, todayLocal()));
  const cancel = useMutation({
    mutationFn: (id: string) => cancelBooking(orgId, id),
    onSuccess: async () => {
      notify('success', t('production.resources.bookingCancelled'));
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(orgId) });
    },
    onError: (e) => notify('error', errorMessage(e, t)),
  });
  return (
    <>
      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('production.resources.bookingsTitle')}
      </Title>
      <ListTable
        query={bookings}
        minWidth={700}
        testId="booking-table"
        caption={t('production.resources.bookingsTitle')}
        headers={
          <>
            <Table.Th>{t('production.resources.fields.name')}</Table.Th>
            <Table.Th>{t('production.resources.fields.borrower')}</Table.Th>
            <Table.Th>{t('production.resources.fields.period')}</Table.Th>
            <Table.Th>{t('production.resources.fields.purpose')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('production.resources.noBooking')}
        row={(b) => (
          <Table.Tr key={b.id} data-testid="booking-row">
            <Table.Td fw={600}>{b.resourceName}</Table.Td>
            <Table.Td>{b.borrowerName}</Table.Td>
            <Table.Td>{t('production.contracts.fromTo', { from: day(b.from), to: day(b.to) })}</Table.Td>
            <Table.Td>{b.purpose}</Table.Td>
            <Table.Td>
              {writable ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={cancel.isPending && cancel.variables === b.id}
                  onClick={() => cancel.mutate(b.id)}
                  aria-label={t('production.resources.cancelBookingFor', {
                    name: b.resourceName,
                    from: day(b.from),
                  })}
                >
                  {t('production.resources.cancelBooking')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}

export function ResourcesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const writable = useOrgRole(orgId).can('production.write');
  const query = useQuery(resourcesQuery(orgId, search.category));
  const [creating, setCreating] = useState(false);
  const [lending, setLending] = useState<ResourceDto | null>(null);
  const [booking, setBooking] = useState<ResourceDto | null>(null);
  const [returning, setReturning] = useState<LoanDto | null>(null);
  const [editing, setEditing] = useState<ResourceDto | null>(null);
  return (
    <>
      <PageHeader
        title={t('production.resources.title')}
        served={SHARED_RESOURCES_SERVE}
        actions={
          <>
            <ButtonLink to="/orgs/$orgId/production/workplace/loans" params={{ orgId }} variant="default">
              {t('production.loans.title')}
            </ButtonLink>
            {writable ? (
              <Button onClick={() => setCreating(true)} data-testid="resource-new">
                {t('production.resources.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group mb="sm">
        <NativeSelect
          label={t('production.resources.fields.category')}
          value={search.category ?? ''}
          onChange={(e) =>
            void navigate({
              search: { category: (e.currentTarget.value || undefined) as ResourceCategory | undefined },
              replace: true,
            })
          }
          data={[
            { value: '', label: t('production.resources.allCategories') },
            ...resourceCategories.map((c) => ({
              value: c,
              label: t(`production.resources.categories.${c}`),
            })),
          ]}
        />
      </Group>
      <ListTable
        query={query}
        minWidth={900}
        testId="resource-table"
        caption={t('production.resources.caption')}
        headers={
          <>
            <Table.Th>{t('production.resources.fields.name')}</Table.Th>
            <Table.Th>{t('production.resources.fields.category')}</Table.Th>
            <Table.Th>{t('production.resources.fields.location')}</Table.Th>
            <Table.Th>{t('production.resources.fields.state')}</Table.Th>
            <Table.Th>{t('production.resources.fields.situation')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('production.resources.empty')}
        row={(r) => (
          <Table.Tr key={r.id} data-testid="resource-row">
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.name}
              </Text>
              {r.identifier ? (
                <Text size="xs" c="dimmed">
                  {r.identifier}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{t(`production.resources.categories.${r.category}`)}</Table.Td>
            <Table.Td>{r.location}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={STATE_COLORS[r.state]} miw="max-content">
                {t(`production.resources.states.${r.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Situation resource={r} />
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {writable && !r.loan ? (
                  <Button
                    size="compact-sm"
                    onClick={() => setLending(r)}
                    disabled={r.state === 'out_of_service'}
                    aria-label={t('production.resources.lendFor', { name: r.name })}
                    data-testid="resource-lend"
                  >
                    {t('production.resources.lend')}
                  </Button>
                ) : null}
                {writable && r.loan ? (
                  <Button
                    size="compact-sm"
                    onClick={() => setReturning(r.loan)}
                    aria-label={t('production.resources.takeBackFor', { name: r.name })}
                    data-testid="resource-return"
                  >
                    {t('production.resources.takeBack')}
                  </Button>
                ) : null}
                {writable ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setBooking(r)}
                    aria-label={t('production.resources.bookFor', { name: r.name })}
                  >
                    {t('production.resources.book')}
                  </Button>
                ) : null}
                {writable ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(r)}
                    aria-label={t('production.resources.editFor', { name: r.name })}
                  >
                    {t('production.resources.edit')}
                  </Button>
                ) : null}
                <ButtonLink
                  size="compact-sm"
                  variant="subtle"
                  to="/orgs/$orgId/production/workplace/loans"
                  params={{ orgId }}
                  search={{ resourceId: r.id }}
                  aria-label={t('production.resources.historyFor', { name: r.name })}
                >
                  {t('production.resources.history')}
                </ButtonLink>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <UpcomingBookings orgId={orgId} writable={writable} />
      {creating ? <NewResourceModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
      {editing ? (
        <NewResourceModal orgId={orgId} resource={editing} onClose={() => setEditing(null)} />
      ) : null}
      {lending ? <LendModal orgId={orgId} resource={lending} onClose={() => setLending(null)} /> : null}
      {booking ? <BookModal orgId={orgId} resource={booking} onClose={() => setBooking(null)} /> : null}
      {returning ? <ReturnModal orgId={orgId} loan={returning} onClose={() => setReturning(null)} /> : null}
    </>
  );
}
