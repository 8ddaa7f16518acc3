import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PartyDto,
  type PartyInput,
  partyInput,
  partyKinds,
  partyRoles,
} from '../../../../src/kernel/parties/contract.ts';
import { errorMessage } from '../../ui/errors.ts';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { AddressesFieldset, ContactsFieldset } from './PartyFormLists.tsx';
import { type PartyFormValues, toFormValues, toPartyInput } from './party-form-values.ts';

export type PartyFormProps = {
  party?: PartyDto;
  /** Sends the input; a rejection's field errors go next to the inputs, the rest in the alert. */
  onSubmit: (input: PartyInput) => Promise<unknown>;
  cancel: ReactNode;
  readOnly?: boolean;
};

function focusFirstInvalid(form: HTMLFormElement | null) {
  // After React has painted the messages.
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Create and edit a party (same form): the contract's schema validates it before the server does. */
export function PartyForm({ party, onSubmit, cancel, readOnly }: PartyFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<PartyFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(party),
    validate: schemaResolver(partyInput, { sync: true }),
  });

  const handleSubmit = form.onSubmit(
    async (values) => {
      setAlert([]);
      setSubmitting(true);
      try {
        await onSubmit(toPartyInput(values));
      } catch (error) {
        const elsewhere = applyServerErrors(form, error);
        setAlert([errorMessage(error, t), ...elsewhere]);
        focusFirstInvalid(formRef.current);
      } finally {
        setSubmitting(false);
      }
    },
    () => {
      setAlert([t('form.fixErrors')]);
      focusFirstInvalid(formRef.current);
    },
  );

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} data-testid="party-form">
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
              {t('parties.form.identity')}
            </Title>
            <Stack gap="sm">
              <Radio.Group
                label={t('parties.fields.kind')}
                className="agora-required"
                {...form.getInputProps('kind')}
              >
                <Group gap="lg" mt={4}>
                  {partyKinds.map((kind) => (
                    <Radio key={kind} value={kind} label={t(`partyKinds.${kind}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <TextInput
                label={t('parties.fields.name')}
                required
                maxLength={200}
                data-testid="party-name"
                {...form.getInputProps('name')}
              />
              <Checkbox.Group
                label={t('parties.fields.roles')}
                className="agora-required"
                {...form.getInputProps('roles')}
              >
                <Group gap="md" mt={4}>
                  {partyRoles.map((role) => (
                    <Checkbox key={role} value={role} label={t(`partyRoles.${role}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('parties.fields.legalForm')} {...form.getInputProps('legalForm')} />
                <TextInput
                  label={t('parties.fields.vatNumber')}
                  autoComplete="off"
                  {...form.getInputProps('vatNumber')}
                />
                <TextInput
                  label={t('parties.fields.siren')}
                  description={t('parties.hints.siren')}
                  inputMode="numeric"
                  autoComplete="off"
                  {...form.getInputProps('siren')}
                />
                <TextInput
                  label={t('parties.fields.siret')}
                  description={t('parties.hints.siret')}
                  inputMode="numeric"
                  autoComplete="off"
                  {...form.getInputProps('siret')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('parties.form.contactDetails')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('parties.fields.email')}
                type="email"
                autoComplete="off"
                {...form.getInputProps('email')}
              />
              <TextInput
                label={t('parties.fields.phone')}
                type="tel"
                autoComplete="off"
                {...form.getInputProps('phone')}
              />
              <TextInput
                label={t('parties.fields.website')}
                autoComplete="off"
                {...form.getInputProps('website')}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('parties.form.bank')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('parties.fields.iban')}
                autoComplete="off"
                {...form.getInputProps('iban')}
              />
              <TextInput label={t('parties.fields.bic')} autoComplete="off" {...form.getInputProps('bic')} />
            </SimpleGrid>
          </Paper>

          <ContactsFieldset form={form} readOnly={readOnly} />
          <AddressesFieldset form={form} readOnly={readOnly} />

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('parties.form.notes')}
            </Title>
            <Textarea
              label={t('parties.fields.notes')}
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps('notes')}
            />
          </Paper>
        </Stack>
      </fieldset>
      <Group justify="flex-end" mt="lg" gap="sm">
        {cancel}
        {readOnly ? null : (
          <Button type="submit" loading={submitting} data-testid="party-submit">
            {t('common.save')}
          </Button>
        )}
      </Group>
    </form>
  );
}
