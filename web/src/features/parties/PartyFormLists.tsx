import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { addressKinds } from '../../../../src/kernel/parties/contract.ts';
import { emptyAddress, emptyContact, type PartyFormValues } from './party-form-values.ts';

type Form = UseFormReturnType<PartyFormValues>;

/** Moves focus to the first input of a row just added, so the keyboard user keeps going. */
function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function ContactsFieldset({ form, readOnly }: { form: Form; readOnly?: boolean }) {
  const { t } = useTranslation();
  const contacts = form.getValues().contacts;
  const add = () => {
    form.insertListItem('contacts', emptyContact());
    focusLater(`contact-${contacts.length}-name`);
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('parties.form.contacts')}
        </Title>
        {readOnly ? null : (
          <Button variant="light" color="blue" size="xs" onClick={add} data-testid="add-contact">
            {t('parties.form.addContact')}
          </Button>
        )}
      </Group>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('parties.form.noContact')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {contacts.map((contact, index) => {
          const n = index + 1;
          return (
            <Fieldset key={contact.key} legend={t('parties.form.contactN', { n })} data-testid="contact-row">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  id={`contact-${index}-name`}
                  label={t('parties.fields.contactName')}
                  required
                  {...form.getInputProps(`contacts.${index}.name`)}
                />
                <TextInput
                  label={t('parties.fields.jobTitle')}
                  {...form.getInputProps(`contacts.${index}.jobTitle`)}
                />
                <TextInput
                  label={t('parties.fields.email')}
                  type="email"
                  autoComplete="off"
                  {...form.getInputProps(`contacts.${index}.email`)}
                />
                <TextInput
                  label={t('parties.fields.phone')}
                  type="tel"
                  autoComplete="off"
                  {...form.getInputProps(`contacts.${index}.phone`)}
                />
              </SimpleGrid>
              {readOnly ? null : (
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem('contacts', index)}
                  >
                    {t('parties.form.removeContact', { n })}
                  </Button>
                </Group>
              )}
            </Fieldset>
          );
        })}
      </Stack>
    </Paper>
  );
}

export function AddressesFieldset({ form, readOnly }: { form: Form; readOnly?: boolean }) {
  const { t } = useTranslation();
  const addresses = form.getValues().addresses;
  const add = () => {
    form.insertListItem('addresses', emptyAddress());
    focusLater(`address-${addresses.length}-kind`);
  };
  const kindOptions = addressKinds.map((kind) => ({ value: kind, label: t(`addressKinds.${kind}`) }));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('parties.form.addresses')}
        </Title>
        {readOnly ? null : (
          <Button variant="light" color="blue" size="xs" onClick={add} data-testid="add-address">
            {t('parties.form.addAddress')}
          </Button>
        )}
      </Group>
      {addresses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('parties.form.noAddress')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {addresses.map((address, index) => {
          const n = index + 1;
          return (
            <Fieldset key={address.key} legend={t('parties.form.addressN', { n })} data-testid="address-row">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  id={`address-${index}-kind`}
                  label={t('parties.fields.addressKind')}
                  data={kindOptions}
                  {...form.getInputProps(`addresses.${index}.kind`)}
                />
                <TextInput
                  label={t('parties.fields.line1')}
                  required
                  {...form.getInputProps(`addresses.${index}.line1`)}
                />
                <TextInput
                  label={t('parties.fields.line2')}
                  {...form.getInputProps(`addresses.${index}.line2`)}
                />
                <TextInput
                  label={t('parties.fields.postalCode')}
                  required
                  autoComplete="off"
                  {...form.getInputProps(`addresses.${index}.postalCode`)}
                />
                <TextInput
                  label={t('parties.fields.city')}
                  required
                  {...form.getInputProps(`addresses.${index}.city`)}
                />
                <TextInput
                  label={t('parties.fields.country')}
                  description={t('parties.hints.country')}
                  maxLength={2}
                  {...form.getInputProps(`addresses.${index}.country`)}
                />
              </SimpleGrid>
              {readOnly ? null : (
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem('addresses', index)}
                  >
                    {t('parties.form.removeAddress', { n })}
                  </Button>
                </Group>
              )}
            </Fieldset>
          );
        })}
      </Stack>
    </Paper>
  );
}
