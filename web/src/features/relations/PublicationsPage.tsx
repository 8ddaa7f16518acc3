import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, endOfMonth, isoWeekday, todayIn } from '../../../../src/kernel/dates/index.ts';
import {
  type PublicationDto,
  publicationChannels,
  publicationStatuses,
} from '../../../../src/relations/publications/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { PUBLICATIONS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import {
  deletePublication,
  type PublicationBody,
  publicationsQuery,
  recordsKeys,
  savePublication,
} from './records-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/publications');

const STATUS_COLORS = { draft: 'gray', scheduled: 'blue', published: 'teal', cancelled: 'red' } as const;

function PublicationForm({
  orgId,
  publication,
  day,
  onDone,
}: {
  orgId: string;
  publication: PublicationDto | null;
  day: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      channel: publication?.channel ?? 'website',
      title: publication?.title ?? '',
      body: publication?.body ?? '',
      scheduledOn: publication?.scheduledOn ?? day ?? '',
      scheduledTime: publication?.scheduledTime ?? '',
      status: publication?.status ?? 'draft',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('records.publications.errors.title')),
      body: (v) => (v.trim() ? null : t('records.publications.errors.body')),
    },
  });
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: recordsKeys.publications(orgId) });
    notify('success', message);
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      savePublication(orgId, publication?.id ?? null, {
        ...v,
        channel: v.channel as PublicationBody['channel'],
        status: v.status as PublicationBody['status'],
        title: v.title.trim(),
        body: v.body.trim(),
        scheduledOn: v.scheduledOn || null,
        scheduledTime: v.scheduledTime || null,
      }),
    onSuccess: () => done(t('records.publications.saved')),
    onError: (e) => setError(errorMessage(e, t)),
  });
  const remove = useMutation({
    mutationFn: () => deletePublication(orgId, publication!.id),
    onSuccess: () => done(t('records.publications.deleted')),
    onError: (e) => setError(errorMessage(e, t)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="publication-form">
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <SimpleGrid cols={2}>
          <NativeSelect
            label={t('records.publications.fields.channel')}
            data={publicationChannels.map((c) => ({
              value: c,
              label: t(`records.publications.channels.${c}`),
            }))}
            {...form.getInputProps('channel')}
          />
          <NativeSelect
            label={t('records.publications.fields.status')}
            data={publicationStatuses.map((s) => ({
              value: s,
              label: t(`records.publications.statuses.${s}`),
            }))}
            {...form.getInputProps('status')}
          />
          <TextInput
            type="date"
            label={t('records.publications.fields.scheduledOn')}
            {...form.getInputProps('scheduledOn')}
          />
          <TextInput
            type="time"
            label={t('records.publications.fields.scheduledTime')}
            {...form.getInputProps('scheduledTime')}
          />
        </SimpleGrid>
        <TextInput required label={t('records.publications.fields.title')} {...form.getInputProps('title')} />
        <Textarea
          required
          autosize
          minRows={4}
          label={t('records.publications.fields.body')}
          {...form.getInputProps('body')}
        />
        <Group justify="space-between">
          {publication && publication.status !== 'published' ? (
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('records.publications.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PublicationsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const writable = can('sales.write');
  const month = search.month ?? todayIn().slice(0, 7);
  const first = `${month}-01`;
  const last = endOfMonth(first);
  const query = useQuery(publicationsQuery(orgId, { from: first, to: last }));
  const [editing, setEditing] = useState<{ publication: PublicationDto | null; day: string | null } | null>(
    null,
  );
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'fr-FR';
  const monthName = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${first}T12:00:00Z`));
  // Monday-first weeks covering the month.
  const start = addDays(first, 1 - isoWeekday(first));
  const days: string[] = [];
  for (let d = start; d <= last || isoWeekday(d) !== 1; d = addDays(d, 1)) days.push(d);
  const weekdays = days
    .slice(0, 7)
    .map((d) =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
        new Date(`${d}T12:00:00Z`),
      ),
    );
  const byDay = new Map<string, PublicationDto[]>();
  for (const p of query.data ?? [])
    if (p.scheduledOn) byDay.set(p.scheduledOn, [...(byDay.get(p.scheduledOn) ?? []), p]);
  const go = (delta: number) =>
    void navigate({ search: { month: addMonths(first, delta).slice(0, 7) }, replace: true });
  return (
    <>
      <PageHeader
        title={t('records.publications.title')}
        served={PUBLICATIONS_SERVE}
        actions={
          writable ? (
            <Button
              onClick={() => setEditing({ publication: null, day: null })}
              data-testid="publication-new"
            >
              {t('records.publications.new')}
            </Button>
          ) : null
        }
      />
      <Group mb="sm" justify="space-between">
        <Button variant="default" onClick={() => go(-1)}>
          {t('records.publications.prev')}
        </Button>
        <Text fw={700} tt="capitalize" aria-live="polite" data-testid="publication-month">
          {monthName}
        </Text>
        <Button variant="default" onClick={() => go(1)}>
          {t('records.publications.next')}
        </Button>
      </Group>
      {query.isError ? <LoadError error={query.error} /> : null}
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder withColumnBorders layout="fixed" data-testid="publication-calendar">
          <Table.Caption>{t('records.publications.calendar', { month: monthName })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {weekdays.map((w) => (
                <Table.Th key={w} ta="center">
                  {w}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Array.from({ length: days.length / 7 }, (_, week) => (
              <Table.Tr key={days[week * 7]}>
                {days.slice(week * 7, week * 7 + 7).map((d) => (
                  <Table.Td
                    key={d}
                    valign="top"
                    h={96}
                    bg={d.startsWith(month) ? undefined : 'var(--mantine-color-gray-0)'}
                  >
                    <Text size="xs" c={d.startsWith(month) ? 'dark' : 'gray.7'}>
                      {Number(d.slice(8))}
                    </Text>
                    <Stack gap={2}>
                      {(byDay.get(d) ?? []).map((p) => (
                        <UnstyledButton
                          key={p.id}
                          onClick={() => setEditing({ publication: p, day: null })}
                          aria-label={t('records.publications.edit', { title: p.title })}
                          data-testid="publication-item"
                        >
                          <Badge size="xs" variant="light" color={STATUS_COLORS[p.status]} fullWidth>
                            {t(`records.publications.channels.${p.channel}`)}
                          </Badge>
                          <Text size="xs" lineClamp={2}>
                            {p.scheduledTime ? `${p.scheduledTime} ` : ''}
                            {p.title}
                          </Text>
                        </UnstyledButton>
                      ))}
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.data && query.data.length === 0 ? (
        <Text size="sm" mt="sm">
          {t('records.publications.empty')}
        </Text>
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.publication ? editing.publication.title : t('records.publications.new')}
        size="lg"
      >
        {editing ? (
          <PublicationForm
            orgId={orgId}
            publication={editing.publication}
            day={editing.day}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}
