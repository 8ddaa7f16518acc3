import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';
import { applyServerErrors } from './server-errors.ts';

type SettableForm = Parameters<typeof applyServerErrors>[0];

/**
 * The server's refusal of a form: its field errors go beside the inputs, and the sentence with the messages that
 * match no input goes in the form's alert.
 */
export function useFormRefusal(form: SettableForm) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const refuse = (error: unknown) => {
    const elsewhere = applyServerErrors(form, error);
    setAlert([errorMessage(error, t), ...elsewhere].join(' '));
  };
  return { alert, refuse, clear: () => setAlert(null) };
}
