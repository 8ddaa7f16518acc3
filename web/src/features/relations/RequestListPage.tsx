import { Badge, Button, Group, Loader, Modal, NativeSelect, Pagination, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestChannels, requestStatuses } from '../../../../src/relations/requests/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { RECEPTION_SERVE } from '../../referentiel/activities.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day } from './format.ts';
import { RequestForm } from './RequestForm.tsx';
import { REQUEST_PAGE, type RequestSearch, requestListQuery } from './records-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/requests/');

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function RequestStatusBadge({ status }: { status: (typeof requestStatuses)[number] }) {
  const { t } = useTranslation();
  const color = { new: 'blue', in_progress: 'orange', answered: 'teal', closed: 'gray' }[status];
  return (
    <Badge size="sm" variant="light" color={color} data-testid="request-status">
      {t(`records.requestStatuses.${status}`)}
    </Badge>
  );
}

export function RequestListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const [creating, setCreating] = useState(false);
  const query = useQuery(requestListQuery(orgId, search));
  const setSearch = (patch: Partial<RequestSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const total = query.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('records.requests.title')}
        served={RECEPTION_SERVE}
        actions={
          <>
            <ButtonLink to="/orgs/$orgId/relations/reception" params={{ orgId }} variant="default">
              {t('records.requests.settings')}
            </ButtonLink>
            {can('parties.write') ? (
              <Button onClick={() => setCreating(true)} data-testid="request-new">
                {t('records.requests.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('relations.filters')}>
        <NativeSelect
          label={t('records.requests.fields.status')}
          value={search.status ?? ''}
          onChange={(e) => void setSearch({ status: oneOf(requestStatuses, e.currentTarget.value) })}
          data={[
            { value: '', label: t('relations.all') },
            ...requestStatuses.map((s) => ({ value: s, label: t(`records.requestStatuses.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('records.requests.fields.channel')}
          value={search.channel ?? ''}
          onChange={(e) => void setSearch({ channel: oneOf(requestChannels, e.currentTarget.value) })}
          data={[
            { value: '', label: t('relations.all') },
            ...requestChannels.map((c) => ({ value: c, label: t(`records.channels.${c}`) })),
          ]}
        />
      </Group>
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending ? t('common.loading') : t('records.requests.total', { count: total })}
      </Text>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : query.isPending ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="request-table">
            <Table.Caption>{t('records.requests.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records.requests.fields.receivedAt')}</Table.Th>
                <Table.Th>{t('records.requests.fields.channel')}</Table.Th>
                <Table.Th>{t('records.requests.fields.sender')}</Table.Th>
                <Table.Th>{t('records.requests.fields.subject')}</Table.Th>
                <Table.Th>{t('records.requests.fields.assignee')}</Table.Th>
                <Table.Th>{t('records.requests.fields.dueDate')}</Table.Th>
                <Table.Th>{t('records.requests.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>{t('records.requests.empty')}</Table.Td>
                </Table.Tr>
              ) : (
                query.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{day(r.receivedAt.slice(0, 10))}</Table.Td>
                    <Table.Td>{t(`records.channels.${r.channel}`)}</Table.Td>
                    <Table.Td>{r.partyName ?? r.senderName ?? r.senderEmail}</Table.Td>
                    <Table.Td>
                      <AnchorLink
                        to="/orgs/$orgId/relations/requests/$requestId"
                        params={{ orgId, requestId: r.id }}
                        data-testid="request-link"
                      >
                        {r.subject}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{r.assigneeName ?? ''}</Table.Td>
                    <Table.Td>
                      {day(r.dueDate)}{' '}
                      {r.overdue ? (
                        <Badge size="xs" color="red" variant="light">
                          {t('records.requests.overdue')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <RequestStatusBadge status={r.status} />
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > REQUEST_PAGE ? (
        <Pagination
          mt="md"
          total={Math.ceil(total / REQUEST_PAGE)}
          value={search.page ?? 1}
          onChange={(page) =>
            void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })
          }
        />
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('records.requests.new')}
        size="lg"
      >
        <RequestForm
          orgId={orgId}
          onDone={(id) => {
            setCreating(false);
            void navigate({
              to: '/orgs/$orgId/relations/requests/$requestId',
              params: { orgId, requestId: id },
            });
          }}
        />
      </Modal>
    </>
  );
}
