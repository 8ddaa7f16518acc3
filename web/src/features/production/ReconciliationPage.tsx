import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { TREASURY_SERVE } from '../../referentiel/activities.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { ledgerKeys } from '../accounting/ledger-api.ts';
import { day, money } from '../relations/format.ts';
import {
  autoMatch,
  type BankLineDto,
  COUNTER_ACCOUNTS,
  matchLines,
  PARTY_ACCOUNTS,
  partiesForAccountQuery,
  postLine,
  selectedTotal,
  treasuryKeys,
  unmatchLine,
  workspaceQuery,
} from './treasury-api.ts';

// Pointage: the statement's lines and the lines of the books' bank account side by side, unmatched first.
// Choosing is done with native radios (one bank line) and checkboxes (its ledger lines), so the keyboard
// works as everywhere: Tab to a line, Space to choose, then « Rapprocher la sélection ».

const route = getRouteApi('/orgs/$orgId/production/treasury/reconciliation');
const VAT_RATES = [0, 2000, 1000, 550] as const;

/** Undoing the match of a posted line reverses its entry: the button says so. */
const undoKey = (l: BankLineDto) =>
  l.matches[0]?.kind === 'posted'
    ? 'production.treasury.unmatch.reverse'
    : 'production.treasury.unmatch.button';

function useRefresh(orgId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: treasuryKeys.all(orgId) }),
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
    ]);
}

