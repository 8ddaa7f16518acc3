import { Badge, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../../../auth/session.ts';
import { MEETINGS_SERVE } from '../../../../referentiel/activities.ts';
import { ListTable } from '../../../../ui/ListTable.tsx';
import { AnchorLink, ButtonLink } from '../../../../ui/links.tsx';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { day } from '../../../relations/format.ts';
import { MEETING_STATUS_COLORS, meetingsQuery } from './meetings-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/meetings/');

export function MeetingListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(meetingsQuery(orgId));
  const k = 'production.workplace.meetings';
  return (
    <>
      <PageHeader
        title={t(`${k}.title`)}
        served={MEETINGS_SERVE}
        actions={
          <Group gap="sm">
            <ButtonLink
              variant="default"
              to="/orgs/$orgId/production/workplace/meetings/actions"
              params={{ orgId }}
              data-testid="meeting-actions-link"
            >
              {t(`${k}.actionsTitle`)}
            </ButtonLink>
            {can('production.write') ? (
              <ButtonLink
                to="/orgs/$orgId/production/workplace/meetings/new"
                params={{ orgId }}
                data-testid="meeting-new"
              >
                {t(`${k}.new`)}
              </ButtonLink>
            ) : null}
          </Group>
        }
      />
      <ListTable
        query={query}
        minWidth={820}
        testId="meeting-table"
        caption={t(`${k}.caption`)}
        headers={
          <>
            <Table.Th>{t(`${k}.fields.date`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.title`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.kind`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.place`)}</Table.Th>
            <Table.Th ta="right">{t(`${k}.fields.participants`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.status`)}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t(`${k}.empty`)}
        row={(m) => (
          <Table.Tr key={m.id} data-testid="meeting-row">
            <Table.Td>
              {day(m.date)} {m.startTime}–{m.endTime}
            </Table.Td>
            <Table.Td fw={600}>
              <AnchorLink
                to="/orgs/$orgId/production/workplace/meetings/$meetingId"
                params={{ orgId, meetingId: m.id }}
              >
                {m.title}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{t(`${k}.kinds.${m.kind}`)}</Table.Td>
            <Table.Td>{m.room ?? t(`${k}.modes.${m.mode}`)}</Table.Td>
            <Table.Td ta="right">{m.participantCount}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={MEETING_STATUS_COLORS[m.status]} miw="max-content">
                {t(`${k}.statuses.${m.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
