import { Box, Button, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { addMonths, todayIn } from '../../../../../src/kernel/dates/index.ts';
import { type LeaveType, leaveTypes } from '../../../../../src/personnel/leave/contract.ts';
import { LEAVE_SERVE } from '../../../referentiel/activities.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { LEAVE_COLORS, planningQuery } from './leave-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/leave/planning');

export function parsePlanningSearch(search: Record<string, unknown>): { month?: string } {
  return typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month)
    ? { month: search.month }
    : {};
}

const shade = 'var(--mantine-color-gray-2)';
const tint = (type: LeaveType) => `var(--mantine-color-${LEAVE_COLORS[type]}-1)`;
const edge = (type: LeaveType) => `var(--mantine-color-${LEAVE_COLORS[type]}-7)`;

/** Who is absent which day: employees × days of a month, weekends and holidays shaded, types coloured. */
export function LeavePlanningPage() {
  const { t, i18n } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const month = search.month ?? todayIn().slice(0, 7);
  const query = useQuery(planningQuery(orgId, month));
  const go = (value: string) => void navigate({ search: { month: value }, replace: true });
  const shift = (n: number) => go(addMonths(`${month}-01`, n).slice(0, 7));
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
  const weekday = (n: number) => t(`personnel.leave.planning.weekdays.${String(n) as '1'}`);
  return (
    <>
      <PageHeader title={t('personnel.leave.planning.title')} served={LEAVE_SERVE} />
      <Group align="flex-end" mb="md" gap="sm">
        <Button variant="default" onClick={() => shift(-1)} data-testid="planning-prev">
          {t('personnel.leave.planning.previous')}
        </Button>
        <TextInput
          type="month"
          label={t('personnel.leave.planning.month')}
          value={month}
          onChange={(e) => e.currentTarget.value && go(e.currentTarget.value)}
          data-testid="planning-month"
        />
        <Button variant="default" onClick={() => shift(1)} data-testid="planning-next">
          {t('personnel.leave.planning.next')}
        </Button>
      </Group>
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.data ? (
        <>
          {/* A focusable region: the grid scrolls sideways on narrow screens, by keyboard too. */}
          <Box
            tabIndex={0}
            role="region"
            aria-label={t('personnel.leave.planning.caption', { month: monthName })}
            style={{ overflowX: 'auto' }}
          >
            <Table
              miw={1100}
              withTableBorder
              withColumnBorders
              verticalSpacing={4}
              horizontalSpacing={2}
              fz="xs"
              data-testid="planning-grid"
            >
              <caption>
                <VisuallyHidden>{t('personnel.leave.planning.caption', { month: monthName })}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('personnel.leave.fields.employee')}</Table.Th>
                  {query.data.days.map((d) => {
                    const off = d.weekday >= 6 || d.holiday !== null;
                    return (
                      <Table.Th
                        key={d.date}
                        scope="col"
                        ta="center"
                        w={32}
                        style={off ? { background: shade } : undefined}
                        title={d.holiday ?? undefined}
                        data-testid="planning-day"
                        data-off={off ? 'true' : 'false'}
                      >
                        <div aria-hidden="true">{weekday(d.weekday).slice(0, 1)}</div>
                        <div>{Number(d.date.slice(8))}</div>
                        <VisuallyHidden>
                          {weekday(d.weekday)}
                          {d.holiday ? ` — ${d.holiday}` : ''}
                        </VisuallyHidden>
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={query.data.days.length + 1}>
                      {t('personnel.leave.planning.empty')}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {query.data.rows.map((row) => (
                  <Table.Tr key={row.employeeId} data-testid="planning-row">
                    <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {row.employeeName}
                    </Table.Th>
                    {row.cells.map((cell, i) => {
                      const d = query.data.days[i]!;
                      const off = d.weekday >= 6 || d.holiday !== null;
                      if (!cell)
                        return <Table.Td key={d.date} style={off ? { background: shade } : undefined} />;
                      const label = `${t(`personnel.leave.types.${cell.type}`)}${
                        cell.part === 'day' ? '' : ` (${t(`personnel.leave.planning.parts.${cell.part}`)})`
                      }${cell.status === 'requested' ? ` — ${t('personnel.leave.statuses.requested')}` : ''}`;
                      return (
                        <Table.Td
                          key={d.date}
                          ta="center"
                          title={label}
                          data-testid="planning-cell"
                          data-type={cell.type}
                          data-status={cell.status}
                          style={{
                            background: cell.status === 'approved' ? tint(cell.type) : undefined,
                            outline:
                              cell.status === 'requested' ? `2px dashed ${edge(cell.type)}` : undefined,
                            outlineOffset: -3,
                          }}
                        >
                          <span aria-hidden="true">
                            {t(`personnel.leave.planning.codes.${cell.type}`)}
                            {cell.part !== 'day' ? '½' : ''}
                            {cell.status === 'requested' ? '?' : ''}
                          </span>
                          <VisuallyHidden>{label}</VisuallyHidden>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Group gap="md" mt="sm" data-testid="planning-legend">
            {leaveTypes.map((type) => (
              <Group key={type} gap={4}>
                <Box
                  component="span"
                  px={4}
                  style={{ background: tint(type), border: `1px solid ${edge(type)}` }}
                  fz="xs"
                  fw={700}
                >
                  {t(`personnel.leave.planning.codes.${type}`)}
                </Box>
                <Text size="xs">{t(`personnel.leave.types.${type}`)}</Text>
              </Group>
            ))}
            <Text size="xs">{t('personnel.leave.planning.legendRequested')}</Text>
            <Group gap={4}>
              <Box component="span" w={16} h={12} style={{ background: shade }} />
              <Text size="xs">{t('personnel.leave.planning.legendOff')}</Text>
            </Group>
          </Group>
        </>
      ) : null}
    </>
  );
}
