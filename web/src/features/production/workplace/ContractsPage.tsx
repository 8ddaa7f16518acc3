import {
  Badge,
  Button,
  Checkbox,
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
  type ContractDto,
  type ContractKind,
  type ContractStatus,
  contractKinds,
  contractStatuses,
} from '../../../../../src/production/workplace/contracts/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { WORKPLACE_CONTRACTS_SERVE } from '../../../referentiel/activities.ts';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day, money } from '../../relations/format.ts';
import {
  CONTRACT_STATUS_COLORS,
  type ContractSearch,
  contractKeys,
  contractListQuery,
  downloadTerminationLetter,
  terminateContract,
} from './contracts-api.ts';
import { NewContractModal } from './NewContractModal.tsx';
import { todayLocal } from './resources-api.ts';

const route = getRouteApi('/orgs/$orgId/production/workplace/contracts');

export function parseContractSearch(search: Record<string, unknown>): ContractSearch {
  return {
    kind: contractKinds.includes(search.kind as ContractKind) ? (search.kind as ContractKind) : undefined,
    status: contractStatuses.includes(search.status as ContractStatus)
      ? (search.status as ContractStatus)
      : undefined,
  };
}

function TerminateModal({
  orgId,
  contract,
  onClose,
}: {
  orgId: string;
  contract: ContractDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sentOn, setSentOn] = useState(todayLocal());
  const [reason, setReason] = useState('');
  const [uninformed, setUninformed] = useState(false);
  const terminate = useMutation({
    mutationFn: () =>
      terminateContract(orgId, contract.id, {
        sentOn,
        reason: reason.trim(),
        providerDidNotInform: uninformed,
      }),
    onSuccess: async (done) => {
      notify('success', t('production.contracts.terminated', { date: day(done.terminatedOn) }));
      await queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('production.contracts.terminateTitle', { object: contract.object })}
      help={
        contract.noticeDeadline
          ? t('production.contracts.terminateHelp', {
              deadline: day(contract.noticeDeadline),
              end: day(contract.periodEnd),
            })
          : undefined
      }
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        terminate.mutate();
      }}
      formTestId="contract-terminate-form"
      alert={terminate.error ? errorMessage(terminate.error, t) : null}
      pending={terminate.isPending}
      submitLabel={t('production.contracts.terminate')}
      submitTestId="contract-terminate-submit"
    >
      <TextInput
        type="date"
        label={t('production.contracts.fields.sentOn')}
        required
        value={sentOn}
        onChange={(e) => setSentOn(e.currentTarget.value)}
      />
      <Textarea
        mt="sm"
        label={t('production.contracts.fields.reason')}
        required
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-testid="contract-terminate-reason"
      />
      {contract.consumerProtection && contract.tacitRenewal ? (
        <Checkbox
          mt="sm"
          label={t('production.contracts.fields.providerDidNotInform')}
          checked={uninformed}
          onChange={(e) => setUninformed(e.currentTarget.checked)}
        />
      ) : null}
    </FormModal>
  );
}

