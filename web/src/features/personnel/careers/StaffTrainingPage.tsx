import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDto } from '../../../../../src/personnel/professional-training/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { STAFF_TRAINING_SERVE } from '../../../referentiel/activities.ts';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { ListTable } from '../../../ui/ListTable.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day, money } from '../../relations/format.ts';
import { employeesQuery } from '../leave/leave-api.ts';
import {
  actionsQuery,
  careersKeys,
  downloadSummary,
  enrol,
  hoursText,
  reviewsQuery,
  summaryQuery,
  updateEnrolment,
} from './careers-api.ts';
import { NewActionModal, ReviewModal } from './StaffTrainingModals.tsx';

const route = getRouteApi('/orgs/$orgId/personnel/staff-training');
const STATE_COLORS = { overdue: 'red', soon: 'blue', ok: 'teal' } as const;

export function parseTrainingSearch(search: Record<string, unknown>): { year?: number } {
  const year = Number(search.year);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {};
}

function Trainees({ orgId, action, writable }: { orgId: string; action: ActionDto; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const employees = useQuery(employeesQuery(orgId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const add = useMutation({
    mutationFn: (id: string) => enrol(orgId, action.id, id),
    onSuccess: refresh,
    onError,
  });
  const change = useMutation({
    mutationFn: (p: { id: string; status: string; attestation: boolean }) =>
      updateEnrolment(orgId, p.id, p.status, p.attestation),
    onSuccess: refresh,
    onError,
  });
  const enrolled = new Set(action.enrolments.map((n) => n.employeeId));
  return (
    <Stack gap={4}>
      {action.enrolments.map((n) => (
        <Group key={n.id} gap="xs" wrap="nowrap">
          <Text size="sm" miw={140}>
            {n.employeeName}
          </Text>
          <NativeSelect
            size="xs"
            disabled={!writable}
            aria-label={t('personnel.staffTraining.statusFor', { name: n.employeeName })}
            value={n.status}
            onChange={(e) =>
              change.mutate({ id: n.id, status: e.currentTarget.value, attestation: n.attestationReceived })
            }
            data={(['planned', 'done', 'cancelled'] as const).map((s) => ({
              value: s,
              label: t(`personnel.staffTraining.statuses.${s}`),
            }))}
          />
          <Checkbox
            size="xs"
            disabled={!writable || n.status !== 'done'}
            label={t('personnel.staffTraining.attestation')}
            checked={n.attestationReceived}
            onChange={(e) =>
              change.mutate({ id: n.id, status: n.status, attestation: e.currentTarget.checked })
            }
          />
        </Group>
      ))}
      {writable ? (
        <NativeSelect
          size="xs"
          aria-label={t('personnel.staffTraining.enrolIn', { title: action.title })}
          value=""
          onChange={(e) => e.currentTarget.value && add.mutate(e.currentTarget.value)}
          data={[
            { value: '', label: t('personnel.staffTraining.enrol') },
            ...(employees.data?.items ?? [])
              .filter((e) => !enrolled.has(e.id) && !e.leftOn)
              .map((e) => ({ value: e.id, label: `${e.lastName} ${e.firstName}` })),
          ]}
          data-testid="action-enrol"
        />
      ) : null}
    </Stack>
  );
}

function Reviews({ orgId, writable }: { orgId: string; writable: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(reviewsQuery(orgId));
  const [recording, setRecording] = useState<{ id: string; name: string } | null>(null);
  return (
    <section aria-labelledby="reviews-title">
      <Title order={2} size="h4" mt="xl" mb="xs" id="reviews-title">
        {t('personnel.staffTraining.reviewsTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('personnel.staffTraining.reviewsHelp')}
      </Text>
      <ListTable
        query={query}
        minWidth={760}
        testId="reviews-table"
        caption={t('personnel.staffTraining.reviewsTitle')}
        headers={
          <>
            <Table.Th>{t('personnel.staffTraining.fields.employee')}</Table.Th>
            <Table.Th>{t('personnel.staffTraining.fields.lastReview')}</Table.Th>
            <Table.Th>{t('personnel.staffTraining.fields.nextReview')}</Table.Th>
            <Table.Th>{t('personnel.staffTraining.fields.nextSummary')}</Table.Th>
            <Table.Th>{writable ? t('common.actions') : ''}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('personnel.staffTraining.reviewsEmpty')}
        row={(r) => (
          <Table.Tr key={r.employeeId} data-testid="review-row">
            <Table.Td fw={600}>{r.employeeName}</Table.Td>
            <Table.Td>{day(r.lastReviewOn) || '—'}</Table.Td>
            <Table.Td>
              {day(r.nextReviewOn)}{' '}
              <Badge size="sm" variant="light" color={STATE_COLORS[r.reviewState]}>
                {t(`personnel.staffTraining.states.${r.reviewState}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {day(r.nextSummaryOn)}{' '}
              <Badge size="sm" variant="light" color={STATE_COLORS[r.summaryState]}>
                {t(`personnel.staffTraining.states.${r.summaryState}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {writable ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setRecording({ id: r.employeeId, name: r.employeeName })}
                >
                  {t('personnel.staffTraining.recordReview')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {recording ? (
        <ReviewModal
          orgId={orgId}
          employeeId={recording.id}
          name={recording.name}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </section>
  );
}

export function StaffTrainingPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? new Date().getFullYear();
  const { can } = useOrgRole(orgId);
  const writable = can('personnel.write');
  const actions = useQuery(actionsQuery(orgId, year));
  const summary = useQuery(summaryQuery(orgId, year));
  const [creating, setCreating] = useState(false);
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i);
  return (
    <>
      <PageHeader
        title={t('personnel.staffTraining.title')}
        served={STAFF_TRAINING_SERVE}
        actions={
          <>
            <NativeSelect
              label={t('personnel.staffTraining.year')}
              value={String(year)}
              onChange={(e) =>
                void navigate({ search: { year: Number(e.currentTarget.value) }, replace: true })
              }
              data={years.map(String)}
            />
            {writable ? (
              <Button onClick={() => setCreating(true)} data-testid="action-new" mt={24}>
                {t('personnel.staffTraining.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ListTable
        query={actions}
        minWidth={960}
        testId="actions-table"
        caption={t('personnel.staffTraining.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.staffTraining.fields.title')}</Table.Th>
            <Table.Th>{t('personnel.staffTraining.fields.dates')}</Table.Th>
            <Table.Th ta="right">{t('personnel.staffTraining.fields.hours')}</Table.Th>
            <Table.Th ta="right">{t('personnel.staffTraining.fields.cost')}</Table.Th>
            <Table.Th>{t('personnel.staffTraining.fields.funding')}</Table.Th>
            <Table.Th>{t('personnel.staffTraining.fields.trainees')}</Table.Th>
          </>
        }
        columns={6}
        emptyText={t('personnel.staffTraining.empty')}
        row={(a) => (
          <Table.Tr key={a.id} data-testid="action-row">
            <Table.Td fw={600}>
              {a.title}
              <Text size="xs">{a.provider}</Text>
            </Table.Td>
            <Table.Td>
              {day(a.startsOn)} – {day(a.endsOn)}
            </Table.Td>
            <Table.Td ta="right">{hoursText(a.hours)}</Table.Td>
            <Table.Td ta="right">{money(a.cost)}</Table.Td>
            <Table.Td>{t(`personnel.staffTraining.fundings.${a.funding}`)}</Table.Td>
            <Table.Td>
              <Trainees orgId={orgId} action={a} writable={writable} />
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Group justify="space-between" mt="xl" mb="xs" align="flex-end">
        <Title order={2} size="h4">
          {t('personnel.staffTraining.summaryTitle', { year })}
        </Title>
        <ExportButtons
          formats={['pdf', 'xlsx', 'csv']}
          fetchFile={(format) => downloadSummary(orgId, year, format)}
          fallbackName={(format) => `bilan-formation-${year}.${format}`}
          testIdPrefix="training-summary-export"
          size="xs"
        />
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table striped data-testid="summary-table">
          <caption>
            <VisuallyHidden>{t('personnel.staffTraining.summaryTitle', { year })}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('personnel.staffTraining.fields.employee')}</Table.Th>
              <Table.Th>{t('personnel.staffTraining.fields.jobTitle')}</Table.Th>
              <Table.Th ta="right">{t('personnel.staffTraining.fields.hoursDone')}</Table.Th>
              <Table.Th ta="right">{t('personnel.staffTraining.fields.hoursPlanned')}</Table.Th>
              <Table.Th ta="right">{t('personnel.staffTraining.fields.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(summary.data?.employees ?? []).map((l) => (
              <Table.Tr key={l.employeeId}>
                <Table.Td>{l.employeeName}</Table.Td>
                <Table.Td>{l.jobTitle}</Table.Td>
                <Table.Td ta="right">{hoursText(l.hoursDone)}</Table.Td>
                <Table.Td ta="right">{hoursText(l.hoursPlanned)}</Table.Td>
                <Table.Td ta="right">{money(l.cost)}</Table.Td>
              </Table.Tr>
            ))}
            {(summary.data?.byJobTitle ?? []).map((g) => (
              <Table.Tr key={`job-${g.jobTitle}`} fw={600}>
                <Table.Td>{t('personnel.staffTraining.byJob')}</Table.Td>
                <Table.Td>{g.jobTitle}</Table.Td>
                <Table.Td ta="right">{hoursText(g.hoursDone)}</Table.Td>
                <Table.Td ta="right">{hoursText(g.hoursPlanned)}</Table.Td>
                <Table.Td ta="right">{money(g.cost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {summary.data ? (
        <Text size="sm" mt="xs" fw={600} data-testid="summary-total">
          {t('personnel.staffTraining.total', {
            done: hoursText(summary.data.total.hoursDone),
            planned: hoursText(summary.data.total.hoursPlanned),
            cost: money(summary.data.total.cost),
          })}
        </Text>
      ) : null}
      <Reviews orgId={orgId} writable={writable} />
      {creating ? <NewActionModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
