import { Badge, Group, NativeSelect, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NoticeCategory,
  noticeCategories,
} from '../../../../../../src/production/workplace/notices/contract.ts';
import { useOrgRole } from '../../../../auth/session.ts';
import { NOTICES_SERVE } from '../../../../referentiel/activities.ts';
import { ListTable } from '../../../../ui/ListTable.tsx';
import { AnchorLink, ButtonLink } from '../../../../ui/links.tsx';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { day } from '../../../relations/format.ts';
import { noticesQuery } from './notices-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/notices/');
const k = 'production.workplace.notices';

export function NoticeListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const [category, setCategory] = useState<NoticeCategory | ''>('');
  const query = useQuery(noticesQuery(orgId, category || undefined));
  return (
    <>
      <PageHeader
        title={t(`${k}.title`)}
        served={NOTICES_SERVE}
        actions={
          <Group gap="sm">
            <ButtonLink
              variant="default"
              to="/orgs/$orgId/production/workplace/notices/postings"
              params={{ orgId }}
              data-testid="postings-link"
            >
              {t(`${k}.postingsTitle`)}
            </ButtonLink>
            {can('production.write') ? (
              <ButtonLink
                to="/orgs/$orgId/production/workplace/notices/new"
                params={{ orgId }}
                data-testid="notice-new"
              >
                {t(`${k}.new`)}
              </ButtonLink>
            ) : null}
          </Group>
        }
      />
      <NativeSelect
        mb="sm"
        maw={280}
        label={t(`${k}.fields.category`)}
        value={category}
        onChange={(e) => setCategory(e.currentTarget.value as NoticeCategory | '')}
        data={[
          { value: '', label: t(`${k}.allCategories`) },
          ...noticeCategories.map((c) => ({ value: c, label: t(`${k}.categories.${c}`) })),
        ]}
        data-testid="notice-filter-category"
      />
      <ListTable
        query={query}
        minWidth={820}
        testId="notice-table"
        caption={t(`${k}.caption`)}
        headers={
          <>
            <Table.Th>{t(`${k}.fields.number`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.title`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.category`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.publishOn`)}</Table.Th>
            <Table.Th>{t(`${k}.fields.expiresOn`)}</Table.Th>
            <Table.Th ta="right">{t(`${k}.fields.reads`)}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t(`${k}.empty`)}
        row={(n) => (
          <Table.Tr key={n.id} data-testid="notice-row">
            <Table.Td>
              {n.number ?? (
                <Badge size="sm" variant="light" color="gray">
                  {t(`${k}.draft`)}
                </Badge>
              )}
            </Table.Td>
            <Table.Td fw={600}>
              {n.pinned ? `📌 ` : ''}
              <AnchorLink
                to="/orgs/$orgId/production/workplace/notices/$noticeId"
                params={{ orgId, noticeId: n.id }}
              >
                {n.title}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{t(`${k}.categories.${n.category}`)}</Table.Td>
            <Table.Td>{day(n.publishOn)}</Table.Td>
            <Table.Td>{n.expiresOn ? day(n.expiresOn) : '—'}</Table.Td>
            <Table.Td ta="right">{n.readCount}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
