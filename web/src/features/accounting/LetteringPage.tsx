import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { RECEIVABLES_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchFilters } from '../../ui/SearchFilters.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { AccountFilter } from './AccountFilter.tsx';
import { day, money, moneyOrBlank } from './format.ts';
import { autoLetter, ledgerKeys, letteringLinesQuery, letterLines, unletter } from './ledger-api.ts';
import { isSettled, selectionOf } from './lettering-model.ts';
import { parseReportSearch } from './reports/report-search.ts';
import { ScrollTable } from './ScrollTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/lettering');

export type LetteringSearch = { account?: string; auxiliary?: string; state?: 'all' };

export function parseLetteringSearch(search: Record<string, unknown>): LetteringSearch {
  const { account, auxiliary } = parseReportSearch(search);
  return { account, auxiliary, state: search.state === 'all' ? 'all' : undefined };
}

/** Lettering: match the lines of an account that settle each other (an invoice and its payment). */
export function LetteringPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('ledger.write');
  const account = search.account ?? '';
  const state = search.state ?? 'open';
  const query = useQuery(letteringLinesQuery(orgId, { account, auxiliary: search.auxiliary, state }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const lines = query.data ?? [];
  const selection = selectionOf(lines, selected);

  // A new account, or new lines, start from an empty selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the lines change
  useEffect(() => {
    setSelected(new Set());
    setProblem(null);
  }, [query.data]);

  const setSearch = (patch: Partial<LetteringSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });

  const letter = useMutation({
    mutationFn: (partial: boolean) => letterLines(orgId, { lineIds: [...selected], partial }),
    onSuccess: async (lettering) => {
      await refresh();
      notify(
        'success',
        t(lettering.complete ? 'accounting.lettering.done' : 'accounting.lettering.donePartial', {
          code: lettering.code,
          count: lettering.lineIds.length,
        }),
      );
    },
    onError: (error) => setProblem(errorMessage(error, t)),
  });
  const automatic = useMutation({
    mutationFn: () => autoLetter(orgId, { account, auxiliary: search.auxiliary }),
    onSuccess: async ({ letterings }) => {
      await refresh();
      notify('success', t('accounting.lettering.autoDone', { count: letterings.length }));
    },
    onError: (error) => setProblem(errorMessage(error, t)),
  });
  const undo = useMutation({
    mutationFn: (letteringId: string) => unletter(orgId, letteringId),
    onSuccess: async () => {
      await refresh();
      notify('success', t('accounting.lettering.undone'));
    },
    onError: (error) => setProblem(errorMessage(error, t)),
  });

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // The un-letter button sits on the first line of each lettering.
  const firstOfLettering = new Set<string>();
  const seen = new Set<string>();
  for (const line of lines)
    if (line.letteringId && !seen.has(line.letteringId)) {
      seen.add(line.letteringId);
      firstOfLettering.add(line.id);
    }
  const busy = letter.isPending || automatic.isPending || undo.isPending;

  return (
    <>
      <PageHeader
        title={t('accounting.lettering.title')}
        served={RECEIVABLES_SERVE}
        actions={
          writable && account ? (
            <Button
              variant="default"
              onClick={() => automatic.mutate()}
              loading={automatic.isPending}
              disabled={busy}
              data-testid="lettering-auto"
            >
              {t('accounting.lettering.auto')}
            </Button>
          ) : null
        }
      />
      <Text mb="md" maw={820}>
        {t('accounting.lettering.intro')}
      </Text>
      <SearchFilters label={t('accounting.lettering.filters')}>
        <AccountFilter
          orgId={orgId}
          value={{ account: search.account, auxiliary: search.auxiliary }}
          onChange={(choice) => setSearch({ account: choice.account, auxiliary: choice.auxiliary })}
          label={t('accounting.lettering.account')}
          testId="lettering-account"
        />
        <NativeSelect
          label={t('accounting.lettering.state')}
          value={state}
          onChange={(e) => setSearch({ state: e.currentTarget.value === 'all' ? 'all' : undefined })}
          data={[
            { value: 'open', label: t('accounting.lettering.states.open') },
            { value: 'all', label: t('accounting.lettering.states.all') },
          ]}
          data-testid="lettering-state"
        />
      </SearchFilters>

      {!account ? (
        <Alert color="blue" data-testid="lettering-choose">
          {t('accounting.lettering.choose')}
        </Alert>
      ) : null}
      {problem ? (
        <Alert color="red" role="alert" mb="md" data-testid="lettering-problem">
          {problem}
        </Alert>
      ) : null}
      {query.isError ? <LoadError error={query.error} /> : null}
      {account && query.isPending ? <Loader aria-label={t('common.loading')} /> : null}

      {account && query.data ? (
        <>
          <Paper withBorder p="sm" mb="sm" data-testid="lettering-selection">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" aria-live="polite">
                {t('accounting.lettering.selection', {
                  count: selection.count,
                  debit: money(selection.debit),
                  credit: money(selection.credit),
                })}{' '}
                <Text
                  span
                  fw={700}
                  c={
                    selection.count > 0 && selection.difference === 0
                      ? 'teal.9'
                      : selection.count > 0
                        ? 'red.9'
                        : undefined
                  }
                  data-testid="lettering-difference"
                >
                  {t('accounting.lettering.difference', { amount: money(Math.abs(selection.difference)) })}
                </Text>
                {selection.verdict === 'mixedAuxiliaries' ? (
                  <Text span c="red.9" ml="xs">
                    {t('accounting.lettering.mixed')}
                  </Text>
                ) : null}
              </Text>
              {writable ? (
                <Group gap="xs">
                  <Button
                    variant="default"
                    onClick={() => setSelected(new Set())}
                    disabled={selection.count === 0 || busy}
                  >
                    {t('accounting.lettering.clear')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => letter.mutate(true)}
                    disabled={selection.verdict !== 'partial' || busy}
                    loading={letter.isPending && letter.variables === true}
                    data-testid="lettering-partial"
                  >
                    {t('accounting.lettering.partial')}
                  </Button>
                  <Button
                    onClick={() => letter.mutate(false)}
                    disabled={selection.verdict !== 'complete' || busy}
                    loading={letter.isPending && letter.variables === false}
                    data-testid="lettering-letter"
                  >
                    {t('accounting.lettering.letter')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Paper>

          {lines.length === 0 ? (
            <Alert color="gray" data-testid="lettering-empty">
              {state === 'open' ? t('accounting.lettering.emptyOpen') : t('accounting.lettering.emptyAll')}
            </Alert>
          ) : (
            <ScrollTable minWidth={960} label={t('accounting.lettering.caption', { account })}>
              <Table
                striped
                highlightOnHover
                verticalSpacing={4}
                data-testid="lettering-table"
                aria-busy={query.isFetching}
              >
                <caption>
                  <VisuallyHidden>{t('accounting.lettering.caption', { account })}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <VisuallyHidden>{t('accounting.lettering.select')}</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>{t('accounting.fields.date')}</Table.Th>
                    <Table.Th>{t('accounting.fields.journal')}</Table.Th>
                    <Table.Th>{t('accounting.fields.number')}</Table.Th>
                    <Table.Th>{t('accounting.fields.voucherRef')}</Table.Th>
                    <Table.Th>{t('accounting.fields.auxiliary')}</Table.Th>
                    <Table.Th>{t('accounting.fields.lineLabel')}</Table.Th>
                    <Table.Th>{t('accounting.fields.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('accounting.fields.debit')}</Table.Th>
                    <Table.Th ta="right">{t('accounting.fields.credit')}</Table.Th>
                    <Table.Th>{t('accounting.fields.lettering')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((line) => {
                    const settled = isSettled(line);
                    return (
                      <Table.Tr key={line.id} data-testid="lettering-line" data-line-id={line.id}>
                        <Table.Td>
                          <Checkbox
                            checked={selected.has(line.id)}
                            disabled={settled || !writable}
                            onChange={(e) => toggle(line.id, e.currentTarget.checked)}
                            aria-label={t('accounting.lettering.selectLine', {
                              number: line.entryNumber,
                              date: day(line.date),
                              amount: money(line.debit || line.credit),
                            })}
                            data-testid="lettering-check"
                          />
                        </Table.Td>
                        <Table.Td>{day(line.date)}</Table.Td>
                        <Table.Td>{line.journal}</Table.Td>
                        <Table.Td>
                          <AnchorLink
                            to="/orgs/$orgId/accounting/entries/$entryId"
                            params={{ orgId, entryId: line.entryId }}
                          >
                            {line.entryNumber}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{line.voucherRef ?? ''}</Table.Td>
                        <Table.Td ff="monospace">{line.auxiliary ?? ''}</Table.Td>
                        <Table.Td>{line.label}</Table.Td>
                        <Table.Td>{day(line.dueDate)}</Table.Td>
                        <Table.Td ta="right">{moneyOrBlank(line.debit)}</Table.Td>
                        <Table.Td ta="right">{moneyOrBlank(line.credit)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text span ff="monospace" fw={700} data-testid="lettering-code">
                            {line.lettering ?? ''}
                          </Text>
                          {writable && line.letteringId && firstOfLettering.has(line.id) ? (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="dark"
                              ml="xs"
                              disabled={busy}
                              onClick={() => undo.mutate(line.letteringId!)}
                              aria-label={t('accounting.lettering.unletterCode', { code: line.lettering })}
                              data-testid="lettering-undo"
                            >
                              {t('accounting.lettering.unletter')}
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      ) : null}
    </>
  );
}
