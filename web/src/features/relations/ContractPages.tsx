import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { INVOICING_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from './format.ts';
import { frenchDecimal, VAT_RATE_OPTIONS } from './invoice-form-model.ts';
import { newIdempotencyKey, relationsKeys } from './relations-api.ts';
import {
  type ContractBody,
  contractListQuery,
  contractQuery,
  createContract,
  generateContractInvoices,
  salesKeys,
  salesPartiesQuery,
} from './sales-api.ts';

const PERIODICITIES = ['monthly', 'quarterly', 'yearly'] as const;
const decimalText = (text: string) => text.replace(/[\s\u00A0\u202F]/g, '');

/** Contracts and conventions, and the action that makes the invoice drafts of the periods due. */
export function ContractListPage() {
  const { t } = useTranslation();
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const query = useQuery(contractListQuery(orgId));
  const [upTo, setUpTo] = useState(() => new Date().toISOString().slice(0, 10));
  const generate = useMutation({
    mutationFn: () => generateContractInvoices(orgId, upTo),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: salesKeys.contracts(orgId) });
      await queryClient.invalidateQueries({ queryKey: relationsKeys.invoices(orgId) });
      notify('success', t('relations.contracts.generated', { count: result.created.length }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <>
      <PageHeader
        title={t('relations.contracts.title')}
        served={INVOICING_SERVE}
        actions={
          can('sales.write') ? (
            <Button
              onClick={() => navigate({ to: '/orgs/$orgId/relations/contracts/new', params: { orgId } })}
              data-testid="contract-new"
            >
              {t('relations.contracts.new')}
            </Button>
          ) : null
        }
      />
      {can('sales.write') ? (
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput
            type="date"
            label={t('relations.contracts.upTo')}
            value={upTo}
            onChange={(e) => setUpTo(e.currentTarget.value)}
            data-testid="contract-up-to"
          />
          <Button
            loading={generate.isPending}
            onClick={() => generate.mutate()}
            data-testid="contract-generate"
          >
            {t('relations.contracts.generate')}
          </Button>
        </Group>
      ) : null}
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="xs" data-testid="contract-table">
            <caption>
              <VisuallyHidden>{t('relations.contracts.title')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('relations.contracts.fields.label')}</Table.Th>
                <Table.Th>{t('relations.invoices.fields.customer')}</Table.Th>
                <Table.Th>{t('relations.contracts.fields.periodicity')}</Table.Th>
                <Table.Th>{t('relations.contracts.fields.startDate')}</Table.Th>
                <Table.Th ta="right">{t('relations.contracts.perPeriod')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" py="md">
                      {t('relations.contracts.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {query.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="contract-row">
                  <Table.Td>
                    <AnchorLink
                      to="/orgs/$orgId/relations/contracts/$contractId"
                      params={{ orgId, contractId: c.id }}
                      fw={600}
                    >
                      {c.label}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{c.partyName}</Table.Td>
                  <Table.Td>{t(`relations.contracts.periodicities.${c.periodicity}`)}</Table.Td>
                  <Table.Td>{day(c.startDate)}</Table.Td>
                  <Table.Td ta="right">{money(c.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

type LineValues = { label: string; quantity: string; unitPrice: string; vatRate: string; exemption: string };
const emptyLine = (): LineValues => ({
  label: '',
  quantity: '1',
  unitPrice: '',
  vatRate: '20',
  exemption: '',
});

export function NewContractPage() {
  const { t } = useTranslation();
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const customers = useQuery(salesPartiesQuery(orgId));
  const [key] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState({
    partyId: '',
    label: '',
    periodicity: 'monthly' as (typeof PERIODICITIES)[number],
    startDate: '',
    endDate: '',
    lines: [emptyLine()],
  });
  const setLine = (index: number, patch: Partial<LineValues>) =>
    setValues((v) => ({ ...v, lines: v.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  const save = useMutation({
    mutationFn: () => {
      const body: ContractBody = {
        partyId: values.partyId,
        label: values.label,
        periodicity: values.periodicity,
        startDate: values.startDate,
        endDate: values.endDate || null,
        notes: null,
        documentDiscountPercent: '0',
        lines: values.lines.map((l) => ({
          itemId: null,
          label: l.label.trim() || null,
          description: null,
          kind: 'service',
          unit: null,
          quantity: decimalText(l.quantity),
          unitPrice: decimalText(l.unitPrice) || null,
          discountPercent: '0',
          vatRate: decimalText(l.vatRate) || null,
          vatExemptionReason: l.exemption.trim() || null,
        })),
      };
      return createContract(orgId, body, key);
    },
    onSuccess: async (contract) => {
      await queryClient.invalidateQueries({ queryKey: salesKeys.contracts(orgId) });
      notify('success', t('relations.contracts.saved'));
      await navigate({
        to: '/orgs/$orgId/relations/contracts/$contractId',
        params: { orgId, contractId: contract.id },
      });
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  return (
    <>
      <PageHeader title={t('relations.contracts.new')} served={INVOICING_SERVE} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          save.mutate();
        }}
        data-testid="contract-form"
      >
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert" data-testid="form-alert">
              {error}
            </Alert>
          ) : null}
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <NativeSelect
                label={t('relations.invoices.fields.customer')}
                required
                value={values.partyId}
                onChange={(e) => {
                  const partyId = e.currentTarget.value;
                  setValues((v) => ({ ...v, partyId }));
                }}
                data={[
                  { value: '', label: '—' },
                  ...(customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
                data-testid="contract-party"
              />
              <TextInput
                label={t('relations.contracts.fields.label')}
                required
                maxLength={200}
                value={values.label}
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  setValues((v) => ({ ...v, label }));
                }}
                data-testid="contract-label"
              />
              <NativeSelect
                label={t('relations.contracts.fields.periodicity')}
                value={values.periodicity}
                onChange={(e) => {
                  const periodicity = e.currentTarget.value as (typeof PERIODICITIES)[number];
                  setValues((v) => ({ ...v, periodicity }));
                }}
                data={PERIODICITIES.map((p) => ({
                  value: p,
                  label: t(`relations.contracts.periodicities.${p}`),
                }))}
                data-testid="contract-periodicity"
              />
              <TextInput
                type="date"
                label={t('relations.contracts.fields.startDate')}
                required
                value={values.startDate}
                onChange={(e) => {
                  const startDate = e.currentTarget.value;
                  setValues((v) => ({ ...v, startDate }));
                }}
                data-testid="contract-start"
              />
              <TextInput
                type="date"
                label={t('relations.contracts.fields.endDate')}
                value={values.endDate}
                onChange={(e) => {
                  const endDate = e.currentTarget.value;
                  setValues((v) => ({ ...v, endDate }));
                }}
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('relations.invoices.form.lines')}
            </Title>
            <Stack gap="xs">
              {values.lines.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity before saving
                <SimpleGrid key={index} cols={{ base: 1, sm: 5 }} spacing="xs">
                  <TextInput
                    label={t('relations.invoices.lines.label')}
                    value={line.label}
                    onChange={(e) => setLine(index, { label: e.currentTarget.value })}
                    data-testid="contract-line-label"
                  />
                  <TextInput
                    label={t('relations.invoices.lines.quantity')}
                    inputMode="decimal"
                    value={line.quantity}
                    onChange={(e) => setLine(index, { quantity: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('relations.invoices.lines.unitPrice')}
                    inputMode="decimal"
                    value={line.unitPrice}
                    onChange={(e) => setLine(index, { unitPrice: e.currentTarget.value })}
                    data-testid="contract-line-price"
                  />
                  <NativeSelect
                    label={t('relations.invoices.lines.vatRate')}
                    value={line.vatRate}
                    onChange={(e) => setLine(index, { vatRate: e.currentTarget.value })}
                    data={VAT_RATE_OPTIONS.map((r) => ({ value: r, label: `${r} %` }))}
                  />
                  <TextInput
                    label={t('relations.catalogue.fields.vatExemptionReason')}
                    value={line.exemption}
                    onChange={(e) => setLine(index, { exemption: e.currentTarget.value })}
                  />
                </SimpleGrid>
              ))}
            </Stack>
            <Button
              variant="default"
              mt="sm"
              onClick={() => setValues((v) => ({ ...v, lines: [...v.lines, emptyLine()] }))}
            >
              {t('relations.invoices.lines.add')}
            </Button>
          </Paper>
          <Group justify="flex-end">
            <ButtonLink variant="subtle" to="/orgs/$orgId/relations/contracts" params={{ orgId }}>
              {t('relations.contracts.backToList')}
            </ButtonLink>
            <Button type="submit" loading={save.isPending} data-testid="contract-save">
              {t('relations.contracts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

export function ContractPage() {
  const { t } = useTranslation();
  const { orgId, contractId } = useParams({ strict: false }) as { orgId: string; contractId: string };
  const query = useQuery(contractQuery(orgId, contractId));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('relations.contracts.title')} served={INVOICING_SERVE} />
        <LoadError error={query.error} />
      </>
    );
  const c = query.data;
  return (
    <>
      <PageHeader title={c.label} served={INVOICING_SERVE} />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Text fw={600}>{c.partyName}</Text>
          <Text size="sm">
            {t(`relations.contracts.periodicities.${c.periodicity}`)} · {day(c.startDate)}
            {c.endDate ? ` → ${day(c.endDate)}` : ''} · {t('relations.contracts.perPeriod')} :{' '}
            {money(c.total)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm" id="contract-lines-title">
            {t('relations.invoices.form.lines')}
          </Title>
          <Table verticalSpacing={4} aria-labelledby="contract-lines-title">
            <Table.Tbody>
              {c.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.label}</Table.Td>
                  <Table.Td ta="right">{frenchDecimal(l.quantity)}</Table.Td>
                  <Table.Td ta="right">{frenchDecimal(l.unitPrice, 2)} €</Table.Td>
                  <Table.Td ta="right">{frenchDecimal(l.vatRate)} %</Table.Td>
                  <Table.Td>{l.vatExemptionReason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" data-testid="contract-invoices">
          <Title order={2} size="h4" mb="sm" id="contract-invoices-title">
            {t('relations.contracts.invoices')}
          </Title>
          {c.invoices.length === 0 ? (
            <Text size="sm">{t('relations.contracts.noInvoice')}</Text>
          ) : (
            <Table verticalSpacing={4} aria-labelledby="contract-invoices-title">
              <Table.Tbody>
                {c.invoices.map((i) => (
                  <Table.Tr key={i.invoiceId}>
                    <Table.Td>
                      {day(i.periodStart)} → {day(i.periodEnd)}
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink
                        to="/orgs/$orgId/relations/invoices/$invoiceId"
                        params={{ orgId, invoiceId: i.invoiceId }}
                      >
                        {i.number ?? t('relations.invoices.draftNumber')}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td ta="right">{money(i.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Group>
          <ButtonLink variant="subtle" to="/orgs/$orgId/relations/contracts" params={{ orgId }}>
            {t('relations.contracts.backToList')}
          </ButtonLink>
        </Group>
      </Stack>
    </>
  );
}
