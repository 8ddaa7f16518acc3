import { Badge, Button, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AccountDto,
  type AccountInput,
  type AuxiliaryAccountInput,
  accountInput,
  auxiliaryAccountInput,
} from '../../../../src/ledger/accounts/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchBox, SearchFilters } from '../../ui/SearchFilters.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { useFormRefusal } from '../../ui/use-form-refusal.ts';
import {
  accountsQuery,
  createAccount,
  createAuxiliaryAccount,
  ledgerKeys,
  partiesForAccountsQuery,
} from './ledger-api.ts';
import { ScrollTable } from './ScrollTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/accounts');

export const ACCOUNT_CLASSES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const ACCOUNT_VIEWS = ['general', 'auxiliary'] as const;

export type AccountSearch = { q?: string; class?: number; view?: (typeof ACCOUNT_VIEWS)[number] };

export function parseAccountSearch(search: Record<string, unknown>): AccountSearch {
  const accountClass = Number(search.class);
  return {
    // The router reads `q=411` as the number 411.
    q:
      typeof search.q === 'number'
        ? String(search.q)
        : typeof search.q === 'string' && search.q.trim()
          ? search.q.slice(0, 100)
          : undefined,
    class:
      Number.isInteger(accountClass) && accountClass >= 1 && accountClass <= 9 ? accountClass : undefined,
    view: search.view === 'auxiliary' ? 'auxiliary' : undefined,
  };
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Accounts whose number starts with the text, or whose label contains it (accents ignored). */
export function filterAccounts(accounts: readonly AccountDto[], search: AccountSearch): AccountDto[] {
  const view = search.view ?? 'general';
  const q = fold(search.q?.trim() ?? '');
  return accounts.filter(
    (a) =>
      a.kind === view &&
      (search.class === undefined || a.class === search.class) &&
      (!q ||
        a.number.toLowerCase().startsWith(q) ||
        fold(a.label).includes(q) ||
        (a.collectiveNumber?.startsWith(q) ?? false)),
  );
}

function SubAccountModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ number: string; label: string }>({
    mode: 'controlled',
    initialValues: { number: '', label: '' },
    validate: schemaResolver(accountInput, { sync: true }),
  });
  const refusal = useFormRefusal(form);
  const create = useMutation({
    mutationFn: (input: AccountInput) => createAccount(orgId, input),
    onSuccess: async (account) => {
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.accounts(orgId) });
      notify('success', t('accounting.accounts.created', { number: account.number, label: account.label }));
      onClose();
    },
    onError: refusal.refuse,
  });
  return (
    <FormModal
      title={t('accounting.accounts.newSubAccount')}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => create.mutate(accountInput.parse(values)))}
      formTestId="sub-account-form"
      help={t('accounting.accounts.subAccountHelp')}
      alert={refusal.alert}
      pending={create.isPending}
      submitLabel={t('accounting.accounts.create')}
      submitTestId="sub-account-submit"
    >
      <TextInput
        label={t('accounting.fields.accountNumber')}
        description={t('accounting.accounts.numberHint')}
        required
        inputMode="numeric"
        autoComplete="off"
        data-autofocus
        data-testid="sub-account-number"
        {...form.getInputProps('number')}
      />
      <TextInput
        label={t('accounting.fields.accountLabel')}
        required
        maxLength={200}
        autoComplete="off"
        data-testid="sub-account-label"
        {...form.getInputProps('label')}
      />
    </FormModal>
  );
}

