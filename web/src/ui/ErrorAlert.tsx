import { Alert, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';

/**
 * A failed request's sentence in a red alert that screen readers announce; nothing while there is no error, so a
 * form can leave it in place under its fields.
 */
export function ErrorAlert({
  error,
  title,
  testId,
  mb,
}: {
  error: unknown;
  title?: string;
  testId?: string;
  mb?: MantineSpacing;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title} mb={mb} data-testid={testId}>
      {errorMessage(error, t)}
    </Alert>
  );
}
