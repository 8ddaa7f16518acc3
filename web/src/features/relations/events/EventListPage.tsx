import { Button, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateFr } from '../../../../../src/kernel/dates/index.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { EVENTS_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { AnchorLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { newIdempotencyKey } from '../relations-api.ts';
import { EventForm } from './EventForm.tsx';
import { createEvent, type EventBody, eventKeys, eventListQuery } from './events-api.ts';

const listRoute = getRouteApi('/orgs/$orgId/relations/events/');
const newRoute = getRouteApi('/orgs/$orgId/relations/events/new');
const PAGE = 25;

export function EventListPage() {
  const { t } = useTranslation();
  const { orgId } = listRoute.useParams();
  const { can } = useOrgRole(orgId);
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const query = useQuery(eventListQuery(orgId, page, PAGE));
  const total = query.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('events.title')}
        served={EVENTS_SERVE}
        actions={
          can('prospecting.write') ? (
            <Button
              onClick={() => navigate({ to: '/orgs/$orgId/relations/events/new', params: { orgId } })}
              data-testid="event-new"
            >
              {t('events.new')}
            </Button>
          ) : null
        }
      />
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending ? t('common.loading') : t('events.total', { count: total })}
      </Text>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="events-table">
            <caption>
              <VisuallyHidden>{t('events.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.fields.date')}</Table.Th>
                <Table.Th>{t('events.fields.title')}</Table.Th>
                <Table.Th>{t('events.fields.kind')}</Table.Th>
                <Table.Th>{t('events.fields.place')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data?.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t('events.empty')}</Table.Td>
                </Table.Tr>
              ) : null}
              {query.data?.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateFr(e.date)}</Table.Td>
                  <Table.Td>
                    <AnchorLink
                      to="/orgs/$orgId/relations/events/$eventId"
                      params={{ orgId, eventId: e.id }}
                      data-testid="event-link"
                    >
                      {e.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`events.kinds.${e.kind}`)}</Table.Td>
                  <Table.Td>{e.place ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > PAGE ? (
        <Pagination mt="md" total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />
      ) : null}
    </>
  );
}

export function NewEventPage() {
  const { t } = useTranslation();
  const { orgId } = newRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  const create = useMutation({
    mutationFn: ({ body }: { body: EventBody; setErrors: (e: unknown) => void }) =>
      createEvent(orgId, body, key.current),
    onSuccess: async (event) => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all(orgId) });
      notify('success', t('events.created'));
      await navigate({ to: '/orgs/$orgId/relations/events/$eventId', params: { orgId, eventId: event.id } });
    },
    onError: (error, { setErrors }) => {
      setErrors(error);
      notify('error', errorMessage(error, t));
    },
  });
  return (
    <>
      <PageHeader title={t('events.new')} served={EVENTS_SERVE} />
      <EventForm
        event={null}
        readOnly={false}
        submitting={create.isPending}
        onSave={(body, setErrors) => create.mutate({ body, setErrors })}
      />
    </>
  );
}
