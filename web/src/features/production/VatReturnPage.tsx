import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
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
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import type { VatReturnLine } from '../../../../src/production/vat-returns/contract.ts';
import { useOrgRole, useSimulatedToday } from '../../auth/session.ts';
import { VAT_RETURN_SERVE } from '../../referentiel/activities.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ExportButtons } from '../../ui/ExportButtons.tsx';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { ledgerKeys } from '../accounting/ledger-api.ts';
import { WARNING } from '../accounting/notice.ts';
import { day, money } from '../relations/format.ts';
import {
  downloadVatReturn,
  fileVatReturn,
  payVatReturn,
  periodChoices,
  periodLabel,
  type VatReturnDto,
  vatReturnKeys,
  vatReturnListQuery,
  vatReturnQuery,
  wholeEuros,
} from './vat-returns-api.ts';

// The VAT return (déclaration de TVA, form 3310-CA3-SD) of a month or a quarter, laid out as the form's
// frame: operations, gross VAT, deductible VAT, result; computed live until it is filed, then kept as
// filed with its settlement entry (OD). The filed returns are listed under it.

const route = getRouteApi('/orgs/$orgId/production/vat-returns');
const SECTIONS = ['operations', 'gross', 'deductible', 'result'] as const;

/** The line the return ends on: 28 « TVA nette due », or 27 « Crédit à reporter » when there is a credit. */
const resultCode = (r: Pick<VatReturnDto, 'vatDue' | 'creditCarried'>) =>
  r.creditCarried > 0 && r.vatDue === 0 ? '27' : '28';

