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
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addressKinds } from '../../../../src/kernel/parties/contract.ts';
import { emptyAddress, emptyContact, type PartyFormValues } from './party-form-values.ts';

type Form = UseFormReturnType<PartyFormValues>;

/** Moves focus to the first input of a row just added, so the keyboard user keeps going. */
function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * A titled list of rows the user adds and removes (contacts, addresses): each row a numbered fieldset of inputs, the
 * « add » button beside the title and the « remove » button under each row, both gone when the form is read only.
 */
function RowsFieldset<K extends 'contacts' | 'addresses'>({
  form,
  readOnly,
  list,
  labels,
  addTestId,
  rowTestId,
  onAdd,
  renderRow,
}: {
  form: Form;
  readOnly?: boolean;
  list: K;
  labels: {
    title: string;
    add: string;
    none: string;
    rowN: (n: number) => string;
    removeN: (n: number) => string;
  };
  addTestId: string;
  rowTestId: string;
  onAdd: () => void;
  renderRow: (index: number) => ReactNode;
}) {
  const rows: PartyFormValues[K] = form.getValues()[list];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {labels.title}
        </Title>
        {readOnly ? null : (
          <Button variant="light" color="blue" size="xs" onClick={onAdd} data-testid={addTestId}>
            {labels.add}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {labels.none}
        </Text>
      ) : null}
      <Stack gap="sm">
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Fieldset key={row.key} legend={labels.rowN(n)} data-testid={rowTestId}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {renderRow(index)}
              </SimpleGrid>
              {readOnly ? null : (
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem(list, index)}
                  >
                    {labels.removeN(n)}
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

export function ContactsFieldset({ form, readOnly }: { form: Form; readOnly?: boolean }) {
  const { t } = useTranslation();
  const add = () => {
    const index = form.getValues().contacts.length;
    form.insertListItem('contacts', emptyContact());
    focusLater(`contact-${index}-name`);
  };
  return (
    <RowsFieldset
      form={form}
      readOnly={readOnly}
      list="contacts"
      labels={{
        title: t('parties.form.contacts'),
        add: t('parties.form.addContact'),
        none: t('parties.form.noContact'),
        rowN: (n) => t('parties.form.contactN', { n }),
        removeN: (n) => t('parties.form.removeContact', { n }),
      }}
      addTestId="add-contact"
      rowTestId="contact-row"
      onAdd={add}
      renderRow={(index) => (
        <>
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
        </>
      )}
    />
  );
}

export function AddressesFieldset({ form, readOnly }: { form: Form; readOnly?: boolean }) {
  const { t } = useTranslation();
  const add = () => {
    const index = form.getValues().addresses.length;
    form.insertListItem('addresses', emptyAddress());
    focusLater(`address-${index}-kind`);
  };
  const kindOptions = addressKinds.map((kind) => ({ value: kind, label: t(`addressKinds.${kind}`) }));
  return (
    <RowsFieldset
      form={form}
      readOnly={readOnly}
      list="addresses"
      labels={{
        title: t('parties.form.addresses'),
        add: t('parties.form.addAddress'),
        none: t('parties.form.noAddress'),
        rowN: (n) => t('parties.form.addressN', { n }),
        removeN: (n) => t('parties.form.removeAddress', { n }),
      }}
      addTestId="add-address"
      rowTestId="address-row"
      onAdd={add}
      renderRow={(index) => (
        <>
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
          <TextInput label={t('parties.fields.line2')} {...form.getInputProps(`addresses.${index}.line2`)} />
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
        </>
      )}
    />
  );
}
