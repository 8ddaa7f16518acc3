import { ActionIcon, Button, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDto } from '../../../../../src/personnel/onboarding/contract.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { notify } from '../../../ui/notify.ts';
import { saveTemplate, templateQuery } from './careers-api.ts';

type Item = TemplateDto['items'][number];
const KINDS = ['onboarding', 'offboarding'] as const;

/** The organisation's checklist templates: one line per task, its delay from the hire or departure date. */
export function TemplateModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('onboarding');
  const query = useQuery(templateQuery(orgId, kind));
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    if (query.data) setItems(query.data.items);
  }, [query.data]);
  const save = useMutation({
    mutationFn: () => saveTemplate(orgId, kind, items),
    onSuccess: () => {
      notify('success', t('personnel.checklists.templateSaved'));
      onClose();
    },
  });
  const patch = (i: number, change: Partial<Item>) =>
    setItems((old) => old.map((item, j) => (j === i ? { ...item, ...change } : item)));
  return (
    <FormModal
      title={t('personnel.checklists.templateTitle')}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      formTestId="template-form"
      help={t('personnel.checklists.templateHelp')}
      alert={save.error ? errorMessage(save.error, t) : null}
      pending={save.isPending}
      submitLabel={t('common.save')}
      submitTestId="template-submit"
    >
      <NativeSelect
        label={t('personnel.checklists.kind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
        data={KINDS.map((k) => ({ value: k, label: t(`personnel.checklists.kinds.${k}`) }))}
      />
      <Stack gap="xs">
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
          <Group key={i} gap={6} wrap="nowrap" align="flex-end">
            <TextInput
              flex={1}
              label={t('personnel.checklists.item')}
              value={item.label}
              onChange={(e) => patch(i, { label: e.currentTarget.value })}
            />
            <NumberInput
              w={70}
              label={t('personnel.checklists.months')}
              value={item.offsetMonths}
              min={0}
              max={36}
              onChange={(v) => patch(i, { offsetMonths: Number(v) || 0 })}
            />
            <NumberInput
              w={70}
              label={t('personnel.checklists.days')}
              value={item.offsetDays}
              min={-60}
              max={366}
              onChange={(v) => patch(i, { offsetDays: Number(v) || 0 })}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('personnel.checklists.removeItem', { label: item.label })}
              onClick={() => setItems((old) => old.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        variant="default"
        onClick={() =>
          setItems((old) => [...old, { label: '', offsetMonths: 0, offsetDays: 0, legalRef: null }])
        }
      >
        {t('personnel.checklists.addItem')}
      </Button>
    </FormModal>
  );
}
