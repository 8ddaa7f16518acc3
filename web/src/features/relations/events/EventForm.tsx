import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../../../src/kernel/money/index.ts';
import type { EventDto } from '../../../../../src/relations/events/contract.ts';
import { applyServerErrors } from '../../../ui/server-errors.ts';
import { centsToEuros, EVENT_KINDS, type EventBody, type EventKind, eurosToCents } from './events-api.ts';

type Values = {
  kind: EventKind;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  capacity: string;
  description: string;
  costs: { label: string; amount: string }[];
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function toValues(event: EventDto | null): Values {
  return {
    kind: event?.kind ?? 'open_day',
    title: event?.title ?? '',
    date: event?.date ?? '',
    startTime: event?.startTime ?? '',
    endTime: event?.endTime ?? '',
    place: event?.place ?? '',
    capacity: event?.capacity ? String(event.capacity) : '',
    description: event?.description ?? '',
    costs: (event?.costs ?? []).map((c) => ({ label: c.label, amount: centsToEuros(c.amount) })),
  };
}

function toBody(v: Values): EventBody {
  return {
    kind: v.kind,
    title: v.title.trim(),
    date: v.date,
    startTime: v.startTime || null,
    endTime: v.endTime || null,
    place: v.place.trim() || null,
    capacity: v.capacity ? Number(v.capacity) : null,
    description: v.description.trim() || null,
    costs: v.costs.map((c) => ({ label: c.label.trim(), amount: eurosToCents(c.amount) ?? 0 })),
  };
}

/** The event's own fields and its cost lines; guests are managed beside it on the detail page. */
export function EventForm({
  event,
  onSave,
  submitting,
  readOnly,
}: {
  event: EventDto | null;
  onSave: (body: EventBody, setErrors: (error: unknown) => void) => void;
  submitting: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: toValues(event),
    validate: {
      title: (v) => (v.trim() ? null : t('events.errors.title')),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('events.errors.date')),
      startTime: (v) => (!v || TIME.test(v) ? null : t('events.errors.time')),
      endTime: (v) => (!v || TIME.test(v) ? null : t('events.errors.time')),
      costs: { amount: (v) => (eurosToCents(v) === null ? t('events.errors.amount') : null) },
    },
  });
  const total = form.values.costs.reduce((sum, c) => sum + (eurosToCents(c.amount) ?? 0), 0);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => onSave(toBody(values), (error) => applyServerErrors(form, error)))}
      data-testid="event-form"
    >
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={900}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('events.fields.kind')}
                data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
                data-testid="event-kind"
                {...form.getInputProps('kind')}
              />
              <TextInput
                label={t('events.fields.title')}
                required
                data-testid="event-title"
                {...form.getInputProps('title')}
              />
              <TextInput
                label={t('events.fields.date')}
                type="date"
                required
                data-testid="event-date"
                {...form.getInputProps('date')}
              />
              <TextInput
                label={t('events.fields.place')}
                data-testid="event-place"
                {...form.getInputProps('place')}
              />
              <TextInput
                label={t('events.fields.startTime')}
                placeholder="09:00"
                data-testid="event-start"
                {...form.getInputProps('startTime')}
              />
              <TextInput
                label={t('events.fields.endTime')}
                placeholder="17:00"
                data-testid="event-end"
                {...form.getInputProps('endTime')}
              />
              <TextInput
                label={t('events.fields.capacity')}
                inputMode="numeric"
                data-testid="event-capacity"
                {...form.getInputProps('capacity')}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('events.fields.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('events.fields.costs')}
            </Title>
            <Stack gap="xs">
              {form.values.costs.map((cost, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cost lines have no id until saved
                <Group key={index} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('events.fields.costLabel')}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`costs.${index}.label`)}
                  />
                  <TextInput
                    label={t('events.fields.costAmount')}
                    inputMode="decimal"
                    w={140}
                    {...form.getInputProps(`costs.${index}.amount`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={`${t('events.removeCost')} ${cost.label}`}
                    onClick={() => form.removeListItem('costs', index)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button
                  variant="default"
                  size="compact-sm"
                  onClick={() => form.insertListItem('costs', { label: '', amount: '' })}
                >
                  {t('events.addCost')}
                </Button>
                <Text fw={600} data-testid="event-total-cost">
                  {t('events.fields.totalCost')} : {formatAmount(total)}
                </Text>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </fieldset>
      {readOnly ? null : (
        <Group justify="flex-end" mt="lg" maw={900}>
          <Button type="submit" loading={submitting} data-testid="event-save">
            {t('common.save')}
          </Button>
        </Group>
      )}
    </form>
  );
}
