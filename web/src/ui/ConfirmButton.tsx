import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

/** A row's red button for what cannot be undone (erase, delete, reset): it acts only once the user says yes to `question`. */
export function ConfirmButton({
  question,
  onConfirm,
  loading,
  children,
}: {
  question: string;
  onConfirm: () => void;
  loading?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      size="compact-sm"
      variant="filled"
      color="red.9"
      loading={loading}
      onClick={() => {
        if (window.confirm(question)) onConfirm();
      }}
    >
      {children}
    </Button>
  );
}
