import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryDto } from '../../../../src/ledger/entries/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { EntryLinesTable } from './EntryLinesTable.tsx';
import { EntryStatusBadge } from './EntryStatusBadge.tsx';
import { day, today } from './format.ts';
import { deleteDraft, entryQuery, ledgerKeys, reverseEntry, validateDraft } from './ledger-api.ts';
import { WARNING } from './notice.ts';

const route = getRouteApi('/orgs/$orgId/accounting/entries/$entryId/');

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={700}>
        {label}
      </Text>
      <Text data-testid={testId}>{children}</Text>
    </div>
  );
}

/** The title of an entry: its number once validated, "draft" before. */
export function useEntryTitle() {
  const { t } = useTranslation();
  return (entry: Pick<EntryDto, 'number' | 'journal'>) =>
    entry.number === null
      ? t('accounting.entry.draftTitle', { journal: entry.journal })
      : t('accounting.entry.title', { number: entry.number, journal: entry.journal });
}

export function EntryDetailPage() {
  const { t } = useTranslation();
  const { orgId, entryId } = route.useParams();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const writable = can('ledger.write');
  const query = useQuery(entryQuery(orgId, entryId));
  const title = useEntryTitle();
  const [reversing, setReversing] = useState(false);
  const [reversalDate, setReversalDate] = useState(today);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });

  const validate = useMutation({
    mutationFn: () => validateDraft(orgId, entryId),
    onSuccess: async (entry) => {
      queryClient.setQueryData(ledgerKeys.entry(orgId, entry.id), entry);
      await refresh();
      setProblem(null);
      notify('success', t('accounting.entry.validated', { number: entry.number, journal: entry.journal }));
    },
    onError: (error) => setProblem(errorMessage(error, t)),
  });
  const remove = useMutation({
    mutationFn: () => deleteDraft(orgId, entryId),
    onSuccess: async () => {
      setDeleting(false);
      notify('success', t('accounting.entry.deleted'));
      // Leave the page first: refreshed while still open, it would ask for the entry it just deleted.
      await navigate({ to: '/orgs/$orgId/accounting/entries', params: { orgId } });
      queryClient.removeQueries({ queryKey: ledgerKeys.entry(orgId, entryId) });
      await refresh();
    },
    onError: (error) => {
      setDeleting(false);
      setProblem(errorMessage(error, t));
    },
  });
  const reverse = useMutation({
    mutationFn: (date: string) => reverseEntry(orgId, entryId, date),
    onSuccess: async (reversal) => {
      setReversing(false);
      await refresh();
      notify('success', t('accounting.entry.reversedNotice', { number: reversal.number }));
      await navigate({
        to: '/orgs/$orgId/accounting/entries/$entryId',
        params: { orgId, entryId: reversal.id },
      });
    },
  });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('accounting.entries.title')} served={ACCOUNTING_SERVE} />
        <LoadError error={query.error} />
      </>
    );
  const entry = query.data;
  const draft = entry.status === 'draft';

  return (
    <>
      <PageHeader
        title={title(entry)}
        served={ACCOUNTING_SERVE}
        actions={
          writable ? (
            draft ? (
              <>
                <ButtonLink
                  variant="default"
                  to="/orgs/$orgId/accounting/entries/$entryId/edit"
                  params={{ orgId, entryId }}
                  data-testid="entry-edit"
                >
                  {t('accounting.entry.edit')}
                </ButtonLink>
                <Button
                  variant="default"
                  color="red"
                  onClick={() => setDeleting(true)}
                  data-testid="entry-delete"
                >
                  {t('accounting.entry.delete')}
                </Button>
                <Button
                  onClick={() => validate.mutate()}
                  loading={validate.isPending}
                  data-testid="entry-validate"
                >
                  {t('accounting.entry.validate')}
                </Button>
              </>
            ) : entry.reversedBy || entry.sourceRef ? null : (
              <Button
                variant="default"
                onClick={() => {
                  setReversalDate(today());
                  reverse.reset();
                  setReversing(true);
                }}
                data-testid="entry-reverse"
              >
                {t('accounting.entry.reverse')}
              </Button>
            )
          ) : null
        }
      />

      {problem ? (
        <Alert color="red" role="alert" mb="md" data-testid="entry-problem">
          {problem}
        </Alert>
      ) : null}

      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">
          <Field label={t('accounting.fields.status')}>
            <EntryStatusBadge entry={entry} />
          </Field>
          <Field label={t('accounting.fields.number')} testId="entry-detail-number">
            {entry.number ?? '—'}
          </Field>
          <Field label={t('accounting.fields.journal')}>
            {entry.journal} — {entry.journalLabel}
          </Field>
          <Field label={t('accounting.fields.date')}>{day(entry.date)}</Field>
          <Field label={t('accounting.fields.entryLabel')} testId="entry-detail-label">
            {entry.label}
          </Field>
          <Field label={t('accounting.fields.voucherRef')}>{entry.voucherRef ?? '—'}</Field>
          {entry.validatedOn ? (
            <Field label={t('accounting.fields.validatedOn')}>{day(entry.validatedOn)}</Field>
          ) : null}
        </SimpleGrid>
        {entry.sourceRef && entry.status === 'validated' ? (
          <Text size="sm" c="dimmed" mt="md" data-testid="entry-owned-by-document">
            {t('accounting.entry.ownedByDocument')}
          </Text>
        ) : null}
        {entry.reversalOf || entry.reversedBy ? (
          <Stack gap={4} mt="md">
            {entry.reversalOf ? (
              <AnchorLink
                to="/orgs/$orgId/accounting/entries/$entryId"
                params={{ orgId, entryId: entry.reversalOf }}
                data-testid="entry-reversal-of"
              >
                {t('accounting.entry.seeReversed')}
              </AnchorLink>
            ) : null}
            {entry.reversedBy ? (
              <AnchorLink
                to="/orgs/$orgId/accounting/entries/$entryId"
                params={{ orgId, entryId: entry.reversedBy }}
                data-testid="entry-reversed-by"
              >
                {t('accounting.entry.seeReversal')}
              </AnchorLink>
            ) : null}
          </Stack>
        ) : null}
      </Paper>

      {draft ? (
        <Alert {...WARNING} mb="md" data-testid="entry-draft-notice">
          {t('accounting.entry.draftNotice')}
        </Alert>
      ) : null}

      <EntryLinesTable entry={entry} />

      <Modal
        opened={reversing}
        onClose={() => setReversing(false)}
        title={t('accounting.entry.reverseTitle', { number: entry.number })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            reverse.mutate(reversalDate);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('accounting.entry.reverseExplain')}</Text>
            <ErrorAlert error={reverse.error} />
            <TextInput
              type="date"
              label={t('accounting.entry.reversalDate')}
              required
              value={reversalDate}
              onChange={(e) => setReversalDate(e.currentTarget.value)}
              data-testid="reversal-date"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReversing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={reverse.isPending} data-testid="reversal-confirm">
                {t('accounting.entry.reverseConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('accounting.entry.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('accounting.entry.deleteConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => remove.mutate()}
              loading={remove.isPending}
              data-testid="delete-confirm"
            >
              {t('accounting.entry.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
