import { Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { GeneralLedgerAccount } from '../../../../../src/ledger/reports/contract.ts';
import { ACCOUNTING_SERVE } from '../../../referentiel/activities.ts';
import { AnchorLink } from '../../../ui/links.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { AccountFilter } from '../AccountFilter.tsx';
import { downloadCsv } from '../csv.ts';
import { day, money, moneyOrBlank } from '../format.ts';
import { generalLedgerQuery } from '../ledger-api.ts';
import { ScrollTable } from '../ScrollTable.tsx';
import { PeriodPicker, ReportEmpty, ReportHeader, usePeriodText } from './ReportFrame.tsx';
import { generalLedgerCsv, reportFileName } from './report-csv.ts';
import type { ReportSearch } from './report-search.ts';

const route = getRouteApi('/orgs/$orgId/accounting/reports/general-ledger');

/** A balance with its side, as accountants read it: "1 234,56 € D" (debit) or "… C" (credit). */
export function useBalanceText() {
  const { t } = useTranslation();
  return (cents: number) =>
    cents === 0
      ? money(0)
      : `${money(Math.abs(cents))} ${t(cents > 0 ? 'accounting.generalLedger.debitSide' : 'accounting.generalLedger.creditSide')}`;
}

function AccountLedger({
  orgId,
  account,
  from,
}: {
  orgId: string;
  account: GeneralLedgerAccount;
  from: string;
}) {
  const { t } = useTranslation();
  const balance = useBalanceText();
  const name = account.auxiliary
    ? `${account.account} / ${account.auxiliary} — ${account.auxiliaryLabel ?? ''}`
    : `${account.account} — ${account.label}`;
  const id = `gl-${account.account}-${account.auxiliary ?? ''}`;
  return (
    <section aria-labelledby={id} data-testid="general-ledger-account" data-account={account.account}>
      <Title order={2} size="h4" mb="xs" id={id}>
        {name}
      </Title>
      <ScrollTable minWidth={860} label={name}>
        <Table striped verticalSpacing={4} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounting.fields.date')}</Table.Th>
              <Table.Th>{t('accounting.fields.journal')}</Table.Th>
              <Table.Th>{t('accounting.fields.number')}</Table.Th>
              <Table.Th>{t('accounting.fields.voucherRef')}</Table.Th>
              <Table.Th>{t('accounting.fields.lineLabel')}</Table.Th>
              <Table.Th ta="right">{t('accounting.fields.debit')}</Table.Th>
              <Table.Th ta="right">{t('accounting.fields.credit')}</Table.Th>
              <Table.Th ta="right">{t('accounting.fields.balance')}</Table.Th>
              <Table.Th>{t('accounting.fields.letteringShort')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{day(from)}</Table.Td>
              <Table.Td colSpan={6} fs="italic">
                {t('accounting.generalLedger.opening')}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {balance(account.opening)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            {account.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: report lines have no id, and their order never changes
              <Table.Tr key={`${line.entryId}-${index}`} data-testid="general-ledger-line">
                <Table.Td>{day(line.date)}</Table.Td>
                <Table.Td>{line.journal}</Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/orgs/$orgId/accounting/entries/$entryId"
                    params={{ orgId, entryId: line.entryId }}
                    aria-label={t('accounting.generalLedger.openEntry', { number: line.number })}
                  >
                    {line.number}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{line.voucherRef ?? ''}</Table.Td>
                <Table.Td>
                  {line.label}
                  {line.auxiliary && !account.auxiliary ? (
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {' '}
                      ({line.auxiliary})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{moneyOrBlank(line.debit)}</Table.Td>
                <Table.Td ta="right">{moneyOrBlank(line.credit)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="general-ledger-balance">
                  {balance(line.balance)}
                </Table.Td>
                <Table.Td ff="monospace">{line.lettering ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={5}>
                {t('accounting.generalLedger.totalAndClosing')}
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {money(account.totalDebit)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {money(account.totalCredit)}
              </Table.Td>
              <Table.Td
                ta="right"
                fw={700}
                style={{ whiteSpace: 'nowrap' }}
                data-testid="general-ledger-closing"
              >
                {balance(account.closing)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
    </section>
  );
}

/** The general ledger of an account (or of all): its opening balance, each line, the running balance. */
export function GeneralLedgerPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(
    generalLedgerQuery(orgId, {
      from: search.from,
      to: search.to,
      account: search.account,
      auxiliary: search.auxiliary,
    }),
  );
  const period = usePeriodText();
  const setSearch = (patch: Partial<ReportSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const report = query.data;

  return (
    <>
      <ReportHeader
        orgId={orgId}
        title={t('accounting.generalLedger.title')}
        served={ACCOUNTING_SERVE}
        subtitle={period(report)}
        ready={Boolean(report)}
        exportRequest={{
          report: 'general-ledger',
          query: { from: search.from, to: search.to, account: search.account, auxiliary: search.auxiliary },
        }}
        onCsv={() =>
          report &&
          downloadCsv(
            reportFileName(
              `${t('accounting.generalLedger.file')}${search.account ? `-${search.auxiliary ?? search.account}` : ''}`,
              report.from,
              report.to,
            ),
            generalLedgerCsv(report, t),
          )
        }
      />
      <PeriodPicker orgId={orgId} from={search.from} to={search.to} onChange={(p) => setSearch(p)}>
        <AccountFilter
          orgId={orgId}
          value={{ account: search.account, auxiliary: search.auxiliary }}
          onChange={(choice) => setSearch({ account: choice.account, auxiliary: choice.auxiliary })}
          label={t('accounting.fields.account')}
          testId="general-ledger-account-input"
        />
      </PeriodPicker>
      {!search.account ? (
        <Text size="sm" c="dimmed" mb="md" className="agora-no-print">
          {t('accounting.generalLedger.allAccounts')}
        </Text>
      ) : null}
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {report ? (
        report.accounts.length === 0 ? (
          <ReportEmpty>{t('accounting.generalLedger.empty')}</ReportEmpty>
        ) : (
          <Stack gap="xl" aria-busy={query.isFetching}>
            <VisuallyHidden>
              {t('accounting.generalLedger.count', { count: report.accounts.length })}
            </VisuallyHidden>
            {report.accounts.map((account) => (
              <AccountLedger
                key={`${account.account}-${account.auxiliary ?? ''}`}
                orgId={orgId}
                account={account}
                from={report.from}
              />
            ))}
          </Stack>
        )
      ) : null}
    </>
  );
}
