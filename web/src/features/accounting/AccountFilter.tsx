import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { AccountInput } from './AccountInput.tsx';
import { accountOptions, resolveAccount } from './entry-grid-model.ts';
import { accountsQuery } from './ledger-api.ts';

export type AccountChoice = { account?: string; auxiliary?: string };

/**
 * An account chosen for a report or for lettering: a general account (512), or an auxiliary account
 * (CMARTIN) with its collective. Typing a number and Enter, or picking a match, applies it.
 */
export function AccountFilter({
  orgId,
  value,
  onChange,
  label,
  description,
  testId,
  filter,
}: {
  orgId: string;
  value: AccountChoice;
  onChange: (choice: AccountChoice) => void;
  label: string;
  description?: string;
  testId?: string;
  /** Keeps only some options (lettering: the accounts whose lines get lettered). */
  filter?: (option: { account: string; auxiliary: string | null }) => boolean;
}) {
  const accounts = useQuery(accountsQuery(orgId));
  const options = useMemo(() => {
    const all = accountOptions(accounts.data ?? [], true);
    return filter ? all.filter(filter) : all;
  }, [accounts.data, filter]);
  const shown = value.auxiliary ?? value.account ?? '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);

  const apply = (typed: string) => {
    if (!typed.trim()) {
      if (value.account) onChange({});
      return;
    }
    const option = resolveAccount(options, typed);
    if (option && (option.account !== value.account || (option.auxiliary ?? undefined) !== value.auxiliary))
      onChange({ account: option.account, auxiliary: option.auxiliary ?? undefined });
  };

  return (
    <AccountInput
      options={options}
      value={text}
      onChange={setText}
      onPick={(option) => onChange({ account: option.account, auxiliary: option.auxiliary ?? undefined })}
      onKeyDown={(event, highlighted) => {
        if (event.key === 'Enter' && !highlighted) {
          event.preventDefault();
          apply(text);
        }
      }}
      onBlur={() => apply(text)}
      label={label}
      description={description}
      testId={testId}
      w={280}
    />
  );
}
