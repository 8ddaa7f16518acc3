import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateFr } from '../../../../src/kernel/dates/index.ts';
import { formatAmount } from '../../../../src/kernel/money/index.ts';
import type { PfmpOverviewRowDto } from '../../../../src/training/pfmp/contract.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { classOverviewExportHref, classOverviewQuery } from './pfmp-api.ts';

const route = getRouteApi('/orgs/$orgId/training/pfmp/classes/$classId');
const number = (n: number) => n.toLocaleString('fr-FR');

/**
 * The class's PFMP at a glance (decision 0030): one row per student, what is to be done flagged in words
 * (never by colour alone), the « à traiter » filter kept in the address, the same rows as CSV.
 */
export function PfmpClassPage() {
  const { t } = useTranslation();
  const { orgId, classId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onlyIssues = search.filter === 'issues';
  const overview = useQuery(classOverviewQuery(orgId, classId));
  if (overview.isPending) return <Loader aria-label={t('common.loading')} />;
  if (overview.isError) return <LoadError error={overview.error} />;
  const data = overview.data;
  const rows = onlyIssues ? data.rows.filter((r) => r.issues.length > 0) : data.rows;
  return (
    <>
      <PageHeader
        title={t('training.pfmpOverview.title', { name: data.class.name })}
        served={[]}
        actions={
          <Button
            component="a"
            href={classOverviewExportHref(orgId, classId, onlyIssues)}
            download
            variant="default"
            data-testid="overview-export"
          >
            {t('training.pfmpOverview.export')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Group gap="lg">
          <AnchorLink to="/orgs/$orgId/training/pfmp" params={{ orgId }} size="sm">
            {t('training.pfmp.back')}
          </AnchorLink>
          <AnchorLink to="/orgs/$orgId/training/classes/$classId" params={{ orgId, classId }} size="sm">
            {t('training.pfmpOverview.classPage')}
          </AnchorLink>
        </Group>
        <Text size="sm">
          {t('training.pfmpOverview.intro', {
            year: data.class.schoolYear,
            required: data.requiredWeeks,
            due: number(data.weeksDueByYearEnd),
          })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="overview-totals">
          <Card withBorder>
            <Text size="sm">{t('training.pfmpOverview.students')}</Text>
            <Text fw={700} size="xl" data-testid="total-students">
              {data.totals.students}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm">{t('training.pfmpOverview.withIssues')}</Text>
            <Text fw={700} size="xl" data-testid="total-issues">
              {data.totals.withIssues}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm">{t('training.pfmpOverview.averageWeeks')}</Text>
            <Text fw={700} size="xl" data-testid="total-average">
              {number(data.totals.averageWeeksDone)}
            </Text>
          </Card>
        </SimpleGrid>
        <Switch
          label={t('training.pfmpOverview.onlyIssues')}
          checked={onlyIssues}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            navigate({ search: checked ? { filter: 'issues' } : {}, replace: true });
          }}
          data-testid="filter-issues"
        />
        {rows.length === 0 ? (
          <Text c="dimmed">
            {data.rows.length === 0
              ? t('training.pfmpOverview.noStudent')
              : t('training.pfmpOverview.noIssueRows')}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table striped withTableBorder data-testid="overview-table" style={{ minWidth: 'max-content' }}>
              <Table.Caption>
                {t('training.pfmpOverview.caption', { today: formatDateFr(data.today) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.student')}</Table.Th>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.weeks')}</Table.Th>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.period')}</Table.Th>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.agreement')}</Table.Th>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.attendance')}</Table.Th>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.assessment')}</Table.Th>
                  <Table.Th scope="col">
                    {t('training.pfmpOverview.columns.allowance', { year: data.class.schoolYear })}
                  </Table.Th>
                  <Table.Th scope="col">{t('training.pfmpOverview.columns.issues')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Row key={row.student.id} orgId={orgId} row={row} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </>
  );
}

function Row({ orgId, row }: { orgId: string; row: PfmpOverviewRowDto }) {
  const { t } = useTranslation();
  const { weeks, period, agreements, assessments } = row;
  const missing = assessments.due - assessments.done;
  return (
    <Table.Tr data-testid="overview-row">
      <Table.Th scope="row" fw={400}>
        <AnchorLink
          to="/orgs/$orgId/training/pfmp/students/$studentId"
          params={{ orgId, studentId: row.student.id }}
        >
          {row.student.name}
        </AnchorLink>
      </Table.Th>
      <Table.Td data-testid="row-weeks">
        <Text size="sm">
          {t('training.pfmpOverview.weeks', { done: number(weeks.done), planned: number(weeks.planned) })}
        </Text>
        {weeks.projected !== weeks.planned ? (
          <Text size="xs">{t('training.pfmpOverview.projected', { weeks: number(weeks.projected) })}</Text>
        ) : null}
      </Table.Td>
      <Table.Td data-testid="row-period">
        {period
          ? t(period.kind === 'current' ? 'training.pfmpOverview.current' : 'training.pfmpOverview.next', {
              host: period.hostName,
              from: formatDateFr(period.startsOn),
              to: formatDateFr(period.endsOn),
            })
          : t('training.pfmpOverview.noPeriod')}
      </Table.Td>
      <Table.Td data-testid="row-agreement">
        {agreements.unsignedPeriods > 0 ? (
          <Text size="sm">{t('training.pfmpOverview.unsigned', { count: agreements.unsignedPeriods })}</Text>
        ) : weeks.plannedDays > 0 ? (
          <Text size="sm">{t('training.pfmpOverview.signed')}</Text>
        ) : (
          <Text size="sm">{t('training.pfmpOverview.noAgreement')}</Text>
        )}
        {agreements.signedLatePeriods > 0 ? (
          <Text size="xs">
            {t('training.pfmpOverview.signedLate', { count: agreements.signedLatePeriods })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td data-testid="row-attendance">
        {row.attendanceMissingDays > 0
          ? t('training.pfmpOverview.missingDays', { count: row.attendanceMissingDays })
          : t('training.pfmpOverview.upToDate')}
      </Table.Td>
      <Table.Td data-testid="row-assessment">
        {assessments.due === 0
          ? t('training.pfmpOverview.assessmentNotDue')
          : missing > 0
            ? t('training.pfmpOverview.assessmentMissing', { missing, due: assessments.due })
            : t('training.pfmpOverview.assessmentDone', { done: assessments.done })}
      </Table.Td>
      <Table.Td data-testid="row-allowance" style={{ whiteSpace: 'nowrap' }}>
        {formatAmount(row.allowanceCents)}
      </Table.Td>
      <Table.Td data-testid="row-issues">
        {row.issues.length === 0 ? (
          <Text size="sm">{t('training.pfmpOverview.noIssue')}</Text>
        ) : (
          <Group gap={4}>
            {row.issues.map((issue) => (
              <Badge key={issue} color="orange.9" variant="filled">
                {t(`training.pfmpOverview.issues.${issue}`)}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
