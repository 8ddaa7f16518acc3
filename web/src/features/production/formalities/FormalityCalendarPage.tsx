import { Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FORMALITIES_SERVE } from '../../../referentiel/activities.ts';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import { calendarQuery, downloadCalendar, STATUS_COLORS } from './formalities-api.ts';

const route = getRouteApi('/orgs/$orgId/production/formalities/calendar');
const WINDOWS = [30, 60, 90, 180, 365] as const;

export type CalendarSearch = { days?: number };
export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const days = Number(search.days);
  return { days: WINDOWS.includes(days as (typeof WINDOWS)[number]) ? days : undefined };
}

/** The « calendrier des formalités »: the due dates of the next days, overdue ones included; exports. */
export function FormalityCalendarPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const days = search.days ?? 90;
  const calendar = useQuery(calendarQuery(orgId, days));
  return (
    <>
      <PageHeader
        title={t('production.formalities.calendarTitle')}
        served={FORMALITIES_SERVE}
        actions={
          <ExportButtons
            formats={['pdf', 'xlsx', 'csv']}
            fetchFile={(format) => downloadCalendar(orgId, days, format)}
            fallbackName={(format) => `calendrier-des-formalites.${format}`}
            testIdPrefix="formality-calendar-export"
          />
        }
      />
      <Group mb="sm" align="flex-end">
        <NativeSelect
          label={t('production.formalities.window')}
          value={String(days)}
          onChange={(e) => void navigate({ search: { days: Number(e.currentTarget.value) }, replace: true })}
          data={WINDOWS.map((d) => ({
            value: String(d),
            label: t('production.formalities.nextDays', { count: d }),
          }))}
        />
      </Group>
      <ListTable
        query={calendar}
        minWidth={800}
        testId="formality-calendar-table"
        caption={t('production.formalities.calendarCaption')}
        headers={
          <>
            <Table.Th>{t('production.formalities.fields.dueOn')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.title')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.partner')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.responsible')}</Table.Th>
            <Table.Th>{t('production.formalities.fields.status')}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('production.formalities.calendarEmpty')}
        row={(e) => (
          <Table.Tr key={`${e.formalityId}-${e.date}`} data-testid="formality-calendar-row">
            <Table.Td fw={600}>{day(e.date)}</Table.Td>
            <Table.Td>
              {e.title}
              <Text size="xs" c="dimmed">
                {t(`production.formalities.categories.${e.category}`)} ·{' '}
                {t(`production.formalities.periodicities.${e.periodicity}`)}
              </Text>
            </Table.Td>
            <Table.Td>{e.partner}</Table.Td>
            <Table.Td>{e.responsible ?? '—'}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={STATUS_COLORS[e.status]} miw="max-content">
                {t(`production.formalities.statuses.${e.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
