import { Button, Loader, NativeSelect, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type JournalInput, journalInput, journalKinds } from '../../../../src/ledger/journals/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { FormModal } from '../../ui/FormModal.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { useFormRefusal } from '../../ui/use-form-refusal.ts';
import { createJournal, journalsQuery, ledgerKeys } from './ledger-api.ts';
import { ScrollTable } from './ScrollTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/journals');

function JournalModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ code: string; label: string; kind: (typeof journalKinds)[number] }>({
    mode: 'controlled',
    initialValues: { code: '', label: '', kind: 'general' },
    validate: schemaResolver(journalInput, { sync: true }),
  });
  const refusal = useFormRefusal(form);
  const create = useMutation({
    mutationFn: (input: JournalInput) => createJournal(orgId, input),
    onSuccess: async (journal) => {
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.journals(orgId) });
      notify('success', t('accounting.journals.created', { code: journal.code }));
      onClose();
    },
    onError: refusal.refuse,
  });
  return (
    <FormModal
      title={t('accounting.journals.new')}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => create.mutate(journalInput.parse(values)))}
      formTestId="journal-form"
      alert={refusal.alert}
      pending={create.isPending}
      submitLabel={t('accounting.journals.create')}
      submitTestId="journal-submit"
    >
      <TextInput
        label={t('accounting.fields.journalCode')}
        description={t('accounting.journals.codeHint')}
        required
        maxLength={10}
        autoComplete="off"
        data-autofocus
        data-testid="journal-code"
        {...form.getInputProps('code')}
      />
      <TextInput
        label={t('accounting.fields.journalLabel')}
        required
        maxLength={100}
        autoComplete="off"
        data-testid="journal-label"
        {...form.getInputProps('label')}
      />
      <NativeSelect
        label={t('accounting.fields.journalKind')}
        data={journalKinds.map((k) => ({ value: k, label: t(`accounting.journalKinds.${k}`) }))}
        data-testid="journal-kind"
        {...form.getInputProps('kind')}
      />
    </FormModal>
  );
}

/** The journals entries are recorded in (sales, purchases, bank, cash, miscellaneous, payroll, opening). */
export function JournalsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(journalsQuery(orgId));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('accounting.journals.title')}
        served={ACCOUNTING_SERVE}
        actions={
          can('ledger.close') ? (
            <Button onClick={() => setCreating(true)} data-testid="journal-new">
              {t('accounting.journals.new')}
            </Button>
          ) : null
        }
      />
      <Text mb="md" maw={820}>
        {t('accounting.journals.intro')}
      </Text>
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {query.data ? (
        <ScrollTable minWidth={480} label={t('accounting.journals.caption')}>
          <Table striped verticalSpacing="xs" data-testid="journal-table">
            <caption>
              <VisuallyHidden>{t('accounting.journals.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('accounting.fields.journalCode')}</Table.Th>
                <Table.Th>{t('accounting.fields.journalLabel')}</Table.Th>
                <Table.Th>{t('accounting.fields.journalKind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((journal) => (
                <Table.Tr key={journal.id} data-testid="journal-row">
                  <Table.Td ff="monospace" fw={700}>
                    {journal.code}
                  </Table.Td>
                  <Table.Td>{journal.label}</Table.Td>
                  <Table.Td>{t(`accounting.journalKinds.${journal.kind}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {creating ? <JournalModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
