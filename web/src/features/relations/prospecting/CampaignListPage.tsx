import { Badge, Button, Group, Pagination, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../../auth/session.ts';
import { PROSPECTING_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { AnchorLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { newIdempotencyKey } from '../relations-api.ts';
import { campaignListQuery, createCampaign } from './campaigns-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/campaigns/');
const PAGE = 25;

export function CampaignListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [name, setName] = useState('');
  const key = useRef(newIdempotencyKey());
  const query = useQuery(campaignListQuery(orgId, page, PAGE));
  const create = useMutation({
    mutationFn: () =>
      createCampaign(
        orgId,
        { name: name.trim(), description: null, status: 'active', letterSubject: null, letterText: null },
        key.current,
      ),
    onSuccess: async (campaign) => {
      notify('success', t('campaigns.created'));
      await navigate({
        to: '/orgs/$orgId/relations/campaigns/$campaignId',
        params: { orgId, campaignId: campaign.id },
      });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const total = query.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t('campaigns.title')} served={PROSPECTING_SERVE} />
      {can('prospecting.write') ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate();
          }}
        >
          <Group align="flex-end" mb="md">
            <TextInput
              label={t('campaigns.fields.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="campaign-name"
            />
            <Button type="submit" loading={create.isPending} data-testid="campaign-new">
              {t('campaigns.new')}
            </Button>
          </Group>
        </form>
      ) : null}
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending ? t('common.loading') : t('campaigns.total', { count: total })}
      </Text>
      {query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="campaigns-table">
            <caption>
              <VisuallyHidden>{t('campaigns.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.fields.name')}</Table.Th>
                <Table.Th>{t('campaigns.fields.status')}</Table.Th>
                <Table.Th>{t('campaigns.fields.targets')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data?.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={3}>{t('campaigns.empty')}</Table.Td>
                </Table.Tr>
              ) : null}
              {query.data?.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/orgs/$orgId/relations/campaigns/$campaignId"
                      params={{ orgId, campaignId: c.id }}
                    >
                      {c.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.status === 'active' ? 'blue' : 'gray'}>
                      {t(`campaigns.statuses.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.targetCount}</Table.Td>
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
