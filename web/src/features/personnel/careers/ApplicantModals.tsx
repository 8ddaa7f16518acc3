import { Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { newIdempotencyKey } from '../../parties/party-api.ts';
import { addApplicant, addInterview, careersKeys } from './careers-api.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function NewApplicantModal({
  orgId,
  openingId,
  onClose,
}: {
  orgId: string;
  openingId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [v, setV] = useState({
    lastName: '',
    firstName: '',
    email: '',
    phone: '',
    source: '',
    cvReceivedOn: today(),
  });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const save = useMutation({
    mutationFn: () =>
      addApplicant(
        orgId,
        openingId,
        { ...v, email: v.email || null, phone: v.phone || null, source: v.source || null },
        key,
      ),
    onSuccess: async () => {
      notify('success', t('personnel.recruitment.applicantAdded'));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('personnel.recruitment.addApplicant')}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="applicant-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="applicant-submit"
    >
      <TextInput
        label={t('personnel.recruitment.fields.lastName')}
        required
        autoFocus
        value={v.lastName}
        onChange={(e) => set({ lastName: e.currentTarget.value })}
        data-testid="applicant-last-name"
      />
      <TextInput
        label={t('personnel.recruitment.fields.firstName')}
        required
        value={v.firstName}
        onChange={(e) => set({ firstName: e.currentTarget.value })}
        data-testid="applicant-first-name"
      />
      <TextInput
        type="email"
        label={t('personnel.recruitment.fields.email')}
        value={v.email}
        onChange={(e) => set({ email: e.currentTarget.value })}
      />
      <TextInput
        label={t('personnel.recruitment.fields.phone')}
        value={v.phone}
        onChange={(e) => set({ phone: e.currentTarget.value })}
      />
      <TextInput
        label={t('personnel.recruitment.fields.source')}
        value={v.source}
        onChange={(e) => set({ source: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('personnel.recruitment.fields.cvReceivedOn')}
        required
        value={v.cvReceivedOn}
        onChange={(e) => set({ cvReceivedOn: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function InterviewModal({
  orgId,
  applicantId,
  name,
  onClose,
}: {
  orgId: string;
  applicantId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ heldOn: today(), interviewers: '', notes: '' });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const save = useMutation({
    mutationFn: () => addInterview(orgId, applicantId, { ...v, notes: v.notes || null }),
    onSuccess: async () => {
      notify('success', t('personnel.recruitment.interviewAdded'));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('personnel.recruitment.interviewTitle', { name })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="interview-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="interview-submit"
    >
      <TextInput
        type="date"
        label={t('personnel.recruitment.fields.heldOn')}
        required
        autoFocus
        value={v.heldOn}
        onChange={(e) => set({ heldOn: e.currentTarget.value })}
      />
      <TextInput
        label={t('personnel.recruitment.fields.interviewers')}
        required
        value={v.interviewers}
        onChange={(e) => set({ interviewers: e.currentTarget.value })}
      />
      <Textarea
        label={t('personnel.recruitment.fields.notes')}
        value={v.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
    </FormModal>
  );
}
