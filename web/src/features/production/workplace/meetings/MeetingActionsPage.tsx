import { Badge, Checkbox, SegmentedControl, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../../../auth/session.ts';
import { MEETINGS_SERVE } from '../../../../referentiel/activities.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import { ListTable } from '../../../../ui/ListTable.tsx';
import { AnchorLink } from '../../../../ui/links.tsx';
import { notify } from '../../../../ui/notify.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { day } from '../../../relations/format.ts';
import { actionsQuery, meetingKeys, setActionDone } from './meetings-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/meetings/actions');

/** The actions decided in meetings, across meetings: who does what by when, and what is done. */
export function MeetingActionsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const query = useQuery(actionsQuery(orgId, filter === 'open' ? true : undefined));
  const k = 'production.workplace.meetings';
  const toggle = useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => setActionDone(orgId, id, done),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all(orgId) }),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <>
      <PageHeader title={t(`${k}.actionsTitle`)} served={MEETINGS_SERVE} />
      <SegmentedControl
        mb="sm"
        value={filter}
        onChange={(v) => setFilter(v as 'open' | 'all')}
        data={[
          { value: 'open', label: t(`${k}.actionsOpen`) },
          { value: 'all', label: t(`${k}.actionsAll`) },
        ]}
        aria-label={t(`${k}.actionsFilter`)}
      />
      <ListTable
        query={query}
        minWidth={760}
        testId="action-table"
        caption={t(`${k}.actionsTitle`)}
        headers={
          <>
            <Table.Th>{t(`${k}.action.done`)}</Table.Th>
            <Table.Th>{t(`${k}.action.description`)}</Table.Th>
            <Table.Th>{t(`${k}.action.owner`)}</Table.Th>
            <Table.Th>{t(`${k}.action.dueDate`)}</Table.Th>
            <Table.Th>{t(`${k}.action.meeting`)}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t(`${k}.actionsEmpty`)}
        row={(a) => (
          <Table.Tr key={a.id} data-testid="action-row">
            <Table.Td>
              <Checkbox
                aria-label={t(`${k}.action.markDone`, { what: a.description })}
                checked={!!a.doneOn}
                disabled={!can('production.write') || toggle.isPending}
                onChange={(e) => toggle.mutate({ id: a.id, done: e.currentTarget.checked })}
              />
            </Table.Td>
            <Table.Td fw={600}>{a.description}</Table.Td>
            <Table.Td>{a.owner}</Table.Td>
            <Table.Td>
              {a.dueDate ? day(a.dueDate) : '—'}{' '}
              {a.overdue ? (
                <Badge size="sm" color="red" variant="light">
                  {t(`${k}.action.overdue`)}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/production/workplace/meetings/$meetingId"
                params={{ orgId, meetingId: a.meetingId }}
              >
                {a.meetingTitle} ({day(a.meetingDate)})
              </AnchorLink>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
