import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../../../auth/session.ts';
import { NOTICES_SERVE } from '../../../../referentiel/activities.ts';
import { ExportButtons } from '../../../../ui/ExportButtons.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { notify } from '../../../../ui/notify.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { LoadError } from '../../../../ui/StatusPages.tsx';
import { day } from '../../../relations/format.ts';
import { NoticeForm } from './NoticeForm.tsx';
import {
  acknowledgeNotice,
  downloadNotice,
  noticeKeys,
  noticeQuery,
  publishNotice,
  updateNotice,
} from './notices-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/notices/$noticeId');
const k = 'production.workplace.notices';

export function NoticePage() {
  const { t } = useTranslation();
  const { orgId, noticeId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('production.write');
  const queryClient = useQueryClient();
  const query = useQuery(noticeQuery(orgId, noticeId));
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: noticeKeys.all(orgId) });
  const publish = useMutation({
    mutationFn: () => publishNotice(orgId, noticeId),
    onSuccess: async (n) => {
      notify('success', t(`${k}.published`, { number: n.number }));
      await refresh();
    },
  });
  const read = useMutation({
    mutationFn: (employeeId: string) => acknowledgeNotice(orgId, noticeId, employeeId),
    onSuccess: refresh,
  });
  if (query.isError) return <LoadError error={query.error} />;
  if (!query.data) return <Text>{t('common.loading')}</Text>;
  const n = query.data;
  return (
    <>
      <PageHeader
        title={n.number ? `${n.number} — ${n.title}` : n.title}
        served={NOTICES_SERVE}
        actions={
          <ExportButtons
            formats={['pdf']}
            fetchFile={() => downloadNotice(orgId, noticeId)}
            fallbackName={() => 'note-de-service.pdf'}
            labelOf={() => t(`${k}.pdf`)}
            testIdPrefix="notice-pdf"
          >
            {writable && n.status === 'draft' ? (
              <Button
                onClick={() => publish.mutate()}
                loading={publish.isPending}
                data-testid="notice-publish"
              >
                {t(`${k}.publish`)}
              </Button>
            ) : null}
          </ExportButtons>
        }
      />
      <Stack gap="md">
        {publish.error || read.error ? (
          <Alert color="red" role="alert" data-testid="notice-action-error">
            {errorMessage(publish.error ?? read.error, t)}
          </Alert>
        ) : null}
        {editing ? (
          <NoticeForm
            initial={n}
            submit={async (body) => {
              await updateNotice(orgId, noticeId, body);
              notify('success', t(`${k}.saved`));
              await refresh();
              setEditing(false);
            }}
          />
        ) : null}
        <Paper withBorder p="md" hidden={editing}>
          <Group mb="sm">
            <Badge
              variant="light"
              color={n.status === 'published' ? 'teal' : 'gray'}
              data-testid="notice-status"
            >
              {n.status === 'published' ? t(`${k}.publishedBadge`) : t(`${k}.draft`)}
            </Badge>
            <Text>{t(`${k}.categories.${n.category}`)}</Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mb="md">
            <Text>
              {t(`${k}.fields.author`)} : {n.author}
            </Text>
            <Text>
              {t(`${k}.fields.audience`)} :{' '}
              {n.audience === 'service' ? n.service : t(`${k}.audiences.${n.audience}`)}
            </Text>
            <Text>
              {t(`${k}.fields.publishOn`)} : {day(n.publishOn)}
            </Text>
            <Text>
              {t(`${k}.fields.expiresOn`)} : {n.expiresOn ? day(n.expiresOn) : '—'}
            </Text>
          </SimpleGrid>
          {n.body.split(/\n\s*\n/).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
            <Text key={i} mb="sm" style={{ whiteSpace: 'pre-line' }}>
              {p}
            </Text>
          ))}
        </Paper>
        {n.status === 'published' ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t(`${k}.readsTitle`, { read: n.readers.length, total: n.readers.length + n.unread.length })}
            </Title>
            <Table data-testid="notice-reads">
              <Table.Tbody>
                {n.readers.map((r) => (
                  <Table.Tr key={r.employeeId} data-testid="notice-reader">
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{t(`${k}.readOn`, { date: day(r.readAt!.slice(0, 10)) })}</Table.Td>
                  </Table.Tr>
                ))}
                {n.unread.map((r) => (
                  <Table.Tr key={r.employeeId} data-testid="notice-unread">
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>
                      {writable ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => read.mutate(r.employeeId)}
                          aria-label={t(`${k}.markReadBy`, { name: r.name })}
                          data-testid="notice-mark-read"
                        >
                          {t(`${k}.markRead`)}
                        </Button>
                      ) : (
                        t(`${k}.notRead`)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
