import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItemDto } from '../../../../../src/personnel/onboarding/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { RECRUITMENT_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { employeesQuery } from '../leave/leave-api.ts';
import { careersKeys, checklistsQuery, generateChecklist, updateItem } from './careers-api.ts';
import { TemplateModal } from './TemplateModal.tsx';

const route = getRouteApi('/orgs/$orgId/personnel/checklists');

function ItemActions({ orgId, item }: { orgId: string; item: ChecklistItemDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: string) => updateItem(orgId, item.id, status),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) }),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const what = `${item.label} — ${item.employeeName}`;
  if (item.status !== 'todo')
    return (
      <Button size="compact-sm" variant="default" onClick={() => update.mutate('todo')}>
        {t('personnel.checklists.reopen')}
      </Button>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="compact-sm"
        loading={update.isPending}
        onClick={() => update.mutate('done')}
        aria-label={t('personnel.checklists.doneFor', { what })}
        data-testid="checklist-done"
      >
        {t('personnel.checklists.done')}
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => update.mutate('not_applicable')}>
        {t('personnel.checklists.notApplicable')}
      </Button>
    </Group>
  );
}

function Generate({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const employees = useQuery(employeesQuery(orgId));
  const [employeeId, setEmployeeId] = useState('');
  const [kind, setKind] = useState('onboarding');
  const make = useMutation({
    mutationFn: () => generateChecklist(orgId, employeeId, kind),
    onSuccess: async () => {
      notify('success', t('personnel.checklists.generated'));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Paper withBorder p="sm" mb="md">
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('personnel.checklists.employee')}
          value={employeeId}
          onChange={(e) => setEmployeeId(e.currentTarget.value)}
          data={[
            { value: '', label: t('personnel.checklists.chooseEmployee') },
            ...(employees.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.lastName} ${e.firstName}`,
            })),
          ]}
        />
        <NativeSelect
          label={t('personnel.checklists.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={(['onboarding', 'offboarding'] as const).map((k) => ({
            value: k,
            label: t(`personnel.checklists.kinds.${k}`),
          }))}
        />
        <Button disabled={!employeeId} loading={make.isPending} onClick={() => make.mutate()}>
          {t('personnel.checklists.generate')}
        </Button>
      </Group>
    </Paper>
  );
}

export function ChecklistsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('personnel.write');
  const [openOnly, setOpenOnly] = useState(true);
  const [editingTemplate, setEditingTemplate] = useState(false);
  const query = useQuery(checklistsQuery(orgId, openOnly));
  const overdue = query.data?.items.filter((i) => i.overdue).length ?? 0;
  return (
    <>
      <PageHeader
        title={t('personnel.checklists.title')}
        served={RECRUITMENT_SERVE}
        actions={
          writable ? (
            <Button variant="default" onClick={() => setEditingTemplate(true)} data-testid="template-edit">
              {t('personnel.checklists.templateTitle')}
            </Button>
          ) : null
        }
      />
      <Text size="sm" mb="sm">
        {t('personnel.checklists.help')}
      </Text>
      {writable ? <Generate orgId={orgId} /> : null}
      <Group mb="xs" justify="space-between">
        <Checkbox
          label={t('personnel.checklists.openOnly')}
          checked={openOnly}
          onChange={(e) => setOpenOnly(e.currentTarget.checked)}
        />
        <Text size="sm" aria-live="polite" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
          {t('personnel.checklists.overdueCount', { count: overdue })}
        </Text>
      </Group>
      <ListTable
        query={query}
        minWidth={860}
        testId="checklist-table"
        caption={t('personnel.checklists.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.checklists.employee')}</Table.Th>
            <Table.Th>{t('personnel.checklists.kind')}</Table.Th>
            <Table.Th>{t('personnel.checklists.item')}</Table.Th>
            <Table.Th>{t('personnel.checklists.dueOn')}</Table.Th>
            <Table.Th>{t('personnel.checklists.status')}</Table.Th>
            <Table.Th>{writable ? t('common.actions') : ''}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('personnel.checklists.empty')}
        row={(i) => (
          <Table.Tr key={i.id} data-testid="checklist-row" bg={i.overdue ? 'red.0' : undefined}>
            <Table.Td fw={600}>{i.employeeName}</Table.Td>
            <Table.Td>{t(`personnel.checklists.kinds.${i.kind}`)}</Table.Td>
            <Table.Td>
              {i.label}
              {i.legalRef ? (
                <Text size="xs">{t('personnel.checklists.legalRef', { ref: i.legalRef })}</Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              {day(i.dueOn)}{' '}
              {i.overdue ? (
                <Badge color="red" size="sm" data-testid="checklist-overdue">
                  {t('personnel.checklists.overdue')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>
              {t(`personnel.checklists.statuses.${i.status}`)}
              {i.doneOn ? (
                <Text size="xs">
                  {t('personnel.checklists.doneBy', { date: day(i.doneOn), name: i.doneByName ?? '' })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{writable ? <ItemActions orgId={orgId} item={i} /> : null}</Table.Td>
          </Table.Tr>
        )}
      />
      {editingTemplate ? <TemplateModal orgId={orgId} onClose={() => setEditingTemplate(false)} /> : null}
    </>
  );
}
