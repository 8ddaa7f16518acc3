import { Alert, Badge, Button, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../../src/kernel/dates/index.ts';
import type { PostingDto } from '../../../../../../src/production/workplace/notices/contract.ts';
import { useOrgRole } from '../../../../auth/session.ts';
import { NOTICES_SERVE } from '../../../../referentiel/activities.ts';
import { errorMessage } from '../../../../ui/errors.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { LoadError } from '../../../../ui/StatusPages.tsx';
import { day } from '../../../relations/format.ts';
import { noticeKeys, POSTING_COLORS, postingsQuery, recordPosting } from './notices-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/notices/postings');
const k = 'production.workplace.notices';

/** The mandatory staff postings (affichage obligatoire): posted, missing, to check again. */
export function PostingsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(postingsQuery(orgId));
  if (query.isError) return <LoadError error={query.error} />;
  const list = query.data;
  return (
    <>
      <PageHeader title={t(`${k}.postingsTitle`)} served={NOTICES_SERVE} />
      <Text mb="sm" aria-live="polite" data-testid="postings-summary">
        {list
          ? t(`${k}.postingsSummary`, {
              missing: list.missing,
              outdated: list.outdated,
              headcount: list.headcount,
            })
          : t('common.loading')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="postings-table">
          <caption>
            <VisuallyHidden>{t(`${k}.postingsTitle`)}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${k}.posting.label`)}</Table.Th>
              <Table.Th>{t(`${k}.posting.reference`)}</Table.Th>
              <Table.Th>{t(`${k}.posting.state`)}</Table.Th>
              <Table.Th>{t(`${k}.posting.postedOn`)}</Table.Th>
              <Table.Th>{t(`${k}.posting.record`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list?.items ?? []).map((p) => (
              <PostingRow key={p.code} orgId={orgId} posting={p} writable={can('production.write')} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function PostingRow({
  orgId,
  posting: p,
  writable,
}: {
  orgId: string;
  posting: PostingDto;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [postedOn, setPostedOn] = useState(todayIn());
  const [location, setLocation] = useState(p.location ?? '');
  const save = useMutation({
    mutationFn: () =>
      recordPosting(orgId, p.code, { postedOn, location: location.trim() || null, note: p.note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all(orgId) }),
  });
  return (
    <Table.Tr data-testid={`posting-${p.code}`}>
      <Table.Td>
        <Text fw={600}>{p.label}</Text>
        <Text size="sm" c="dimmed">
          {p.content}
          {p.byAnyMeans ? ` — ${t(`${k}.posting.byAnyMeans`)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>{p.reference}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={POSTING_COLORS[p.state]} miw="max-content" data-testid="posting-state">
          {t(`${k}.states.${p.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {p.postedOn ? day(p.postedOn) : '—'}
        {p.location ? ` — ${p.location}` : ''}
      </Table.Td>
      <Table.Td>
        {writable && p.state !== 'not_required' ? (
          <Group gap="xs" wrap="nowrap">
            <TextInput
              type="date"
              size="xs"
              aria-label={t(`${k}.posting.dateOf`, { what: p.label })}
              value={postedOn}
              onChange={(e) => setPostedOn(e.currentTarget.value)}
            />
            <TextInput
              size="xs"
              aria-label={t(`${k}.posting.locationOf`, { what: p.label })}
              placeholder={t(`${k}.posting.location`)}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
            />
            <Button size="xs" variant="default" onClick={() => save.mutate()} loading={save.isPending}>
              {t(`${k}.posting.save`)}
            </Button>
          </Group>
        ) : null}
        {save.error ? (
          <Alert color="red" role="alert" mt={4} p="xs">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
