import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { errorMessage } from '../ui/errors.ts';
import { notify } from '../ui/notify.ts';
import { applyServerErrors } from '../ui/server-errors.ts';

// The server has the final word (passwordProblem); this only spares a round trip for the obvious.
const MIN_LENGTH = 10;

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('password.currentRequired')),
      newPassword: (v) => (v.length >= MIN_LENGTH ? null : t('password.tooShort', { count: MIN_LENGTH })),
      confirmPassword: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const close = () => {
    form.reset();
    setAlert(null);
    onClose();
  };
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) =>
      api<void>('/api/v1/me/password', { method: 'POST', body: values }),
    onSuccess: () => {
      notify('success', t('password.changed'));
      close();
    },
    onError: (error) => {
      applyServerErrors(form, error);
      setAlert(errorMessage(error, t));
    },
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('password.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(({ currentPassword, newPassword }) => {
          setAlert(null);
          change.mutate({ currentPassword, newPassword });
        })}
      >
        <Stack gap="sm">
          {alert ? (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.rules', { count: MIN_LENGTH })}
            autoComplete="new-password"
            required
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            key={form.key('confirmPassword')}
            {...form.getInputProps('confirmPassword')}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
