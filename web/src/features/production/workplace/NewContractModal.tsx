import { Checkbox, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmount } from '../../../../../src/kernel/money/index.ts';
import {
  type ContractDto,
  type ContractKind,
  contractKinds,
  type NoticeUnit,
  type Periodicity,
  periodicities,
  VAT_RATES,
} from '../../../../../src/production/workplace/contracts/contract.ts';
import { isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { contractKeys, createContract, providersQuery, updateContract } from './contracts-api.ts';
import { todayLocal } from './resources-api.ts';

const whole = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

const cents = (amount: number) => `${Math.floor(amount / 100)},${String(amount % 100).padStart(2, '0')}`;

/** The contract form: provider, kind, term, renewal and notice, cost; a contract given is corrected. */
export function NewContractModal({
  orgId,
  contract,
  onClose,
}: {
  orgId: string;
  contract?: ContractDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = useQuery(providersQuery(orgId));
  const [f, setF] = useState(
    contract
      ? {
          providerId: contract.providerId,
          kind: contract.kind,
          object: contract.object,
          reference: contract.reference ?? '',
          startDate: contract.startDate,
          durationMonths: String(contract.durationMonths),
          tacitRenewal: contract.tacitRenewal,
          renewalMonths: contract.renewalMonths ? String(contract.renewalMonths) : '',
          noticeValue: String(contract.noticeValue),
          noticeUnit: contract.noticeUnit,
          consumerProtection: contract.consumerProtection,
          alertDays: String(contract.alertDays),
          amount: cents(contract.amount),
          periodicity: contract.periodicity,
          vatRate: String(contract.vatRate),
          seats: contract.seats ? String(contract.seats) : '',
          covered: contract.covered ?? '',
          notes: contract.notes ?? '',
        }
      : {
          providerId: '',
          kind: 'maintenance' as ContractKind,
          object: '',
          reference: '',
          startDate: todayLocal(),
          durationMonths: '12',
          tacitRenewal: true,
          renewalMonths: '',
          noticeValue: '3',
          noticeUnit: 'months' as NoticeUnit,
          consumerProtection: false,
          alertDays: '60',
          amount: '',
          periodicity: 'monthly' as Periodicity,
          vatRate: '2000',
          seats: '',
          covered: '',
          notes: '',
        },
  );
  const set = (patch: Partial<typeof f>) => setF((s) => ({ ...s, ...patch }));
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      let amount: number;
      try {
        amount = parseAmount(f.amount || '0');
      } catch {
        throw new Error(t('production.contracts.amountInvalid'));
      }
      const body = {
        providerId: f.providerId,
        kind: f.kind,
        object: f.object.trim(),
        reference: f.reference.trim() || null,
        startDate: f.startDate,
        durationMonths: whole(f.durationMonths),
        tacitRenewal: f.tacitRenewal,
        renewalMonths: f.tacitRenewal && f.renewalMonths ? whole(f.renewalMonths) : null,
        noticeValue: whole(f.noticeValue || '0'),
        noticeUnit: f.noticeUnit,
        consumerProtection: f.consumerProtection,
        alertDays: whole(f.alertDays || '0'),
        amount,
        periodicity: f.periodicity,
        vatRate: Number(f.vatRate),
        seats: f.seats ? whole(f.seats) : null,
        covered: f.covered.trim() || null,
        notes: f.notes.trim() || null,
      };
      return contract ? updateContract(orgId, contract.id, body) : createContract(orgId, body);
    },
    onSuccess: async () => {
      notify('success', t(contract ? 'production.contracts.updated' : 'production.contracts.created'));
      await queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      onClose();
    },
    onError: (e) => setLocalError(isApiError(e) ? null : (e as Error).message),
  });
  const alert = localError ?? (save.error ? errorMessage(save.error, t) : null);
  return (
    <FormModal
      title={
        contract
          ? t('production.contracts.editTitle', { object: contract.object })
          : t('production.contracts.new')
      }
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        setLocalError(null);
        save.mutate();
      }}
      formTestId="contract-form"
      alert={alert}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="contract-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('production.contracts.fields.provider')}
          required
          value={f.providerId}
          onChange={(e) => set({ providerId: e.currentTarget.value })}
          data={[
            { value: '', label: t('production.contracts.chooseProvider') },
            ...(providers.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          data-testid="contract-provider"
        />
        <NativeSelect
          label={t('production.contracts.fields.kind')}
          value={f.kind}
          onChange={(e) => set({ kind: e.currentTarget.value as ContractKind })}
          data={contractKinds.map((k) => ({ value: k, label: t(`production.contracts.kinds.${k}`) }))}
        />
        <TextInput
          label={t('production.contracts.fields.object')}
          required
          maxLength={200}
          value={f.object}
          onChange={(e) => set({ object: e.currentTarget.value })}
        />
        <TextInput
          label={t('production.contracts.fields.reference')}
          maxLength={80}
          value={f.reference}
          onChange={(e) => set({ reference: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('production.contracts.fields.startDate')}
          required
          value={f.startDate}
          onChange={(e) => set({ startDate: e.currentTarget.value })}
        />
        <TextInput
          type="number"
          min={1}
          label={t('production.contracts.fields.durationMonths')}
          required
          value={f.durationMonths}
          onChange={(e) => set({ durationMonths: e.currentTarget.value })}
        />
        <Checkbox
          label={t('production.contracts.fields.tacitRenewal')}
          checked={f.tacitRenewal}
          onChange={(e) => set({ tacitRenewal: e.currentTarget.checked })}
          mt="md"
        />
        <TextInput
          type="number"
          min={1}
          label={t('production.contracts.fields.renewalMonths')}
          placeholder={f.durationMonths}
          disabled={!f.tacitRenewal}
          value={f.renewalMonths}
          onChange={(e) => set({ renewalMonths: e.currentTarget.value })}
        />
        <TextInput
          type="number"
          min={0}
          label={t('production.contracts.fields.notice')}
          value={f.noticeValue}
          onChange={(e) => set({ noticeValue: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('production.contracts.fields.noticeUnit')}
          value={f.noticeUnit}
          onChange={(e) => set({ noticeUnit: e.currentTarget.value as NoticeUnit })}
          data={[
            { value: 'months', label: t('production.contracts.units.months') },
            { value: 'days', label: t('production.contracts.units.days') },
          ]}
        />
        <TextInput
          label={t('production.contracts.fields.amount')}
          required
          inputMode="decimal"
          value={f.amount}
          onChange={(e) => set({ amount: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('production.contracts.fields.periodicity')}
          value={f.periodicity}
          onChange={(e) => set({ periodicity: e.currentTarget.value as Periodicity })}
          data={periodicities.map((p) => ({ value: p, label: t(`production.contracts.periodicities.${p}`) }))}
        />
        <NativeSelect
          label={t('production.contracts.fields.vatRate')}
          value={f.vatRate}
          onChange={(e) => set({ vatRate: e.currentTarget.value })}
          data={VAT_RATES.map((r) => ({ value: String(r), label: `${String(r / 100).replace('.', ',')} %` }))}
        />
        <TextInput
          type="number"
          min={1}
          label={t('production.contracts.fields.seats')}
          disabled={f.kind !== 'licence' && f.kind !== 'subscription'}
          value={f.seats}
          onChange={(e) => set({ seats: e.currentTarget.value })}
        />
        <TextInput
          label={t('production.contracts.fields.covered')}
          maxLength={200}
          value={f.covered}
          onChange={(e) => set({ covered: e.currentTarget.value })}
        />
        <TextInput
          type="number"
          min={0}
          label={t('production.contracts.fields.alertDays')}
          value={f.alertDays}
          onChange={(e) => set({ alertDays: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        label={t('production.contracts.fields.consumerProtection')}
        description={t('production.contracts.consumerProtectionHelp')}
        checked={f.consumerProtection}
        onChange={(e) => set({ consumerProtection: e.currentTarget.checked })}
      />
      <Textarea
        mt="sm"
        label={t('production.contracts.fields.notes')}
        maxLength={2000}
        value={f.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
    </FormModal>
  );
}
