import { Alert, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryDto, EntryInput } from '../../../../src/ledger/entries/contract.ts';
import { useOrgRole, useSimulatedToday } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { newIdempotencyKey } from '../parties/party-api.ts';
import { useEntryTitle } from './EntryDetailPage.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { gridValuesOf, type Mode } from './entry-grid-model.ts';
import { day, money, today } from './format.ts';
import {
  accountsQuery,
  createDraft,
  entryQuery,
  journalsQuery,
  ledgerKeys,
  updateDraft,
  validateDraft,
} from './ledger-api.ts';
import { WARNING } from './notice.ts';

const newRoute = getRouteApi('/orgs/$orgId/accounting/entries/new');
const editRoute = getRouteApi('/orgs/$orgId/accounting/entries/$entryId/edit');

/** The default journal of a manual entry: miscellaneous operations when there is one. */
const defaultJournal = (codes: string[]) => (codes.includes('OD') ? 'OD' : (codes[0] ?? ''));

/**
 * Manual entries one after the other: after each save the grid starts again on the same journal and
 * date, and the entry just saved stays in view with a link to it.
 */
export function NewEntryPage() {
  const { t } = useTranslation();
  const { orgId } = newRoute.useParams();
  const simulatedToday = useSimulatedToday(orgId);
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const journals = useQuery(journalsQuery(orgId));
  const accounts = useQuery(accountsQuery(orgId));
  const title = useEntryTitle();
  const [round, setRound] = useState<{ n: number; journal?: string; date?: string }>({ n: 0 });
  const [saved, setSaved] = useState<EntryDto | null>(null);
  // Kept across a failed validation, so a retry updates the draft instead of making a second one.
  const draftId = useRef<string | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [pendingDraft, setPendingDraft] = useState(false);

  const submit = async (input: EntryInput, mode: Mode) => {
    let entry = draftId.current
      ? await updateDraft(orgId, draftId.current, input)
      : await createDraft(orgId, input, idempotencyKey.current);
    draftId.current = entry.id;
    if (mode === 'validate') {
      setPendingDraft(true);
      entry = await validateDraft(orgId, entry.id);
    }
    draftId.current = null;
    idempotencyKey.current = newIdempotencyKey();
    setPendingDraft(false);
    queryClient.setQueryData(ledgerKeys.entry(orgId, entry.id), entry);
    await queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });
    notify(
      'success',
      entry.status === 'validated'
        ? t('accounting.entry.validated', { number: entry.number, journal: entry.journal })
        : t('accounting.entry.draftSaved'),
    );
    setSaved(entry);
    setRound((prev) => ({ n: prev.n + 1, journal: input.journal, date: input.date }));
  };

  const header = <PageHeader title={t('accounting.grid.newTitle')} served={ACCOUNTING_SERVE} />;
  if (!can('ledger.write'))
    return (
      <>
        {header}
        <Alert color="blue">{t('accounting.readOnly')}</Alert>
      </>
    );
  if (journals.isError || accounts.isError)
    return (
      <>
        {header}
        <LoadError error={journals.error ?? accounts.error} />
      </>
    );
  if (!journals.data || !accounts.data) return <Loader aria-label={t('common.loading')} />;

  const codes = journals.data.map((j) => j.code);
  return (
    <>
      {header}
      {saved ? (
        <Alert color="teal" mb="md" data-testid="entry-last-saved" title={t('accounting.grid.lastSaved')}>
          <AnchorLink
            to="/orgs/$orgId/accounting/entries/$entryId"
            params={{ orgId, entryId: saved.id }}
            data-testid="entry-last-saved-link"
          >
            {title(saved)}
          </AnchorLink>{' '}
          — {day(saved.date)} — {saved.label} — {money(saved.totalDebit)}
        </Alert>
      ) : null}
      {pendingDraft ? (
        <Alert {...WARNING} mb="md" data-testid="entry-kept-draft">
          {t('accounting.grid.keptAsDraft')}
        </Alert>
      ) : null}
      <EntryGrid
        key={round.n}
        journals={journals.data}
        accounts={accounts.data}
        initial={gridValuesOf(null, {
          journal: round.journal ?? defaultJournal(codes.filter((c) => c !== 'AN')),
          date: round.date ?? simulatedToday ?? today(),
        })}
        autoFocus={round.n === 0 ? 'journal' : 'label'}
        onSubmit={submit}
        actions={
          <ButtonLink variant="default" to="/orgs/$orgId/accounting/entries" params={{ orgId }}>
            {t('accounting.grid.backToList')}
          </ButtonLink>
        }
      />
    </>
  );
}

/** A draft, back in the grid: saved again, or saved and validated. */
export function EditEntryPage() {
  const { t } = useTranslation();
  const { orgId, entryId } = editRoute.useParams();
  const navigate = editRoute.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const journals = useQuery(journalsQuery(orgId));
  const accounts = useQuery(accountsQuery(orgId));
  const entry = useQuery(entryQuery(orgId, entryId));
  const title = useEntryTitle();

  const submit = async (input: EntryInput, mode: Mode) => {
    let saved = await updateDraft(orgId, entryId, input);
    queryClient.setQueryData(ledgerKeys.entry(orgId, entryId), saved);
    if (mode === 'validate') saved = await validateDraft(orgId, entryId);
    queryClient.setQueryData(ledgerKeys.entry(orgId, entryId), saved);
    await queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });
    notify(
      'success',
      saved.status === 'validated'
        ? t('accounting.entry.validated', { number: saved.number, journal: saved.journal })
        : t('accounting.entry.draftSaved'),
    );
    await navigate({ to: '/orgs/$orgId/accounting/entries/$entryId', params: { orgId, entryId } });
  };

  const failed = journals.error ?? accounts.error ?? entry.error;
  if (failed)
    return (
      <>
        <PageHeader title={t('accounting.entries.title')} served={ACCOUNTING_SERVE} />
        <LoadError error={failed} />
      </>
    );
  if (!journals.data || !accounts.data || !entry.data) return <Loader aria-label={t('common.loading')} />;
  const back = (
    <ButtonLink variant="default" to="/orgs/$orgId/accounting/entries/$entryId" params={{ orgId, entryId }}>
      {t('common.cancel')}
    </ButtonLink>
  );
  if (entry.data.status !== 'draft' || !can('ledger.write'))
    return (
      <>
        <PageHeader title={title(entry.data)} served={ACCOUNTING_SERVE} />
        <Alert color="blue" mb="md" data-testid="entry-not-editable">
          {can('ledger.write') ? t('accounting.entry.notEditable') : t('accounting.readOnly')}
        </Alert>
        {back}
      </>
    );
  return (
    <>
      <PageHeader
        title={t('accounting.grid.editTitle', { label: entry.data.label })}
        served={ACCOUNTING_SERVE}
      />
      <EntryGrid
        key={entry.data.id}
        journals={journals.data}
        accounts={accounts.data}
        initial={gridValuesOf(entry.data, { journal: entry.data.journal, date: entry.data.date })}
        autoFocus="label"
        onSubmit={submit}
        actions={back}
      />
    </>
  );
}
