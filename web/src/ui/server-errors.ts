import { ApiError } from '../api/client.ts';

type SettableForm = {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => unknown;
};

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(segment in node)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/**
 * Puts the server's field errors next to the matching inputs; returns the messages that match no
 * input (they go in the form's alert). Server paths (`contacts.0.name`) are Mantine form paths.
 */
export function applyServerErrors(form: SettableForm, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  const values = form.getValues();
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (hasPath(values, field)) onFields[field] = message;
    else elsewhere.push(message);
  }
  form.setErrors(onFields);
  return elsewhere;
}
