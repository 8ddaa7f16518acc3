import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LeaveRequestDto,
  type LeaveStatus,
  type LeaveType,
  leaveStatuses,
  leaveTypes,
} from '../../../../../src/personnel/leave/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { LEAVE_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { ButtonLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../../relations/format.ts';
import {
  approveLeave,
  cancelLeave,
  employeesQuery,
  halfDaysFr,
  LEAVE_COLORS,
  type LeaveSearch,
  leaveExportHref,
  leaveKeys,
  leaveListQuery,
  refuseLeave,
  STATUS_COLORS,
} from './leave-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/leave/');
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function parseLeaveSearch(search: Record<string, unknown>): LeaveSearch {
  return {
    employeeId: typeof search.employeeId === 'string' && search.employeeId ? search.employeeId : undefined,
    status: leaveStatuses.includes(search.status as LeaveStatus) ? (search.status as LeaveStatus) : undefined,
    type: leaveTypes.includes(search.type as LeaveType) ? (search.type as LeaveType) : undefined,
    from: isDate(search.from) ? search.from : undefined,
    to: isDate(search.to) ? search.to : undefined,
  };
}

export function LeaveTypeBadge({ type }: { type: LeaveType }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={LEAVE_COLORS[type]} miw="max-content">
      {t(`personnel.leave.types.${type}`)}
    </Badge>
  );
}

/** The dates of a request with its half-days spelled out. */
export function LeaveDates({
  leave,
}: {
  leave: Pick<LeaveRequestDto, 'from' | 'to' | 'startsAfternoon' | 'endsMorning'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {leave.from === leave.to
        ? t('personnel.leave.onDay', { date: day(leave.from) })
        : t('personnel.leave.fromTo', { from: day(leave.from), to: day(leave.to) })}
      {leave.startsAfternoon ? ` · ${t('personnel.leave.startsAfternoonShort')}` : ''}
      {leave.endsMorning ? ` · ${t('personnel.leave.endsMorningShort')}` : ''}
    </>
  );
}

