import { Alert, Badge, Button, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../../auth/session.ts';
import { RECRUITMENT_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { AnchorLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { careersKeys, openingsQuery, purgeApplicants, retentionQuery } from './careers-api.ts';
import { OpeningModal } from './OpeningModal.tsx';

const route = getRouteApi('/orgs/$orgId/personnel/recruitment/');
export const OPENING_COLORS = {
  draft: 'gray',
  published: 'blue',
  closed: 'grape',
  filled: 'teal',
} as const;

function Retention({ orgId, writable }: { orgId: string; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const due = useQuery(retentionQuery(orgId));
  const purge = useMutation({
    mutationFn: () => purgeApplicants(orgId),
    onSuccess: async (r) => {
      notify('success', t('personnel.recruitment.purged', { count: r.purged }));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const items = due.data?.items ?? [];
  return (
    <section aria-labelledby="retention-title">
      <Title order={2} size="h4" mt="xl" mb="xs" id="retention-title">
        {t('personnel.recruitment.retentionTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('personnel.recruitment.retentionHelp')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="retention-none">
          {t('personnel.recruitment.retentionNone')}
        </Text>
      ) : (
        <Alert color="orange" data-testid="retention-due">
          <Text size="sm">{t('personnel.recruitment.retentionDue', { count: items.length })}</Text>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                {i.name} — {i.openingTitle} — {day(i.lastContactOn)}
              </li>
            ))}
          </ul>
          {writable ? (
            <Button
              color="red"
              loading={purge.isPending}
              onClick={() => {
                if (window.confirm(t('personnel.recruitment.purgeConfirm'))) purge.mutate();
              }}
            >
              {t('personnel.recruitment.purge')}
            </Button>
          ) : null}
        </Alert>
      )}
    </section>
  );
}

export function RecruitmentPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('personnel.write');
  const query = useQuery(openingsQuery(orgId));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('personnel.recruitment.title')}
        served={RECRUITMENT_SERVE}
        actions={
          writable ? (
            <Button onClick={() => setCreating(true)} data-testid="opening-new">
              {t('personnel.recruitment.new')}
            </Button>
          ) : null
        }
      />
      <ListTable
        query={query}
        minWidth={760}
        testId="openings-table"
        caption={t('personnel.recruitment.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.recruitment.fields.title')}</Table.Th>
            <Table.Th>{t('personnel.recruitment.fields.contractType')}</Table.Th>
            <Table.Th>{t('personnel.recruitment.fields.closesOn')}</Table.Th>
            <Table.Th ta="right">{t('personnel.recruitment.fields.applicants')}</Table.Th>
            <Table.Th>{t('personnel.recruitment.fields.status')}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('personnel.recruitment.empty')}
        row={(o) => (
          <Table.Tr key={o.id} data-testid="opening-row">
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/personnel/recruitment/$openingId"
                params={{ orgId, openingId: o.id }}
                fw={600}
              >
                {o.title}
              </AnchorLink>
              {o.service ? <Text size="xs">{o.service}</Text> : null}
            </Table.Td>
            <Table.Td>{t(`personnel.recruitment.contracts.${o.contractType}`)}</Table.Td>
            <Table.Td>{day(o.closesOn)}</Table.Td>
            <Table.Td ta="right">{o.applicantCount}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={OPENING_COLORS[o.status]}>
                {t(`personnel.recruitment.statuses.${o.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Retention orgId={orgId} writable={writable} />
      {creating ? <OpeningModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