function PostModal({ orgId, line, onClose }: { orgId: string; line: BankLineDto; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const [account, setAccount] = useState(line.suggestion.account);
  const [vatRate, setVatRate] = useState(line.suggestion.vatRate);
  const [partyId, setPartyId] = useState('');
  const [label, setLabel] = useState(line.label.slice(0, 200));
  const needsParty = PARTY_ACCOUNTS.test(account);
  const parties = useQuery({
    ...partiesForAccountQuery(orgId, account.startsWith('401') ? 'supplier' : 'customer'),
    enabled: needsParty,
  });
  const post = useMutation({
    mutationFn: () =>
      postLine(orgId, line.id, {
        account,
        vatRate,
        partyId: needsParty && partyId ? partyId : null,
        label: label.trim() || null,
      }),
    onSuccess: async (result) => {
      notify('success', t('production.treasury.post.done', { number: result.entryNumber ?? '' }));
      onClose();
      await refresh();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('production.treasury.post.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          post.mutate();
        }}
      >
        <Stack gap="sm" data-testid="bank-post-dialog">
          <Text size="sm">
            {day(line.bookingDate)} — {line.label} — <strong>{money(line.amount)}</strong>
          </Text>
          <NativeSelect
            label={t('production.treasury.post.account')}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
            data={COUNTER_ACCOUNTS.map((a) => ({
              value: a,
              label: `${a} – ${t(`production.treasury.accounts.${a}`)}`,
            }))}
            data-testid="bank-post-account"
          />
          {needsParty ? (
            <NativeSelect
              label={t('production.treasury.post.party')}
              value={partyId}
              onChange={(e) => setPartyId(e.currentTarget.value)}
              data={[
                { value: '', label: t('production.treasury.post.choose') },
                ...(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              data-testid="bank-post-party"
            />
          ) : null}
          <NativeSelect
            label={t('production.treasury.post.vat')}
            description={t('production.treasury.post.vatHelp')}
            value={String(vatRate)}
            onChange={(e) => setVatRate(Number(e.currentTarget.value))}
            data={VAT_RATES.map((r) => ({
              value: String(r),
              label: r === 0 ? t('production.treasury.post.noVat') : `${(r / 100).toLocaleString('fr-FR')} %`,
            }))}
            data-testid="bank-post-vat"
          />
          <TextInput
            label={t('production.treasury.post.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={200}
            data-testid="bank-post-label"
          />
          <ErrorAlert error={post.error} testId="bank-post-error" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={post.isPending} data-testid="bank-post-confirm">
              {t('production.treasury.post.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ReconciliationPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writer = can('ledger.write');
  const refresh = useRefresh(orgId);
  const query = useQuery(workspaceQuery(orgId));
  const [bankId, setBankId] = useState<string | null>(null);
  const [ledgerIds, setLedgerIds] = useState<Set<string>>(new Set());
  const [posting, setPosting] = useState<BankLineDto | null>(null);
  const clear = () => {
    setBankId(null);
    setLedgerIds(new Set());
  };
  const auto = useMutation({
    mutationFn: () => autoMatch(orgId),
    onSuccess: async (result) => {
      notify('success', t('production.treasury.auto.done', { count: result.matched }));
      clear();
      await refresh();
    },
  });
  const match = useMutation({
    mutationFn: () => matchLines(orgId, bankId!, [...ledgerIds]),
    onSuccess: async () => {
      notify('success', t('production.treasury.match.done'));
      clear();
      await refresh();
    },
  });
  const unmatch = useMutation({
    mutationFn: (id: string) => unmatchLine(orgId, id),
    onSuccess: async () => {
      notify('success', t('production.treasury.unmatch.done'));
      await refresh();
    },
  });
  if (query.isError) return <LoadError error={query.error} />;
  if (!query.data) return <PageLoader />;
  const { bankLines, ledgerLines, account } = query.data;
  const bankLine = bankLines.find((l) => l.id === bankId) ?? null;
  const total = selectedTotal(ledgerLines, ledgerIds);
  const ready = bankLine !== null && ledgerIds.size > 0 && total === bankLine.amount;
  const openBank = bankLines.filter((l) => l.matches.length === 0).length;
  const openLedger = ledgerLines.filter((l) => l.bankLineId === null).length;
  return (
    <>
      <PageHeader
        title={t('production.treasury.reconciliation.title')}
        served={TREASURY_SERVE}
        actions={
          <>
            {writer ? (
              <Button
                onClick={() => auto.mutate()}
                loading={auto.isPending}
                disabled={!account}
                data-testid="bank-auto-match"
              >
                {t('production.treasury.auto.button')}
              </Button>
            ) : null}
            <ButtonLink
              to="/orgs/$orgId/production/treasury/report"
              params={{ orgId }}
              variant="default"
              data-testid="reconciliation-to-report"
            >
              {t('production.treasury.toReport')}
            </ButtonLink>
          </>
        }
      />
      {!account ? (
        <Text c="dimmed" data-testid="reconciliation-empty">
          {t('production.treasury.reconciliation.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {t('production.treasury.reconciliation.account', {
              account: account.account,
              ledger: account.ledgerAccount,
            })}{' '}
            {t('production.treasury.reconciliation.open', { bank: openBank, ledger: openLedger })}
          </Text>
          <ErrorAlert error={auto.error ?? unmatch.error} testId="reconciliation-error" />
          {writer ? (
            <Paper withBorder p="sm" aria-live="polite">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Text size="sm" data-testid="selection-summary">
                  {bankLine
                    ? t('production.treasury.match.summary', {
                        bank: money(bankLine.amount),
                        ledger: money(total),
                        gap: money(bankLine.amount - total),
                      })
                    : t('production.treasury.match.hint')}
                </Text>
                <Group gap="sm">
                  <Button variant="default" onClick={clear} disabled={!bankId && ledgerIds.size === 0}>
                    {t('production.treasury.match.clear')}
                  </Button>
                  <Button
                    onClick={() => match.mutate()}
                    disabled={!ready}
                    loading={match.isPending}
                    data-testid="bank-match-selected"
                  >
                    {t('production.treasury.match.button')}
                  </Button>
                </Group>
              </Group>
              <ErrorAlert error={match.error} testId="bank-match-error" />
            </Paper>
          ) : null}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <section aria-labelledby="bank-side-title">
              <Title order={2} size="h4" mb="xs" id="bank-side-title">
                {t('production.treasury.reconciliation.bankSide')}
              </Title>
              <Table.ScrollContainer minWidth={520}>
                <Radio.Group value={bankId ?? ''} onChange={(v) => setBankId(v || null)} name="bank-line">
                  <Table verticalSpacing={4} data-testid="bank-side">
                    <caption>
                      <VisuallyHidden>{t('production.treasury.reconciliation.bankSide')}</VisuallyHidden>
                    </caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={40}>
                          <VisuallyHidden>{t('production.treasury.columns.choose')}</VisuallyHidden>
                        </Table.Th>
                        <Table.Th>{t('production.treasury.columns.date')}</Table.Th>
                        <Table.Th>{t('production.treasury.columns.label')}</Table.Th>
                        <Table.Th ta="right">{t('production.treasury.columns.amount')}</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>{t('production.treasury.columns.actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {bankLines.map((l) => {
                        const matched = l.matches.length > 0;
                        return (
                          <Table.Tr
                            key={l.id}
                            data-testid="bank-line"
                            data-matched={matched ? 'true' : 'false'}
                          >
                            <Table.Td>
                              {!matched && writer ? (
                                <Radio
                                  value={l.id}
                                  aria-label={t('production.treasury.choose', {
                                    label: l.label,
                                    amount: money(l.amount),
                                  })}
                                />
                              ) : null}
                            </Table.Td>
                            <Table.Td>{day(l.bookingDate)}</Table.Td>
                            <Table.Td>
                              <Text size="sm">{l.label}</Text>
                              {l.counterparty ? (
                                <Text size="xs" c="dimmed">
                                  {l.counterparty}
                                </Text>
                              ) : null}
                            </Table.Td>
                            <Table.Td ta="right">{money(l.amount)}</Table.Td>
                            <Table.Td>
                              {matched ? (
                                <Group gap={4} wrap="nowrap">
                                  <Badge color="teal" variant="light">
                                    {t(`production.treasury.kind.${l.matches[0]!.kind}`)}
                                  </Badge>
                                  {writer ? (
                                    <Button
                                      size="compact-xs"
                                      variant="subtle"
                                      onClick={() => unmatch.mutate(l.id)}
                                      aria-label={`${t(undoKey(l))} : ${l.label}`}
                                    >
                                      {t(undoKey(l))}
                                    </Button>
                                  ) : null}
                                </Group>
                              ) : writer ? (
                                <Button
                                  size="compact-xs"
                                  variant="light"
                                  onClick={() => setPosting(l)}
                                  data-testid="bank-post"
                                  aria-label={t('production.treasury.post.label_for', { label: l.label })}
                                >
                                  {t('production.treasury.post.button')}
                                </Button>
                              ) : null}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Radio.Group>
              </Table.ScrollContainer>
            </section>
            <section aria-labelledby="ledger-side-title">
              <Title order={2} size="h4" mb="xs" id="ledger-side-title">
                {t('production.treasury.reconciliation.ledgerSide', { account: account.ledgerAccount })}
              </Title>
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing={4} data-testid="ledger-side">
                  <caption>
                    <VisuallyHidden>
                      {t('production.treasury.reconciliation.ledgerSide', { account: account.ledgerAccount })}
                    </VisuallyHidden>
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <VisuallyHidden>{t('production.treasury.columns.choose')}</VisuallyHidden>
                      </Table.Th>
                      <Table.Th>{t('production.treasury.columns.date')}</Table.Th>
                      <Table.Th>{t('production.treasury.columns.entry')}</Table.Th>
                      <Table.Th>{t('production.treasury.columns.label')}</Table.Th>
                      <Table.Th ta="right">{t('production.treasury.columns.amount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {ledgerLines.map((l) => {
                      const matched = l.bankLineId !== null;
                      return (
                        <Table.Tr
                          key={l.id}
                          data-testid="ledger-line"
                          data-matched={matched ? 'true' : 'false'}
                        >
                          <Table.Td>
                            {!matched && writer ? (
                              <Checkbox
                                checked={ledgerIds.has(l.id)}
                                onChange={(e) => {
                                  const next = new Set(ledgerIds);
                                  if (e.currentTarget.checked) next.add(l.id);
                                  else next.delete(l.id);
                                  setLedgerIds(next);
                                }}
                                aria-label={t('production.treasury.choose', {
                                  label: l.label,
                                  amount: money(l.amount),
                                })}
                              />
                            ) : matched ? (
                              <VisuallyHidden>{t('production.treasury.matched')}</VisuallyHidden>
                            ) : null}
                          </Table.Td>
                          <Table.Td>{day(l.date)}</Table.Td>
                          <Table.Td>
                            {l.journal} {l.entryNumber ?? ''}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{l.label}</Text>
                            {matched ? (
                              <Badge color="teal" variant="light" size="xs">
                                {t('production.treasury.matched')}
                              </Badge>
                            ) : null}
                          </Table.Td>
                          <Table.Td ta="right">{money(l.amount)}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </section>
          </SimpleGrid>
        </Stack>
      )}
      {posting ? <PostModal orgId={orgId} line={posting} onClose={() => setPosting(null)} /> : null}
    </>
  );
}
