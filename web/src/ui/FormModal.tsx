import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A dialog holding one creation form: an optional line of help, the server's refusal, the fields, then « Annuler »
 * and the submit button. The caller mounts it when it opens, so each opening starts from a fresh form.
 */
export function FormModal({
  title,
  onClose,
  onSubmit,
  formTestId,
  help,
  alert,
  pending,
  submitLabel,
  submitTestId,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event?: SyntheticEvent<HTMLFormElement>) => void;
  formTestId: string;
  help?: string;
  alert: string | null;
  pending: boolean;
  submitLabel: string;
  submitTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form noValidate onSubmit={onSubmit} data-testid={formTestId}>
        <Stack gap="sm">
          {help ? <Text size="sm">{help}</Text> : null}
          {alert ? (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          ) : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid={submitTestId}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
