import { NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FormalityCategory,
  type FormalityDto,
  type FormalityPeriodicity,
  formalityCategories,
  formalityPeriodicities,
} from '../../../../../src/production/formalities/contract.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { day } from '../../relations/format.ts';
import { todayLocal } from '../workplace/resources-api.ts';
import { completeFormality, createFormality, formalityKeys } from './formalities-api.ts';

// The dialogs of the formalities page: add a formality, complete its next occurrence.

function useDone(orgId: string, onClose: () => void) {
  const queryClient = useQueryClient();
  return async (message: string) => {
    notify('success', message);
    await queryClient.invalidateQueries({ queryKey: formalityKeys.all(orgId) });
    onClose();
  };
}

export function NewFormalityModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useDone(orgId, onClose);
  const [f, setF] = useState({
    title: '',
    partnerName: '',
    category: 'social' as FormalityCategory,
    periodicity: 'yearly' as FormalityPeriodicity,
    dueOn: '',
    responsible: '',
    reminderDays: 15 as number | string,
    notes: '',
  });
  const save = useMutation({
    mutationFn: () =>
      createFormality(orgId, {
        title: f.title.trim(),
        partnerName: f.partnerName.trim() || null,
        category: f.category,
        periodicity: f.periodicity,
        dueOn: f.dueOn,
        responsible: f.responsible.trim() || null,
        reminderDays: Number(f.reminderDays) || 0,
        notes: f.notes.trim() || null,
      }),
    onSuccess: () => done(t('production.formalities.created')),
  });
  return (
    <FormModal
      title={t('production.formalities.new')}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="formality-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="formality-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('production.formalities.fields.title')}
          required
          maxLength={200}
          autoFocus
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
        />
        <TextInput
          label={t('production.formalities.fields.partner')}
          description={t('production.formalities.partnerHelp')}
          required
          maxLength={200}
          value={f.partnerName}
          onChange={(e) => setF({ ...f, partnerName: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('production.formalities.fields.category')}
          value={f.category}
          onChange={(e) => setF({ ...f, category: e.currentTarget.value as FormalityCategory })}
          data={formalityCategories.map((c) => ({
            value: c,
            label: t(`production.formalities.categories.${c}`),
          }))}
        />
        <NativeSelect
          label={t('production.formalities.fields.periodicity')}
          value={f.periodicity}
          onChange={(e) => setF({ ...f, periodicity: e.currentTarget.value as FormalityPeriodicity })}
          data={formalityPeriodicities.map((p) => ({
            value: p,
            label: t(`production.formalities.periodicities.${p}`),
          }))}
        />
        <TextInput
          type="date"
          label={t('production.formalities.fields.dueOn')}
          required
          value={f.dueOn}
          onChange={(e) => setF({ ...f, dueOn: e.currentTarget.value })}
        />
        <NumberInput
          label={t('production.formalities.fields.reminderDays')}
          min={0}
          max={365}
          allowDecimal={false}
          value={f.reminderDays}
          onChange={(v) => setF({ ...f, reminderDays: v })}
        />
        <TextInput
          label={t('production.formalities.fields.responsible')}
          maxLength={120}
          value={f.responsible}
          onChange={(e) => setF({ ...f, responsible: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('production.formalities.fields.notes')}
        maxLength={2000}
        value={f.notes}
        onChange={(e) => setF({ ...f, notes: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function CompleteFormalityModal({
  orgId,
  formality,
  onClose,
}: {
  orgId: string;
  formality: FormalityDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const done = useDone(orgId, onClose);
  const [doneOn, setDoneOn] = useState(todayLocal());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      completeFormality(orgId, formality.id, {
        doneOn,
        reference: reference.trim() || null,
        note: note.trim() || null,
      }),
    onSuccess: (after) =>
      done(
        after.nextDueOn
          ? t('production.formalities.completedNext', { date: day(after.nextDueOn) })
          : t('production.formalities.completedDone'),
      ),
  });
  return (
    <FormModal
      title={t('production.formalities.completeTitle', { title: formality.title })}
      help={t('production.formalities.completeHelp', { date: day(formality.nextDueOn) })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="formality-complete-form"
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('production.formalities.complete')}
      submitTestId="formality-complete-submit"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('production.formalities.fields.doneOn')}
          required
          value={doneOn}
          onChange={(e) => setDoneOn(e.currentTarget.value)}
        />
        <TextInput
          label={t('production.formalities.fields.reference')}
          maxLength={120}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('production.formalities.fields.note')}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </FormModal>
  );
}