function AuxiliaryModal({
  orgId,
  onClose,
  accounts,
}: {
  orgId: string;
  onClose: () => void;
  accounts: readonly AccountDto[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const parties = useQuery(partiesForAccountsQuery(orgId));
  // Collective accounts of third parties: class 4, postable (411 customers, 401 suppliers…).
  const collectives = accounts.filter((a) => a.kind === 'general' && a.class === 4 && a.postable);
  const form = useForm<{ collectiveNumber: string; partyId: string }>({
    mode: 'controlled',
    initialValues: {
      collectiveNumber: collectives.some((a) => a.number === '411') ? '411' : '',
      partyId: '',
    },
    validate: schemaResolver(auxiliaryAccountInput, { sync: true }),
  });
  const refusal = useFormRefusal(form);
  const create = useMutation({
    mutationFn: (input: AuxiliaryAccountInput) => createAuxiliaryAccount(orgId, input),
    onSuccess: async (account) => {
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.accounts(orgId) });
      notify(
        'success',
        t('accounting.accounts.auxiliaryCreated', { number: account.number, label: account.label }),
      );
      onClose();
    },
    onError: refusal.refuse,
  });
  return (
    <FormModal
      title={t('accounting.accounts.newAuxiliary')}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => create.mutate(auxiliaryAccountInput.parse(values)))}
      formTestId="auxiliary-form"
      help={t('accounting.accounts.auxiliaryHelp')}
      alert={refusal.alert}
      pending={create.isPending}
      submitLabel={t('accounting.accounts.create')}
      submitTestId="auxiliary-submit"
    >
      <NativeSelect
        label={t('accounting.fields.collective')}
        required
        data={[
          { value: '', label: t('accounting.accounts.chooseCollective') },
          ...collectives.map((a) => ({ value: a.number, label: `${a.number} — ${a.label}` })),
        ]}
        data-testid="auxiliary-collective"
        {...form.getInputProps('collectiveNumber')}
      />
      <NativeSelect
        label={t('accounting.fields.party')}
        required
        disabled={!parties.data}
        data={[
          { value: '', label: parties.data ? t('accounting.accounts.chooseParty') : t('common.loading') },
          ...(parties.data ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
        data-testid="auxiliary-party"
        {...form.getInputProps('partyId')}
      />
    </FormModal>
  );
}

/** The chart of accounts by class, and the auxiliary accounts of customers and suppliers. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { can } = useOrgRole(orgId);
  const writable = can('ledger.write');
  const query = useQuery(accountsQuery(orgId));
  const [subAccount, setSubAccount] = useState(false);
  const [auxiliary, setAuxiliary] = useState(false);
  const view = search.view ?? 'general';

  const setSearch = (patch: Partial<AccountSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const shown = useMemo(() => filterAccounts(query.data ?? [], search), [query.data, search]);
  const byClass = ACCOUNT_CLASSES.map((c) => ({ c, accounts: shown.filter((a) => a.class === c) })).filter(
    (g) => g.accounts.length > 0,
  );

  return (
    <>
      <PageHeader
        title={t('accounting.accounts.title')}
        served={ACCOUNTING_SERVE}
        actions={
          writable ? (
            <>
              <Button variant="default" onClick={() => setAuxiliary(true)} data-testid="auxiliary-new">
                {t('accounting.accounts.newAuxiliary')}
              </Button>
              <Button onClick={() => setSubAccount(true)} data-testid="sub-account-new">
                {t('accounting.accounts.newSubAccount')}
              </Button>
            </>
          ) : null
        }
      />

      <SearchFilters label={t('accounting.accounts.filters')}>
        <SearchBox
          q={search.q}
          onSearch={(q) => setSearch({ q })}
          delay={200}
          label={t('accounting.accounts.search')}
          placeholder={t('accounting.accounts.searchPlaceholder')}
          width={260}
          testId="account-search"
        />
        <NativeSelect
          label={t('accounting.accounts.view')}
          value={view}
          onChange={(e) =>
            setSearch({ view: e.currentTarget.value === 'auxiliary' ? 'auxiliary' : undefined })
          }
          data={ACCOUNT_VIEWS.map((v) => ({ value: v, label: t(`accounting.accounts.views.${v}`) }))}
          data-testid="account-view"
        />
        <NativeSelect
          label={t('accounting.fields.class')}
          value={search.class === undefined ? '' : String(search.class)}
          onChange={(e) =>
            setSearch({ class: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })
          }
          data={[
            { value: '', label: t('accounting.accounts.allClasses') },
            ...ACCOUNT_CLASSES.map((c) => ({
              value: String(c),
              label: `${c} — ${t(`accounting.classes.c${c}`)}`,
            })),
          ]}
          data-testid="account-class"
        />
      </SearchFilters>

      <Text size="sm" mb="sm" aria-live="polite" data-testid="account-total">
        {query.isPending ? t('common.loading') : t('accounting.accounts.total', { count: shown.length })}
      </Text>

      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {query.isSuccess && shown.length === 0 ? (
        <Text size="sm" data-testid="account-empty">
          {view === 'auxiliary' ? t('accounting.accounts.noAuxiliary') : t('accounting.accounts.empty')}
        </Text>
      ) : null}

      <Stack gap="lg">
        {byClass.map(({ c, accounts }) => (
          <section key={c} aria-labelledby={`class-${c}`} data-testid={`account-class-${c}`}>
            <Title order={2} size="h4" mb="xs" id={`class-${c}`}>
              {t('accounting.accounts.classHeading', { class: c, name: t(`accounting.classes.c${c}`) })}
            </Title>
            <ScrollTable
              minWidth={520}
              label={t('accounting.accounts.classHeading', { class: c, name: t(`accounting.classes.c${c}`) })}
            >
              <Table striped verticalSpacing={4} data-testid="account-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={140}>{t('accounting.fields.accountNumber')}</Table.Th>
                    <Table.Th>{t('accounting.fields.accountLabel')}</Table.Th>
                    <Table.Th w={view === 'auxiliary' ? 140 : 160}>
                      {view === 'auxiliary'
                        ? t('accounting.fields.collective')
                        : t('accounting.accounts.postable')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {accounts.map((account) => (
                    <Table.Tr key={account.id} data-testid="account-row">
                      <Table.Td ff="monospace" fw={account.postable ? 400 : 700}>
                        {account.number}
                      </Table.Td>
                      <Table.Td fw={account.postable ? 400 : 700}>{account.label}</Table.Td>
                      <Table.Td>
                        {view === 'auxiliary' ? (
                          <Text span ff="monospace">
                            {account.collectiveNumber}
                          </Text>
                        ) : account.postable ? (
                          t('accounting.accounts.yes')
                        ) : (
                          <Badge size="sm" variant="outline" color="gray">
                            {t('accounting.accounts.heading')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>
        ))}
      </Stack>

      {/* Mounted when opened, so each opening starts from a fresh form. */}
      {writable && subAccount ? <SubAccountModal orgId={orgId} onClose={() => setSubAccount(false)} /> : null}
      {writable && auxiliary && query.data ? (
        <AuxiliaryModal orgId={orgId} onClose={() => setAuxiliary(false)} accounts={query.data} />
      ) : null}
    </>
  );
}
