import { Badge, Button, Group, NativeSelect, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { MAIL_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { mailKeys, type OutboxStatus, outboxAction, outboxQuery } from './mail-api.ts';

const route = getRouteApi('/orgs/$orgId/settings/outbox');
const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'cancelled'];
const COLORS: Record<OutboxStatus, string> = {
  pending: 'blue',
  sending: 'grape',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
};
const PAGE = 25;

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '';
}

export function OutboxPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<OutboxStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query = useQuery(outboxQuery(orgId, status, page, PAGE));
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'cancel' }) =>
      outboxAction(orgId, id, action),
    onSuccess: async (_message, { action }) => {
      await queryClient.invalidateQueries({ queryKey: mailKeys.outbox(orgId) });
      notify('success', t(action === 'retry' ? 'mail.outbox.retried' : 'mail.outbox.cancelled'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const total = query.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t('mail.outbox.title')} served={MAIL_SERVE} />
      <Group mb="md">
        <NativeSelect
          label={t('mail.outbox.status')}
          value={status ?? ''}
          onChange={(e) => {
            setStatus((e.currentTarget.value || undefined) as OutboxStatus | undefined);
            setPage(1);
          }}
          data={[
            { value: '', label: t('mail.outbox.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`mail.outbox.statuses.${s}`) })),
          ]}
          data-testid="outbox-filter-status"
        />
      </Group>
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending ? t('common.loading') : t('mail.outbox.total', { count: total })}
      </Text>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="outbox-table">
            <caption>
              <VisuallyHidden>{t('mail.outbox.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mail.outbox.status')}</Table.Th>
                <Table.Th>{t('mail.outbox.to')}</Table.Th>
                <Table.Th>{t('mail.outbox.subject')}</Table.Th>
                <Table.Th>{t('mail.outbox.attempts')}</Table.Th>
                <Table.Th>{t('mail.outbox.lastError')}</Table.Th>
                <Table.Th>{t('mail.outbox.created')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data?.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>{t('mail.outbox.empty')}</Table.Td>
                </Table.Tr>
              ) : null}
              {query.data?.items.map((m) => (
                <Table.Tr key={m.id} data-testid="outbox-row">
                  <Table.Td>
                    <Badge
                      color={COLORS[m.status]}
                      // Red's light text is below the AA ratio; its darkest shade passes.
                      c={m.status === 'failed' ? 'red.9' : undefined}
                      variant="light"
                      data-testid="outbox-status"
                    >
                      {t(`mail.outbox.statuses.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.to.join(', ')}</Table.Td>
                  <Table.Td>
                    {m.subject}
                    {m.attachments.length > 0 ? ` (${m.attachments.map((a) => a.fileName).join(', ')})` : ''}
                  </Table.Td>
                  <Table.Td>
                    {m.attempts}
                    {m.status === 'pending' && m.attempts > 0
                      ? ` · ${t('mail.outbox.nextAttempt')} ${when(m.nextAttemptAt)}`
                      : ''}
                  </Table.Td>
                  <Table.Td>{m.lastError ?? ''}</Table.Td>
                  <Table.Td>{when(m.sentAt ?? m.createdAt)}</Table.Td>
                  <Table.Td>
                    {can('mail.write') && (m.status === 'pending' || m.status === 'failed') ? (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => act.mutate({ id: m.id, action: 'retry' })}
                          data-testid="outbox-retry"
                        >
                          {t('mail.outbox.retry')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => act.mutate({ id: m.id, action: 'cancel' })}
                          data-testid="outbox-cancel"
                        >
                          {t('mail.outbox.cancel')}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
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
