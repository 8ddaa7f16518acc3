import { Badge, Button, Card, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { ListSection } from '../../ui/ListSection.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { QueryTable } from '../../ui/QueryTable.tsx';
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
    <ListSection title={t('training.situations.title')} titleId="situations-title">
      <QueryTable
        query={situations}
        empty={t('training.situations.none')}
        testId="situations-table"
        headers={[
          t('training.situations.titleLabel'),
          t('training.situations.status'),
          t('training.situations.dueDate'),
          t('training.situations.checks'),
        ]}
        row={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <SituationLink orgId={orgId} situation={s} />
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
        )}
      />
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
    </ListSection>
  );
}

/** A student's published situations, with how many checks pass. */
export function MySituations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const query = useQuery(mySituationsQuery(orgId));
  return (
    <ListSection title={t('training.situations.mine')} titleId="my-situations-title">
      <QueryTable
        query={query}
        empty={t('training.situations.mineNone')}
        testId="my-situations"
        headers={[
          t('training.situations.titleLabel'),
          t('training.situations.dueDate'),
          t('training.situations.results'),
        ]}
        row={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <SituationLink orgId={orgId} situation={s} />
            </Table.Td>
            <Table.Td>{formatDate(s.dueDate)}</Table.Td>
            <Table.Td>
              {t('training.situations.countsValue', {
                passed: s.results.filter((r) => r.passed).length,
                total: s.checks.length,
              })}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </ListSection>
  );
}

/** A situation's title, opening its page. */
function SituationLink({ orgId, situation }: { orgId: string; situation: { id: string; title: string } }) {
  return (
    <AnchorLink
      to="/orgs/$orgId/training/situations/$situationId"
      params={{ orgId, situationId: situation.id }}
    >
      {situation.title}
    </AnchorLink>
  );
}