function RefuseModal({
  orgId,
  leave,
  onClose,
}: {
  orgId: string;
  leave: LeaveRequestDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const refuse = useMutation({
    mutationFn: () => refuseLeave(orgId, leave.id, reason.trim()),
    onSuccess: async () => {
      notify('success', t('personnel.leave.refused'));
      await queryClient.invalidateQueries({ queryKey: leaveKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('personnel.leave.refuseTitle', { name: leave.employeeName })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        refuse.mutate();
      }}
      formTestId="leave-refuse-form"
      alert={refuse.error ? errorMessage(refuse.error, t) : null}
      pending={refuse.isPending}
      submitLabel={t('personnel.leave.refuse')}
      submitTestId="leave-refuse-submit"
    >
      <Textarea
        label={t('personnel.leave.fields.reason')}
        required
        maxLength={500}
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-testid="leave-refuse-reason"
      />
    </FormModal>
  );
}

function Decisions({
  orgId,
  leave,
  onRefuse,
}: {
  orgId: string;
  leave: LeaveRequestDto;
  onRefuse: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = async (message: string) => {
    notify('success', message);
    await queryClient.invalidateQueries({ queryKey: leaveKeys.all(orgId) });
  };
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const approve = useMutation({
    mutationFn: () => approveLeave(orgId, leave.id),
    onSuccess: () => done(t('personnel.leave.approved')),
    onError,
  });
  const cancel = useMutation({
    mutationFn: () => cancelLeave(orgId, leave.id),
    onSuccess: () => done(t('personnel.leave.cancelled')),
    onError,
  });
  const label = (action: 'approve' | 'refuse' | 'cancel') =>
    t(`personnel.leave.${action}For`, { name: leave.employeeName, from: day(leave.from) });
  return (
    <Group gap={6} wrap="nowrap">
      {leave.status === 'requested' ? (
        <>
          <Button
            size="compact-sm"
            loading={approve.isPending}
            onClick={() => approve.mutate()}
            aria-label={label('approve')}
            data-testid="leave-approve"
          >
            {t('personnel.leave.approve')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={onRefuse}
            aria-label={label('refuse')}
            data-testid="leave-refuse"
          >
            {t('personnel.leave.refuse')}
          </Button>
        </>
      ) : null}
      {leave.status === 'requested' || leave.status === 'approved' ? (
        <Button
          size="compact-sm"
          variant="default"
          loading={cancel.isPending}
          onClick={() => {
            if (window.confirm(t('personnel.leave.cancelConfirm'))) cancel.mutate();
          }}
          aria-label={label('cancel')}
          data-testid="leave-cancel"
        >
          {t('personnel.leave.cancel')}
        </Button>
      ) : null}
    </Group>
  );
}

export function LeaveListPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const writable = can('personnel.write');
  const query = useQuery(leaveListQuery(orgId, search));
  const employees = useQuery(employeesQuery(orgId));
  const [refusing, setRefusing] = useState<LeaveRequestDto | null>(null);
  const setSearch = (patch: Partial<LeaveSearch>) =>
    void navigate({ search: (s: LeaveSearch) => ({ ...s, ...patch }), replace: true });
  return (
    <>
      <PageHeader
        title={t('personnel.leave.title')}
        served={LEAVE_SERVE}
        actions={
          <>
            <Button
              component="a"
              href={leaveExportHref(orgId, search, 'csv')}
              download
              variant="default"
              data-testid="leave-export-csv"
            >
              {t('personnel.leave.exportCsv')}
            </Button>
            <Button
              component="a"
              href={leaveExportHref(orgId, search, 'xlsx')}
              download
              variant="default"
              data-testid="leave-export-xlsx"
            >
              {t('personnel.leave.exportXlsx')}
            </Button>
            {writable ? (
              <ButtonLink to="/orgs/$orgId/personnel/leave/new" params={{ orgId }} data-testid="leave-new">
                {t('personnel.leave.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm" mb="sm">
        <NativeSelect
          label={t('personnel.leave.fields.employee')}
          value={search.employeeId ?? ''}
          onChange={(e) => setSearch({ employeeId: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('personnel.leave.allEmployees') },
            ...(employees.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.lastName} ${e.firstName}`,
            })),
          ]}
          data-testid="leave-filter-employee"
        />
        <NativeSelect
          label={t('personnel.leave.fields.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            setSearch({ status: (e.currentTarget.value || undefined) as LeaveStatus | undefined })
          }
          data={[
            { value: '', label: t('personnel.leave.allStatuses') },
            ...leaveStatuses.map((s) => ({ value: s, label: t(`personnel.leave.statuses.${s}`) })),
          ]}
          data-testid="leave-filter-status"
        />
        <NativeSelect
          label={t('personnel.leave.fields.type')}
          value={search.type ?? ''}
          onChange={(e) => setSearch({ type: (e.currentTarget.value || undefined) as LeaveType | undefined })}
          data={[
            { value: '', label: t('personnel.leave.allTypes') },
            ...leaveTypes.map((x) => ({ value: x, label: t(`personnel.leave.types.${x}`) })),
          ]}
          data-testid="leave-filter-type"
        />
        <TextInput
          type="date"
          label={t('personnel.leave.filterFrom')}
          value={search.from ?? ''}
          onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
          data-testid="leave-filter-from"
        />
        <TextInput
          type="date"
          label={t('personnel.leave.filterTo')}
          value={search.to ?? ''}
          onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
          data-testid="leave-filter-to"
        />
      </SimpleGrid>
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending
          ? t('common.loading')
          : t('personnel.leave.total', { count: query.data?.items.length ?? 0 })}
      </Text>
      <ListTable
        query={query}
        minWidth={900}
        testId="leave-table"
        caption={t('personnel.leave.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.leave.fields.employee')}</Table.Th>
            <Table.Th>{t('personnel.leave.fields.type')}</Table.Th>
            <Table.Th>{t('personnel.leave.fields.dates')}</Table.Th>
            <Table.Th ta="right">{t('personnel.leave.fields.days')}</Table.Th>
            <Table.Th>{t('personnel.leave.fields.status')}</Table.Th>
            <Table.Th>{t('personnel.leave.fields.note')}</Table.Th>
            <Table.Th>{writable ? t('personnel.leave.fields.actions') : ''}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('personnel.leave.empty')}
        row={(r) => (
          <Table.Tr key={r.id} data-testid="leave-row">
            <Table.Td fw={600}>{r.employeeName}</Table.Td>
            <Table.Td>
              <LeaveTypeBadge type={r.type} />
            </Table.Td>
            <Table.Td>
              <LeaveDates leave={r} />
            </Table.Td>
            <Table.Td ta="right">
              {halfDaysFr(r.halfDays)} {t(`personnel.leave.basis.${r.dayBasis}`)}
            </Table.Td>
            <Table.Td>
              <Badge
                size="sm"
                variant="light"
                color={STATUS_COLORS[r.status]}
                miw="max-content"
                data-testid="leave-status"
              >
                {t(`personnel.leave.statuses.${r.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{[r.decisionReason, r.cancelReason, r.comment].filter(Boolean).join(' — ')}</Table.Td>
            <Table.Td>
              {writable ? <Decisions orgId={orgId} leave={r} onRefuse={() => setRefusing(r)} /> : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {refusing ? <RefuseModal orgId={orgId} leave={refusing} onClose={() => setRefusing(null)} /> : null}
    </>
  );
}
