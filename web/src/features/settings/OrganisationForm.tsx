import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type OrganisationDto,
  type OrganisationInput,
  organisationInput,
  organisationKinds,
  vatRegimes,
} from '../../../../src/kernel/organisations/contract.ts';
import { errorMessage } from '../../ui/errors.ts';
import { applyServerErrors } from '../../ui/server-errors.ts';

type OrganisationKind = (typeof organisationKinds)[number];
type VatRegime = (typeof vatRegimes)[number];

type Values = {
  name: string;
  legalForm: string;
  kind: OrganisationKind;
  siren: string;
  siret: string;
  vatNumber: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  email: string;
  phone: string;
  fiscalYearStart: string;
  vatRegime: VatRegime;
  timeZone: string;
};

function toValues(org?: OrganisationDto): Values {
  return {
    name: org?.name ?? '',
    legalForm: org?.legalForm ?? '',
    kind: org?.kind ?? 'company',
    siren: org?.siren ?? '',
    siret: org?.siret ?? '',
    vatNumber: org?.vatNumber ?? '',
    addressLine1: org?.addressLine1 ?? '',
    addressLine2: org?.addressLine2 ?? '',
    postalCode: org?.postalCode ?? '',
    city: org?.city ?? '',
    country: org?.country ?? 'FR',
    email: org?.email ?? '',
    phone: org?.phone ?? '',
    fiscalYearStart: org?.fiscalYearStart ?? '01-01',
    vatRegime: org?.vatRegime ?? 'normal_monthly',
    timeZone: org?.timeZone ?? 'Europe/Paris',
  };
}

// The zones a French organisation uses (metropolitan France and the overseas departments).
const TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
];

export function OrganisationForm({
  organisation,
  onSubmit,
  readOnly,
  cancel,
}: {
  organisation?: OrganisationDto;
  /** Sends the input; a rejection's field errors go next to the inputs, the rest in the alert. */
  onSubmit: (input: OrganisationInput) => Promise<unknown>;
  readOnly?: boolean;
  cancel?: ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: toValues(organisation),
    validate: schemaResolver(organisationInput, { sync: true }),
  });
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const timeZones = TIME_ZONES.includes(form.getValues().timeZone)
    ? TIME_ZONES
    : [form.getValues().timeZone, ...TIME_ZONES];

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="organisation-form"
      onSubmit={form.onSubmit(
        async (values) => {
          setAlert([]);
          setSubmitting(true);
          try {
            await onSubmit(organisationInput.parse(values));
          } catch (error) {
            setAlert([errorMessage(error, t), ...applyServerErrors(form, error)]);
            focusFirstInvalid();
          } finally {
            setSubmitting(false);
          }
        },
        () => {
          setAlert([t('form.fixErrors')]);
          focusFirstInvalid();
        },
      )}
    >
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {alert.length > 0 ? (
            <Alert color="red" role="alert" data-testid="form-alert">
              {alert.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          ) : null}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('organisation.form.identity')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('organisation.fields.name')} required {...form.getInputProps('name')} />
              <NativeSelect
                label={t('organisation.fields.kind')}
                required
                data={organisationKinds.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))}
                {...form.getInputProps('kind')}
              />
              <TextInput label={t('organisation.fields.legalForm')} {...form.getInputProps('legalForm')} />
              <TextInput
                label={t('organisation.fields.siren')}
                description={t('parties.hints.siren')}
                inputMode="numeric"
                {...form.getInputProps('siren')}
              />
              <TextInput
                label={t('organisation.fields.siret')}
                description={t('parties.hints.siret')}
                inputMode="numeric"
                {...form.getInputProps('siret')}
              />
              <TextInput label={t('organisation.fields.vatNumber')} {...form.getInputProps('vatNumber')} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('organisation.form.address')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('organisation.fields.addressLine1')}
                {...form.getInputProps('addressLine1')}
              />
              <TextInput
                label={t('organisation.fields.addressLine2')}
                {...form.getInputProps('addressLine2')}
              />
              <TextInput label={t('organisation.fields.postalCode')} {...form.getInputProps('postalCode')} />
              <TextInput label={t('organisation.fields.city')} {...form.getInputProps('city')} />
              <TextInput
                label={t('organisation.fields.country')}
                description={t('parties.hints.country')}
                maxLength={2}
                {...form.getInputProps('country')}
              />
              <TextInput
                label={t('organisation.fields.email')}
                type="email"
                {...form.getInputProps('email')}
              />
              <TextInput label={t('organisation.fields.phone')} type="tel" {...form.getInputProps('phone')} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('organisation.form.accounting')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('organisation.fields.fiscalYearStart')}
                description={t('organisation.hints.fiscalYearStart')}
                maxLength={5}
                {...form.getInputProps('fiscalYearStart')}
              />
              <NativeSelect
                label={t('organisation.fields.vatRegime')}
                required
                data={vatRegimes.map((r) => ({ value: r, label: t(`vatRegimes.${r}`) }))}
                {...form.getInputProps('vatRegime')}
              />
              <NativeSelect
                label={t('organisation.fields.timeZone')}
                data={timeZones}
                {...form.getInputProps('timeZone')}
              />
            </SimpleGrid>
          </Paper>
        </Stack>
      </fieldset>
      <Group justify="flex-end" mt="lg" gap="sm">
        {cancel}
        {readOnly ? null : (
          <Button type="submit" loading={submitting} data-testid="organisation-submit">
            {t('common.save')}
          </Button>
        )}
      </Group>
    </form>
  );
}
