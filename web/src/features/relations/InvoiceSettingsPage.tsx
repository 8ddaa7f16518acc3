import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlain, parseAmount } from '../../../../src/kernel/money/index.ts';
import type { InvoiceSettingsDto } from '../../../../src/relations/invoice-settings/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { frenchDecimal, readDecimal } from './invoice-form-model.ts';
import {
  type InvoiceSettingsBody,
  invoiceSettingsQuery,
  relationsKeys,
  saveInvoiceSettings,
} from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/settings');

type SettingsValues = {
  paymentTermsDays: string;
  latePenaltyRate: string;
  earlyPaymentDiscount: string;
  vatOnDebits: boolean;
  shareCapital: string;
  rcsCity: string;
  iban: string;
  bic: string;
  footer: string;
};

const toValues = (s: InvoiceSettingsDto): SettingsValues => ({
  paymentTermsDays: String(s.paymentTermsDays),
  latePenaltyRate: s.latePenaltyRate ? frenchDecimal(s.latePenaltyRate) : '',
  earlyPaymentDiscount: s.earlyPaymentDiscount ?? '',
  vatOnDebits: s.vatOnDebits,
  shareCapital: s.shareCapital === null ? '' : frenchDecimal(formatPlain(s.shareCapital), 2),
  rcsCity: s.rcsCity ?? '',
  iban: s.iban ?? '',
  bic: s.bic ?? '',
  footer: s.footer ?? '',
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const capital = (text: string): number | null | 'invalid' => {
  const cleaned = text.replace(/[\s\u00A0\u202F€]/g, '');
  if (cleaned === '') return null;
  try {
    return parseAmount(cleaned);
  } catch {
    return 'invalid';
  }
};

function toBody(v: SettingsValues): InvoiceSettingsBody {
  const share = capital(v.shareCapital);
  return {
    paymentTermsDays: Number(v.paymentTermsDays),
    latePenaltyRate: orNull(v.latePenaltyRate.replace(/\s/g, '')),
    earlyPaymentDiscount: orNull(v.earlyPaymentDiscount),
    vatOnDebits: v.vatOnDebits,
    shareCapital: share === 'invalid' ? null : share,
    rcsCity: orNull(v.rcsCity),
    iban: orNull(v.iban),
    bic: orNull(v.bic),
    footer: orNull(v.footer),
  };
}

function SettingsForm({
  orgId,
  settings,
  readOnly,
}: {
  orgId: string;
  settings: InvoiceSettingsDto;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues: toValues(settings),
    validate: {
      paymentTermsDays: (v) =>
        /^\d{1,2}$/.test(v.trim()) && Number(v) <= 60 ? null : t('relations.settings.errors.paymentTerms'),
      latePenaltyRate: (v) =>
        v.trim() === '' || readDecimal(v, 2) !== null ? null : t('relations.settings.errors.rate'),
      shareCapital: (v) => (capital(v) === 'invalid' ? t('relations.errors.price') : null),
    },
  });
  const submit = form.onSubmit(
    async (values) => {
      setAlert([]);
      setSubmitting(true);
      try {
        const saved = await saveInvoiceSettings(orgId, toBody(values));
        queryClient.setQueryData(relationsKeys.settings(orgId), saved);
        notify('success', t('relations.settings.saved'));
      } catch (error) {
        setAlert([errorMessage(error, t), ...applyServerErrors(form, error)]);
        requestAnimationFrame(() =>
          formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        );
      } finally {
        setSubmitting(false);
      }
    },
    () => setAlert([t('form.fixErrors')]),
  );
  return (
    <form ref={formRef} noValidate onSubmit={submit} data-testid="invoice-settings-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={900}>
          {alert.length > 0 ? (
            <Alert color="red" role="alert" data-testid="form-alert">
              {alert.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          ) : null}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('relations.settings.payment')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('relations.settings.fields.paymentTermsDays')}
                description={t('relations.settings.hints.paymentTermsDays')}
                inputMode="numeric"
                data-testid="settings-payment-terms"
                {...form.getInputProps('paymentTermsDays')}
              />
              <TextInput
                label={t('relations.settings.fields.latePenaltyRate')}
                description={t('relations.settings.hints.latePenaltyRate')}
                inputMode="decimal"
                data-testid="settings-late-penalty"
                {...form.getInputProps('latePenaltyRate')}
              />
              <TextInput
                label={t('relations.settings.fields.earlyPaymentDiscount')}
                {...form.getInputProps('earlyPaymentDiscount')}
              />
              <Checkbox
                mt="lg"
                label={t('relations.settings.fields.vatOnDebits')}
                data-testid="settings-vat-on-debits"
                {...form.getInputProps('vatOnDebits', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('relations.settings.company')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('relations.settings.fields.shareCapital')}
                inputMode="decimal"
                {...form.getInputProps('shareCapital')}
              />
              <TextInput label={t('relations.settings.fields.rcsCity')} {...form.getInputProps('rcsCity')} />
              <TextInput
                label={t('parties.fields.iban')}
                autoComplete="off"
                data-testid="settings-iban"
                {...form.getInputProps('iban')}
              />
              <TextInput label={t('parties.fields.bic')} autoComplete="off" {...form.getInputProps('bic')} />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('relations.settings.fields.footer')}
              autosize
              minRows={2}
              {...form.getInputProps('footer')}
            />
          </Paper>
        </Stack>
      </fieldset>
      {readOnly ? null : (
        <Group justify="flex-end" mt="lg" maw={900}>
          <Button type="submit" loading={submitting} data-testid="settings-submit">
            {t('common.save')}
          </Button>
        </Group>
      )}
    </form>
  );
}

export function InvoiceSettingsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(invoiceSettingsQuery(orgId));
  return (
    <>
      <PageHeader title={t('relations.settings.title')} served={INVOICING_SERVE} />
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <SettingsForm orgId={orgId} settings={query.data} readOnly={!can('sales.write')} />
      )}
    </>
  );
}
