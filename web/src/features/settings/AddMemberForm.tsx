import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEmail } from '../../../../src/kernel/identifiers/index.ts';
import { ROLES, type Role } from '../../../../src/kernel/roles/permissions.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { applyServerErrors } from '../../ui/server-errors.ts';
import { addMember } from './settings-api.ts';

const PASSWORD_MIN_LENGTH = 10;

type Values = { email: string; name: string; role: Role; password: string };

/** Gives someone access; an unknown address creates the account, which then needs a first password. */
export function AddMemberForm({ orgId, onAdded }: { orgId: string; onAdded: () => unknown }) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'assistant', password: '' },
    validate: {
      email: (v) => (isEmail(v.trim().toLowerCase()) ? null : t('members.errors.email')),
      name: (v) => (v.trim() ? null : t('members.errors.name')),
      password: (v) =>
        v === '' || v.length >= PASSWORD_MIN_LENGTH
          ? null
          : t('password.tooShort', { count: PASSWORD_MIN_LENGTH }),
    },
  });
  const add = useMutation({
    mutationFn: (values: Values) =>
      addMember(orgId, {
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        password: values.password || undefined,
      }),
    onSuccess: async (member) => {
      form.reset();
      setAlert(null);
      await onAdded();
      notify('success', t('members.added', { name: member.name }));
    },
    onError: (error) => {
      const elsewhere = applyServerErrors(form, error);
      setAlert([errorMessage(error, t), ...elsewhere].join(' '));
    },
  });

  return (
    <Paper withBorder p="md" maw={820}>
      <Title order={2} size="h4" mb="sm">
        {t('members.addTitle')}
      </Title>
      <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values))} data-testid="member-form">
        <Stack gap="sm">
          {alert ? (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('members.fields.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('members.fields.fullName')}
              required
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <NativeSelect
              label={t('members.fields.role')}
              required
              data={ROLES.map((role) => ({ value: role, label: t(`userRoles.${role}`) }))}
              {...form.getInputProps('role')}
            />
            <PasswordInput
              label={t('members.fields.password')}
              description={t('members.hints.password', { count: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              {...form.getInputProps('password')}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="member-add">
              {t('members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
