import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fundings } from '../../../../../src/personnel/professional-training/contract.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { newIdempotencyKey } from '../../parties/party-api.ts';
import { careersKeys, createAction, parseEurosText, parseHours, recordReview } from './careers-api.ts';

export function NewActionModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [v, setV] = useState({
    title: '',
    provider: '',
    startsOn: '',
    endsOn: '',
    hours: '',
    cost: '',
    funding: 'opco',
    notes: '',
  });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const hours = parseHours(v.hours);
      const cost = parseEurosText(v.cost || '0');
      if (hours === null) throw new Error(t('personnel.staffTraining.errors.hours'));
      if (cost === null) throw new Error(t('personnel.staffTraining.errors.cost'));
      return createAction(orgId, { ...v, hours, cost, notes: v.notes || null }, key);
    },
    onSuccess: async () => {
      notify('success', t('personnel.staffTraining.created'));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('personnel.staffTraining.new')}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="action-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="action-submit"
    >
      <TextInput
        label={t('personnel.staffTraining.fields.title')}
        required
        autoFocus
        value={v.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        data-testid="action-title"
      />
      <TextInput
        label={t('personnel.staffTraining.fields.provider')}
        required
        value={v.provider}
        onChange={(e) => set({ provider: e.currentTarget.value })}
        data-testid="action-provider"
      />
      <SimpleGrid cols={2}>
        <TextInput
          type="date"
          label={t('personnel.staffTraining.fields.startsOn')}
          required
          value={v.startsOn}
          onChange={(e) => set({ startsOn: e.currentTarget.value })}
          data-testid="action-starts"
        />
        <TextInput
          type="date"
          label={t('personnel.staffTraining.fields.endsOn')}
          required
          value={v.endsOn}
          onChange={(e) => set({ endsOn: e.currentTarget.value })}
          data-testid="action-ends"
        />
        <TextInput
          label={t('personnel.staffTraining.fields.hours')}
          required
          value={v.hours}
          onChange={(e) => set({ hours: e.currentTarget.value })}
          data-testid="action-hours"
        />
        <TextInput
          label={t('personnel.staffTraining.fields.cost')}
          value={v.cost}
          onChange={(e) => set({ cost: e.currentTarget.value })}
          data-testid="action-cost"
        />
      </SimpleGrid>
      <NativeSelect
        label={t('personnel.staffTraining.fields.funding')}
        value={v.funding}
        onChange={(e) => set({ funding: e.currentTarget.value })}
        data={fundings.map((f) => ({ value: f, label: t(`personnel.staffTraining.fundings.${f}`) }))}
      />
      <Textarea
        label={t('personnel.staffTraining.fields.notes')}
        value={v.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function ReviewModal({
  orgId,
  employeeId,
  name,
  onClose,
}: {
  orgId: string;
  employeeId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ kind: 'review', heldOn: new Date().toISOString().slice(0, 10), notes: '' });
  const save = useMutation({
    mutationFn: () => recordReview(orgId, { employeeId, ...v, notes: v.notes || null }),
    onSuccess: async () => {
      notify('success', t('personnel.staffTraining.reviewRecorded'));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('personnel.staffTraining.reviewTitle', { name })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="review-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="review-submit"
    >
      <NativeSelect
        label={t('personnel.staffTraining.fields.reviewKind')}
        value={v.kind}
        onChange={(e) => setV({ ...v, kind: e.currentTarget.value })}
        data={(['review', 'summary'] as const).map((k) => ({
          value: k,
          label: t(`personnel.staffTraining.reviewKinds.${k}`),
        }))}
      />
      <TextInput
        type="date"
        label={t('personnel.staffTraining.fields.heldOn')}
        required
        value={v.heldOn}
        onChange={(e) => setV({ ...v, heldOn: e.currentTarget.value })}
      />
      <Textarea
        label={t('personnel.staffTraining.fields.notes')}
        value={v.notes}
        onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
      />
    </FormModal>
  );
}
