import { Checkbox, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractTypes } from '../../../../../src/personnel/employees/contract.ts';
import { channels, type OpeningDto } from '../../../../../src/personnel/recruitment/contract.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { newIdempotencyKey } from '../../parties/party-api.ts';
import { centsToInput } from '../../relations/receipt-form-model.ts';
import { hundredthsToInput } from '../employee-form-model.ts';
import {
  careersKeys,
  createOpening,
  type OpeningBody,
  parseEurosText,
  parseHours,
  updateOpening,
} from './careers-api.ts';

/** Creating a draft, or correcting an opening (a published one is checked again for forbidden wording). */
export function OpeningModal({
  orgId,
  opening,
  onClose,
}: {
  orgId: string;
  opening?: OpeningDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [v, setV] = useState({
    title: opening?.title ?? '',
    service: opening?.service ?? '',
    contractType: (opening?.contractType ?? 'cdi') as OpeningBody['contractType'],
    hours: opening ? hundredthsToInput(opening.weeklyHours) : '35',
    salaryMin: opening?.salaryMin != null ? centsToInput(opening.salaryMin) : '',
    salaryMax: opening?.salaryMax != null ? centsToInput(opening.salaryMax) : '',
    place: opening?.place ?? '',
    description: opening?.description ?? '',
    channels: (opening?.channels ?? ['france_travail']) as string[],
    closesOn: opening?.closesOn ?? '',
  });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const create = useMutation({
    mutationFn: () => {
      const hours = parseHours(v.hours);
      if (hours === null) throw new Error(t('personnel.recruitment.errors.hours'));
      const body: OpeningBody = {
        title: v.title,
        service: v.service || null,
        contractType: v.contractType,
        weeklyHours: hours,
        salaryMin: parseEurosText(v.salaryMin),
        salaryMax: parseEurosText(v.salaryMax),
        place: v.place || null,
        description: v.description,
        channels: v.channels,
        opensOn: opening?.opensOn ?? null,
        closesOn: v.closesOn || null,
      };
      return opening ? updateOpening(orgId, opening.id, body) : createOpening(orgId, body, key);
    },
    onSuccess: async (saved) => {
      notify('success', t(opening ? 'personnel.recruitment.updated' : 'personnel.recruitment.created'));
      if (opening) {
        await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
        onClose();
        return;
      }
      void navigate({
        to: '/orgs/$orgId/personnel/recruitment/$openingId',
        params: { orgId, openingId: saved.id },
      });
    },
  });
  return (
    <FormModal
      title={t(opening ? 'personnel.recruitment.edit' : 'personnel.recruitment.new')}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        create.mutate();
      }}
      formTestId="opening-form"
      help={t('personnel.recruitment.help')}
      alert={create.error ? errorMessage(create.error, t) : null}
      pending={create.isPending}
      submitLabel={t(opening ? 'common.save' : 'personnel.recruitment.saveDraft')}
      submitTestId="opening-submit"
    >
      <TextInput
        label={t('personnel.recruitment.fields.title')}
        required
        autoFocus
        value={v.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        data-testid="opening-title"
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('personnel.recruitment.fields.service')}
          value={v.service}
          onChange={(e) => set({ service: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('personnel.recruitment.fields.contractType')}
          value={v.contractType}
          onChange={(e) => set({ contractType: e.currentTarget.value as OpeningBody['contractType'] })}
          data={contractTypes.map((c) => ({ value: c, label: t(`personnel.recruitment.contracts.${c}`) }))}
        />
        <TextInput
          label={t('personnel.recruitment.fields.hours')}
          value={v.hours}
          onChange={(e) => set({ hours: e.currentTarget.value })}
        />
        <TextInput
          label={t('personnel.recruitment.fields.place')}
          value={v.place}
          onChange={(e) => set({ place: e.currentTarget.value })}
        />
        <TextInput
          label={t('personnel.recruitment.fields.salaryMin')}
          value={v.salaryMin}
          onChange={(e) => set({ salaryMin: e.currentTarget.value })}
        />
        <TextInput
          label={t('personnel.recruitment.fields.salaryMax')}
          value={v.salaryMax}
          onChange={(e) => set({ salaryMax: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Textarea
        label={t('personnel.recruitment.fields.description')}
        autosize
        minRows={4}
        value={v.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        data-testid="opening-description"
      />
      <Checkbox.Group
        label={t('personnel.recruitment.fields.channels')}
        value={v.channels}
        onChange={(value) => set({ channels: value })}
      >
        <Group gap="sm" mt={4}>
          {channels.map((c) => (
            <Checkbox key={c} value={c} label={t(`personnel.recruitment.channels.${c}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        type="date"
        label={t('personnel.recruitment.fields.closesOn')}
        value={v.closesOn}
        onChange={(e) => set({ closesOn: e.currentTarget.value })}
      />
    </FormModal>
  );
}
