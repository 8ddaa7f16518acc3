import { Button, Card, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * The card beside a list that adds one to it: a section named by its third-level title, the form's fields, the
 * server's refusal when the caller shows it here (some notify instead), and the submit button.
 */
export function CreationCard({
  titleId,
  title,
  onSubmit,
  error,
  pending,
  submitLabel,
  submitTestId,
  children,
}: {
  titleId: string;
  title: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  error?: unknown;
  pending: boolean;
  submitLabel: string;
  submitTestId: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={3} size="h4" id={titleId}>
            {title}
          </Title>
          {children}
          <ErrorAlert error={error} />
          <Button type="submit" loading={pending} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
