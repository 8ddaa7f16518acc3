import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosingDto, FiscalYearDto } from '../../../../src/ledger/fiscal-years/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ACCOUNTING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { EntryLinesTable } from './EntryLinesTable.tsx';
import { day, money } from './format.ts';
import {
  closeFiscalYear,
  entryQuery,
  fiscalYearsQuery,
  ledgerKeys,
  openNextFiscalYear,
} from './ledger-api.ts';
import { WARNING } from './notice.ts';
import { ScrollTable } from './ScrollTable.tsx';

const route = getRouteApi('/orgs/$orgId/accounting/fiscal-years');

/** What a closing did: the result, the next year, and the opening entry it wrote there. */
function ClosingReport({ orgId, closing }: { orgId: string; closing: ClosingDto }) {
  const { t } = useTranslation();
  const opening = useQuery({
    ...entryQuery(orgId, closing.openingEntryId ?? ''),
    enabled: closing.openingEntryId !== null,
  });
  const result = closing.result;
  return (
    <Paper withBorder p="md" mb="lg" data-testid="closing-report">
      <Title order={2} size="h4" mb="sm">
        {t('accounting.fiscalYears.closedTitle', { name: closing.closed.name })}
      </Title>
      <List spacing={4} mb="md">
        <List.Item data-testid="closing-result">
          {result > 0
            ? t('accounting.fiscalYears.profit', { amount: money(result) })
            : result < 0
              ? t('accounting.fiscalYears.loss', { amount: money(-result) })
              : t('accounting.fiscalYears.nil')}
        </List.Item>
        <List.Item>
          {t('accounting.fiscalYears.nextOpen', {
            name: closing.next.name,
            start: day(closing.next.start),
            end: day(closing.next.end),
          })}
        </List.Item>
        <List.Item>
          {closing.openingEntryId ? (
            <AnchorLink
              to="/orgs/$orgId/accounting/entries/$entryId"
              params={{ orgId, entryId: closing.openingEntryId }}
              data-testid="closing-opening-link"
            >
              {t('accounting.fiscalYears.openingEntry', {
                number: opening.data?.number ?? '…',
                date: day(closing.next.start),
              })}
            </AnchorLink>
          ) : (
            t('accounting.fiscalYears.noOpeningEntry')
          )}
        </List.Item>
      </List>
      {opening.isPending && closing.openingEntryId ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : null}
      {opening.data ? (
        <EntryLinesTable entry={opening.data} caption={t('accounting.fiscalYears.openingCaption')} />
      ) : null}
    </Paper>
  );
}

function CloseModal({
  year,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  year: FiscalYearDto;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('accounting.fiscalYears.closeTitle', { name: year.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm" data-testid="close-dialog">
        <Text size="sm">
          {t('accounting.fiscalYears.closeIntro', {
            name: year.name,
            start: day(year.start),
            end: day(year.end),
          })}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('accounting.fiscalYears.closeResult')}</List.Item>
          <List.Item>{t('accounting.fiscalYears.closeCarry')}</List.Item>
          <List.Item>{t('accounting.fiscalYears.closeNext')}</List.Item>
          <List.Item>{t('accounting.fiscalYears.closeLock')}</List.Item>
        </List>
        <Alert {...WARNING}>{t('accounting.fiscalYears.closeBefore')}</Alert>
        {error ? (
          <Alert color="red" role="alert" data-testid="close-error">
            {error}
          </Alert>
        ) : null}
        <Checkbox
          label={t('accounting.fiscalYears.closeUnderstood')}
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="close-understood"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!understood}
            loading={pending}
            onClick={onConfirm}
            data-testid="close-confirm"
          >
            {t('accounting.fiscalYears.closeConfirm', { name: year.name })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Fiscal years: open the next one, close one (with its opening entries in the next). */
export function FiscalYearsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const manage = can('ledger.close');
  const query = useQuery(fiscalYearsQuery(orgId));
  const [closing, setClosing] = useState<FiscalYearDto | null>(null);
  const [closed, setClosed] = useState<ClosingDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const openNext = useMutation({
    mutationFn: () => openNextFiscalYear(orgId),
    onSuccess: async (year) => {
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.fiscalYears(orgId) });
      notify('success', t('accounting.fiscalYears.opened', { name: year.name }));
    },
    onError: (error) => setProblem(errorMessage(error, t)),
  });
  const close = useMutation({
    mutationFn: (year: FiscalYearDto) => closeFiscalYear(orgId, year.id),
    onSuccess: async (result) => {
      setClosing(null);
      setClosed(result);
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) });
      notify('success', t('accounting.fiscalYears.closedTitle', { name: result.closed.name }));
    },
  });

  return (
    <>
      <PageHeader
        title={t('accounting.fiscalYears.title')}
        served={ACCOUNTING_SERVE}
        actions={
          manage ? (
            <Button
              onClick={() => openNext.mutate()}
              loading={openNext.isPending}
              data-testid="fiscal-year-open-next"
            >
              {t('accounting.fiscalYears.openNext')}
            </Button>
          ) : null
        }
      />
      {problem ? (
        <Alert color="red" role="alert" mb="md">
          {problem}
        </Alert>
      ) : null}
      {closed ? <ClosingReport orgId={orgId} closing={closed} /> : null}
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {query.data ? (
        <ScrollTable minWidth={560} label={t('accounting.fiscalYears.caption')}>
          <Table striped verticalSpacing="xs" data-testid="fiscal-year-table">
            <caption>
              <VisuallyHidden>{t('accounting.fiscalYears.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounting.fields.fiscalYear')}</Table.Th>
                <Table.Th>{t('accounting.period.from')}</Table.Th>
                <Table.Th>{t('accounting.period.to')}</Table.Th>
                <Table.Th>{t('accounting.fields.status')}</Table.Th>
                {manage ? (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((year) => (
                <Table.Tr key={year.id} data-testid="fiscal-year-row">
                  <Table.Td fw={700}>{year.name}</Table.Td>
                  <Table.Td>{day(year.start)}</Table.Td>
                  <Table.Td>{day(year.end)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={year.status === 'open' ? 'teal' : 'gray'}>
                      {t(`accounting.fiscalYears.status.${year.status}`)}
                    </Badge>
                    {year.closedAt ? (
                      <Text span size="xs" c="dimmed" ml="xs">
                        {t('accounting.fiscalYears.closedOn', { date: formatDate(year.closedAt) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      {year.status === 'open' ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            close.reset();
                            setClosing(year);
                          }}
                          aria-label={t('accounting.fiscalYears.closeNamed', { name: year.name })}
                          data-testid="fiscal-year-close"
                        >
                          {t('accounting.fiscalYears.close')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {closing ? (
        <CloseModal
          year={closing}
          onClose={() => setClosing(null)}
          onConfirm={() => close.mutate(closing)}
          pending={close.isPending}
          error={close.isError ? errorMessage(close.error, t) : null}
        />
      ) : null}
    </>
  );
}