function SectionTable({
  section,
  lines,
  highlight,
}: {
  section: (typeof SECTIONS)[number];
  lines: VatReturnLine[];
  highlight: string;
}) {
  const { t } = useTranslation();
  const id = `vat-section-${section}`;
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" mb={4} id={id}>
        {t(`production.vatReturn.sections.${section}`)}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} withTableBorder withColumnBorders data-testid={id}>
          <caption>
            <VisuallyHidden>{t(`production.vatReturn.sections.${section}`)}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={72}>{t('production.vatReturn.columns.code')}</Table.Th>
              <Table.Th>{t('production.vatReturn.columns.label')}</Table.Th>
              <Table.Th w={140} ta="right">
                {t('production.vatReturn.columns.base')}
              </Table.Th>
              <Table.Th w={140} ta="right">
                {t('production.vatReturn.columns.amount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => {
              const strong = l.code === highlight;
              return (
                <Table.Tr
                  key={l.code}
                  data-testid={`vat-line-${l.code}`}
                  data-highlight={strong ? 'true' : undefined}
                  bg={strong ? 'var(--mantine-color-blue-light)' : undefined}
                  fw={strong ? 700 : undefined}
                >
                  <Table.Th scope="row" fw={strong ? 700 : 600}>
                    {l.code}
                  </Table.Th>
                  <Table.Td>{l.label}</Table.Td>
                  <Table.Td ta="right" data-testid="vat-line-base">
                    {l.base === null ? '' : wholeEuros(l.base)}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="vat-line-amount">
                    {wholeEuros(l.amount)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function FileModal({
  orgId,
  vatReturn,
  onClose,
}: {
  orgId: string;
  vatReturn: VatReturnDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = route.useNavigate();
  const label = periodLabel(vatReturn.period, t);
  const file = useMutation({
    mutationFn: () => fileVatReturn(orgId, vatReturn.period),
    onSuccess: async (filed) => {
      queryClient.setQueryData(vatReturnKeys.one(orgId, filed.period), filed);
      onClose();
      // The page stays on the filed period, not on the next one to file that the list now names.
      await navigate({ search: { period: filed.period }, replace: true });
      notify('success', t('production.vatReturn.filedNotice', { period: label }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: vatReturnKeys.all(orgId) }),
        queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
      ]);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('production.vatReturn.confirm.title', { period: label })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm" data-testid="vat-file-dialog">
        <Text size="sm">
          {vatReturn.vatDue > 0
            ? t('production.vatReturn.confirm.due', { amount: wholeEuros(vatReturn.vatDue) })
            : vatReturn.creditCarried > 0
              ? t('production.vatReturn.confirm.credit', { amount: wholeEuros(vatReturn.creditCarried) })
              : t('production.vatReturn.confirm.nil')}
        </Text>
        <Text size="sm">{t('production.vatReturn.confirm.body', { date: day(vatReturn.to) })}</Text>
        <ErrorAlert error={file.error} testId="vat-file-error" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={file.isPending} onClick={() => file.mutate()} data-testid="vat-file-confirm">
            {t('production.vatReturn.file')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** PDF, Excel and CSV of the return, made by the server in the form's order. */
function VatReturnExports({ orgId, period }: { orgId: string; period: string }) {
  return (
    <ExportButtons
      formats={['pdf', 'xlsx', 'csv']}
      fetchFile={(format) => downloadVatReturn(orgId, period, format)}
      fallbackName={(format) => `declaration-tva-${period}.${format}`}
      testIdPrefix="vat-export"
      size="xs"
      align="start"
    />
  );
}

/** The payment of the VAT due to the Treasury, once the return is filed; or the payment made. */
function VatPayment({ orgId, vatReturn }: { orgId: string; vatReturn: VatReturnDto }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const simulatedToday = useSimulatedToday(orgId);
  const [date, setDate] = useState(simulatedToday ?? todayIn());
  const [reference, setReference] = useState('');
  const pay = useMutation({
    mutationFn: () => payVatReturn(orgId, vatReturn.period, { date, reference: reference.trim() || null }),
    onSuccess: async (paid) => {
      queryClient.setQueryData(vatReturnKeys.one(orgId, paid.period), paid);
      notify('success', t('production.vatReturn.payment.paidNotice'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: vatReturnKeys.all(orgId) }),
        queryClient.invalidateQueries({ queryKey: ledgerKeys.all(orgId) }),
      ]);
    },
  });
  if (vatReturn.payment)
    return (
      <Text size="sm" data-testid="vat-payment">
        {t('production.vatReturn.payment.paid', { date: day(vatReturn.payment.date) })}{' '}
        <AnchorLink
          to="/orgs/$orgId/accounting/entries/$entryId"
          params={{ orgId, entryId: vatReturn.payment.entry.id }}
          data-testid="vat-payment-entry-link"
        >
          {t('production.vatReturn.payment.entry', { number: vatReturn.payment.entry.number })}
        </AnchorLink>
      </Text>
    );
  if (vatReturn.vatDue === 0 || !can('ledger.write')) return null;
  return (
    <Paper withBorder p="sm" className="agora-no-print">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          pay.mutate();
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('production.vatReturn.payment.title', { amount: wholeEuros(vatReturn.vatDue) })}
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label={t('production.vatReturn.payment.date')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
              data-testid="vat-payment-date"
            />
            <TextInput
              label={t('production.vatReturn.payment.reference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              maxLength={100}
              data-testid="vat-payment-reference"
            />
            <Button type="submit" loading={pay.isPending} data-testid="vat-payment-submit">
              {t('production.vatReturn.payment.submit')}
            </Button>
          </Group>
          <ErrorAlert error={pay.error} testId="vat-payment-error" />
        </Stack>
      </form>
    </Paper>
  );
}

function VatReturnForm({ orgId, vatReturn }: { orgId: string; vatReturn: VatReturnDto }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  const [confirming, setConfirming] = useState(false);
  const filed = vatReturn.status === 'filed';
  const highlight = resultCode(vatReturn);
  return (
    <Paper withBorder p="md" data-testid="vat-return">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('production.vatReturn.returnTitle', { period: periodLabel(vatReturn.period, t) })}
          </Title>
          <Text size="sm">
            {t('production.vatReturn.range', { from: day(vatReturn.from), to: day(vatReturn.to) })}
          </Text>
        </Stack>
        <Badge size="lg" variant="light" color={filed ? 'teal' : 'gray'} data-testid="vat-return-status">
          {filed && vatReturn.filedAt
            ? t('production.vatReturn.statuses.filed', { date: formatDate(vatReturn.filedAt) })
            : t('production.vatReturn.statuses.preview')}
        </Badge>
      </Group>
      <Stack gap="md">
        {filed ? (
          <Text size="sm" data-testid="vat-return-entry">
            {vatReturn.entry ? (
              <AnchorLink
                to="/orgs/$orgId/accounting/entries/$entryId"
                params={{ orgId, entryId: vatReturn.entry.id }}
                data-testid="vat-return-entry-link"
              >
                {t('production.vatReturn.entry', { number: vatReturn.entry.number })}
              </AnchorLink>
            ) : (
              t('production.vatReturn.noEntry')
            )}
          </Text>
        ) : null}
        {vatReturn.creditNotesToReview.length > 0 ? (
          <Alert
            {...WARNING}
            title={t('production.vatReturn.creditNotes.title')}
            data-testid="vat-credit-notes"
          >
            <Text size="sm" mb="xs">
              {t('production.vatReturn.creditNotes.body')}
            </Text>
            <List size="sm">
              {vatReturn.creditNotesToReview.map((c) => (
                <List.Item key={c.number}>
                  {t('production.vatReturn.creditNotes.item', {
                    number: c.number,
                    date: day(c.issueDate),
                    vat: money(c.vat),
                  })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {SECTIONS.map((section) => (
          <SectionTable
            key={section}
            section={section}
            lines={vatReturn.lines.filter((l) => l.section === section)}
            highlight={highlight}
          />
        ))}
        <Text fw={700} data-testid="vat-return-result">
          {highlight === '27'
            ? t('production.vatReturn.creditCarried', { amount: wholeEuros(vatReturn.creditCarried) })
            : t('production.vatReturn.vatDue', { amount: wholeEuros(vatReturn.vatDue) })}
        </Text>
        {filed ? <VatPayment orgId={orgId} vatReturn={vatReturn} /> : null}
        <VatReturnExports orgId={orgId} period={vatReturn.period} />
        {filed ? null : vatReturn.notFileable ? (
          <Alert color="blue" data-testid="vat-not-fileable">
            {vatReturn.notFileable}
          </Alert>
        ) : can('ledger.write') ? (
          <Group>
            <Button onClick={() => setConfirming(true)} data-testid="vat-file">
              {t('production.vatReturn.file')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {confirming ? (
        <FileModal orgId={orgId} vatReturn={vatReturn} onClose={() => setConfirming(false)} />
      ) : null}
    </Paper>
  );
}

export function VatReturnPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const simulatedToday = useSimulatedToday(orgId);
  const list = useQuery(vatReturnListQuery(orgId));
  const frequency = list.data?.frequency ?? null;
  const period = search.period ?? list.data?.nextPeriod ?? null;
  const current = useQuery({
    ...vatReturnQuery(orgId, period ?? ''),
    enabled: frequency !== null && period !== null,
  });
  const filed = new Set(list.data?.filed.map((r) => r.period));
  const choices = frequency
    ? periodChoices(frequency, simulatedToday ?? todayIn(), [list.data?.nextPeriod, period])
    : [];
  return (
    <>
      <PageHeader title={t('production.vatReturn.title')} served={VAT_RETURN_SERVE} />
      {list.isError ? <LoadError error={list.error} /> : null}
      {list.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
      {list.data && frequency === null ? (
        <Alert color="blue" title={t('production.vatReturn.noCa3.title')} data-testid="vat-no-ca3">
          {t('production.vatReturn.noCa3.body')}
        </Alert>
      ) : null}
      {list.data && frequency !== null ? (
        <Stack gap="md">
          <NativeSelect
            label={t('production.vatReturn.period')}
            description={t(`production.vatReturn.frequencies.${frequency}`)}
            value={period ?? ''}
            onChange={(e) => void navigate({ search: { period: e.currentTarget.value }, replace: true })}
            data={choices.map((p) => ({
              value: p,
              label: filed.has(p)
                ? t('production.vatReturn.filedOption', { period: periodLabel(p, t) })
                : periodLabel(p, t),
            }))}
            maw={320}
            data-testid="vat-period"
          />
          {current.isError ? <ErrorAlert error={current.error} testId="vat-return-error" /> : null}
          {current.isPending && period ? <Text size="sm">{t('common.loading')}</Text> : null}
          {current.data ? <VatReturnForm orgId={orgId} vatReturn={current.data} /> : null}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('production.vatReturn.filedTitle')}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" data-testid="vat-filed">
                <caption>
                  <VisuallyHidden>{t('production.vatReturn.filedTitle')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('production.vatReturn.period')}</Table.Th>
                    <Table.Th ta="right">{t('production.vatReturn.columns.vatDue')}</Table.Th>
                    <Table.Th ta="right">{t('production.vatReturn.columns.creditCarried')}</Table.Th>
                    <Table.Th>{t('production.vatReturn.columns.filedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.filed.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Text size="sm" py="xs">
                          {t('production.vatReturn.noneFiled')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  {list.data.filed.map((r) => (
                    <Table.Tr key={r.period} data-testid="vat-filed-row">
                      <Table.Td>
                        <AnchorLink
                          to="/orgs/$orgId/production/vat-returns"
                          params={{ orgId }}
                          search={{ period: r.period }}
                          size="sm"
                          aria-current={r.period === period ? 'page' : undefined}
                        >
                          {periodLabel(r.period, t)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td ta="right">{wholeEuros(r.vatDue)}</Table.Td>
                      <Table.Td ta="right">{wholeEuros(r.creditCarried)}</Table.Td>
                      <Table.Td>{r.filedAt ? formatDate(r.filedAt) : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      ) : null}
    </>
  );
}
