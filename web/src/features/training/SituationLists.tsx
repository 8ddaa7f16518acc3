import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { LoadError } from '../../ui/StatusPages.tsx';
import {
  classSituationsQuery,
  createSituation,
  mySituationsQuery,
  sandboxesQuery,
  situationKeys,
} from './training-api.ts';

const formatDate = (date: string | null) => (date ? date.split('-').reverse().join('/') : '—');

/** A class's situations, for its teachers, and the form that starts a new one. */
export function ClassSituations({ orgId, classId }: { orgId: string; classId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const situations = useQuery(classSituationsQuery(orgId, classId));
  const sandboxes = useQuery(sandboxesQuery(orgId, classId));
  const [title, setTitle] = useState('');
  const [handoutId, setHandoutId] = useState('');
  const handouts = [
    ...new Map((sandboxes.data?.items ?? []).map((s) => [s.handoutId, s.scenarioTitle] as const)).entries(),
  ].map(([value, label]) => ({ value, label }));
  const create = useMutation({
    mutationFn: () =>
      createSituation(orgId, classId, {
        handoutId: handoutId || handouts[0]?.value || '',
        title,
        statement: '',
        competencies: [],
        indicators: [],
        dueDate: null,
        status: 'draft',
        attachmentIds: [],
        checks: [],
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: situationKeys.class(orgId, classId) });
      notify('success', t('training.situations.created', { name: created.title }));
      await navigate({
        to: '/orgs/$orgId/training/situations/$situationId',
        params: { orgId, situationId: created.id },
      });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Stack component="section" aria-labelledby="situations-title">
      <Title order={2} size="h3" id="situations-title">
        {t('training.situations.title')}
      </Title>
      {situations.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : situations.isError ? (
        <LoadError error={situations.error} />
      ) : situations.data.items.length === 0 ? (
        <Text c="dimmed">{t('training.situations.none')}</Text>
      ) : (
        <Table striped data-testid="situations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.situations.titleLabel')}</Table.Th>
              <Table.Th>{t('training.situations.status')}</Table.Th>
              <Table.Th>{t('training.situations.dueDate')}</Table.Th>
              <Table.Th>{t('training.situations.checks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {situations.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <AnchorLink
                    to="/orgs/$orgId/training/situations/$situationId"
                    params={{ orgId, situationId: s.id }}
                  >
                    {s.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Badge color={s.status === 'published' ? 'green.9' : 'gray.7'}>
                    {s.status === 'published'
                      ? t('training.situations.published')
                      : t('training.situations.draft')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(s.dueDate)}</Table.Td>
                <Table.Td>{s.checks.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Card withBorder>
        {handouts.length === 0 ? (
          <Text c="dimmed">{t('training.situations.noHandout')}</Text>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate();
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('training.situations.titleLabel')}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                data-testid="new-situation-title"
              />
              <NativeSelect
                label={t('training.situations.handout')}
                data={handouts}
                value={handoutId || handouts[0]!.value}
                onChange={(e) => setHandoutId(e.currentTarget.value)}
              />
              <Button type="submit" loading={create.isPending} data-testid="create-situation">
                {t('training.situations.create')}
              </Button>
            </Group>
          </form>
        )}
      </Card>
    </Stack>
  );
}

/** A student's published situations, with how many checks pass. */
export function MySituations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const query = useQuery(mySituationsQuery(orgId));
  return (
    <Stack component="section" aria-labelledby="my-situations-title">
      <Title order={2} size="h3" id="my-situations-title">
        {t('training.situations.mine')}
      </Title>
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t('training.situations.mineNone')}</Text>
      ) : (
        <Table striped data-testid="my-situations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.situations.titleLabel')}</Table.Th>
              <Table.Th>{t('training.situations.dueDate')}</Table.Th>
              <Table.Th>{t('training.situations.results')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <AnchorLink
                    to="/orgs/$orgId/training/situations/$situationId"
                    params={{ orgId, situationId: s.id }}
                  >
                    {s.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{formatDate(s.dueDate)}</Table.Td>
                <Table.Td>
                  {t('training.situations.countsValue', {
                    passed: s.results.filter((r) => r.passed).length,
                    total: s.checks.length,
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