export function ContractsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const writable = useOrgRole(orgId).can('production.write');
  const query = useQuery(contractListQuery(orgId, search));
  const [creating, setCreating] = useState(false);
  const [terminating, setTerminating] = useState<ContractDto | null>(null);
  const [editing, setEditing] = useState<ContractDto | null>(null);
  const setSearch = (patch: Partial<ContractSearch>) =>
    void navigate({ search: (s: ContractSearch) => ({ ...s, ...patch }), replace: true });
  return (
    <>
      <PageHeader
        title={t('production.contracts.title')}
        served={WORKPLACE_CONTRACTS_SERVE}
        actions={
          writable ? (
            <Button onClick={() => setCreating(true)} data-testid="contract-new">
              {t('production.contracts.new')}
            </Button>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="sm">
        <NativeSelect
          label={t('production.contracts.fields.kind')}
          value={search.kind ?? ''}
          onChange={(e) =>
            setSearch({ kind: (e.currentTarget.value || undefined) as ContractKind | undefined })
          }
          data={[
            { value: '', label: t('production.contracts.allKinds') },
            ...contractKinds.map((k) => ({ value: k, label: t(`production.contracts.kinds.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('production.contracts.fields.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            setSearch({ status: (e.currentTarget.value || undefined) as ContractStatus | undefined })
          }
          data={[
            { value: '', label: t('production.contracts.allStatuses') },
            ...contractStatuses.map((s) => ({ value: s, label: t(`production.contracts.statuses.${s}`) })),
          ]}
        />
      </SimpleGrid>
      <Text size="sm" mb="xs" aria-live="polite">
        {query.isPending
          ? t('common.loading')
          : t('production.contracts.total', { count: query.data?.items.length ?? 0 })}
      </Text>
      <ListTable
        query={query}
        minWidth={900}
        testId="contract-table"
        caption={t('production.contracts.caption')}
        headers={
          <>
            <Table.Th>{t('production.contracts.fields.provider')}</Table.Th>
            <Table.Th>{t('production.contracts.fields.object')}</Table.Th>
            <Table.Th>{t('production.contracts.fields.period')}</Table.Th>
            <Table.Th>{t('production.contracts.fields.noticeDeadline')}</Table.Th>
            <Table.Th ta="right">{t('production.contracts.fields.amount')}</Table.Th>
            <Table.Th>{t('production.contracts.fields.status')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </>
        }
        columns={7}
        emptyText={t('production.contracts.empty')}
        row={(c) => (
          <Table.Tr key={c.id} data-testid="contract-row">
            <Table.Td fw={600}>{c.providerName}</Table.Td>
            <Table.Td>
              <Text size="sm">{c.object}</Text>
              <Text size="xs" c="dimmed">
                {t(`production.contracts.kinds.${c.kind}`)}
                {c.reference ? ` · ${c.reference}` : ''}
                {c.seats ? ` · ${t('production.contracts.seatsCount', { count: c.seats })}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              {t('production.contracts.fromTo', { from: day(c.periodStart), to: day(c.periodEnd) })}
              {c.tacitRenewal && c.status !== 'terminated' ? (
                <Text size="xs" c="dimmed">
                  {t('production.contracts.tacit')}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td data-testid="contract-deadline">
              {c.noticeDeadline ? day(c.noticeDeadline) : '—'}
              {c.providerNoticeFrom ? (
                <Text size="xs" c="dimmed">
                  {t('production.contracts.providerNotice', {
                    from: day(c.providerNoticeFrom),
                    to: day(c.providerNoticeTo),
                  })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">
              {`${money(c.amount)} HT ${t(`production.contracts.periodicities.${c.periodicity}`)}`}
              {c.yearlyNet ? (
                <Text size="xs" c="dimmed">
                  {t('production.contracts.perYear', { amount: money(c.yearlyNet) })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Badge
                size="sm"
                variant="light"
                color={CONTRACT_STATUS_COLORS[c.status]}
                miw="max-content"
                data-testid="contract-status"
              >
                {t(`production.contracts.statuses.${c.status}`)}
              </Badge>
              {c.terminatedOn ? (
                <Text size="xs" c="dimmed">
                  {t('production.contracts.endsOn', { date: day(c.terminatedOn) })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {writable && c.status !== 'terminated' ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(c)}
                    aria-label={t('production.contracts.editFor', { object: c.object })}
                    data-testid="contract-edit"
                  >
                    {t('production.contracts.edit')}
                  </Button>
                ) : null}
                {writable && c.status !== 'terminated' && c.status !== 'expired' ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setTerminating(c)}
                    aria-label={t('production.contracts.terminateFor', { object: c.object })}
                    data-testid="contract-terminate"
                  >
                    {t('production.contracts.terminate')}
                  </Button>
                ) : null}
                {c.status === 'terminated' ? (
                  <ExportButtons
                    formats={['pdf']}
                    size="xs"
                    align="start"
                    labelOf={() => t('production.contracts.letter')}
                    fetchFile={() => downloadTerminationLetter(orgId, c.id)}
                    fallbackName={() => 'lettre-de-resiliation.pdf'}
                    testIdPrefix="contract-letter"
                  />
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {creating ? <NewContractModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
      {editing ? (
        <NewContractModal orgId={orgId} contract={editing} onClose={() => setEditing(null)} />
      ) : null}
      {terminating ? (
        <TerminateModal orgId={orgId} contract={terminating} onClose={() => setTerminating(null)} />
      ) : null}
    </>
  );
}
