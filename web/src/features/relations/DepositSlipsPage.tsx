import {
  Button,
  Checkbox,
  Group,
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
import { useOrgRole } from '../../auth/session.ts';
import { RECEIPTS_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day, money } from './format.ts';
import {
  createDepositSlip,
  depositSlipsQuery,
  downloadDepositSlip,
  receiptKeys,
  receiptListQuery,
} from './receipts-api.ts';
import { newIdempotencyKey, saveFile } from './relations-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/deposit-slips');

/** Cheques waiting to be taken to the bank, and the slips already made. */
export function DepositSlipsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const queryClient = useQueryClient();
  const cheques = useQuery(receiptListQuery(orgId, 1, true));
  const slips = useQuery(depositSlipsQuery(orgId));
  const [selected, setSelected] = useState<string[]>([]);
  const [date, setDate] = useState(todayIn());
  const [key, setKey] = useState(newIdempotencyKey);
  const items = cheques.data?.items ?? [];
  const total = items.filter((c) => selected.includes(c.id)).reduce((s, c) => s + c.amount, 0);
  const create = useMutation({
    mutationFn: () => createDepositSlip(orgId, date, selected, key),
    onSuccess: async (slip) => {
      setSelected([]);
      setKey(newIdempotencyKey());
      await queryClient.invalidateQueries({ queryKey: receiptKeys.all(orgId) });
      await queryClient.invalidateQueries({ queryKey: receiptKeys.slips(orgId) });
      notify('success', t('relations.depositSlips.created', { number: slip.number }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const download = useMutation({
    mutationFn: (slipId: string) => downloadDepositSlip(orgId, slipId),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? 'remise.pdf'),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <>
      <PageHeader title={t('relations.depositSlips.title')} served={RECEIPTS_SERVE} />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('relations.depositSlips.pending')}
          </Title>
          {cheques.isError ? <LoadError error={cheques.error} /> : null}
          {items.length === 0 && !cheques.isPending ? (
            <Text size="sm" data-testid="deposit-no-cheque">
              {t('relations.depositSlips.noCheque')}
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="deposit-cheques">
              <caption>
                <VisuallyHidden>{t('relations.depositSlips.pending')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <VisuallyHidden>{t('relations.depositSlips.select')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('relations.receipts.fields.number')}</Table.Th>
                  <Table.Th>{t('relations.receipts.fields.date')}</Table.Th>
                  <Table.Th>{t('relations.receipts.fields.customer')}</Table.Th>
                  <Table.Th>{t('relations.depositSlips.chequeNumber')}</Table.Th>
                  <Table.Th ta="right">{t('relations.receipts.fields.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid="deposit-cheque-row">
                    <Table.Td>
                      <Checkbox
                        aria-label={t('relations.depositSlips.selectOne', { number: c.number })}
                        checked={selected.includes(c.id)}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked
                              ? [...selected, c.id]
                              : selected.filter((id) => id !== c.id),
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td>{c.number}</Table.Td>
                    <Table.Td>{day(c.date)}</Table.Td>
                    <Table.Td>{c.customerName}</Table.Td>
                    <Table.Td>{c.reference}</Table.Td>
                    <Table.Td ta="right">{money(c.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {can('sales.write') && items.length > 0 ? (
            <Group align="flex-end" mt="sm">
              <TextInput
                type="date"
                label={t('relations.depositSlips.date')}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
              />
              <Button
                disabled={selected.length === 0}
                loading={create.isPending}
                onClick={() => create.mutate()}
                data-testid="deposit-create"
              >
                {t('relations.depositSlips.create', { count: selected.length, amount: money(total) })}
              </Button>
            </Group>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('relations.depositSlips.done')}
          </Title>
          {(slips.data?.items ?? []).length === 0 ? (
            <Text size="sm">{t('relations.depositSlips.none')}</Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="deposit-slips">
              <caption>
                <VisuallyHidden>{t('relations.depositSlips.done')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.receipts.fields.number')}</Table.Th>
                  <Table.Th>{t('relations.receipts.fields.date')}</Table.Th>
                  <Table.Th ta="right">{t('relations.depositSlips.count')}</Table.Th>
                  <Table.Th ta="right">{t('relations.receipts.fields.amount')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('relations.depositSlips.pdf')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {slips.data?.items.map((s) => (
                  <Table.Tr key={s.id} data-testid="deposit-slip-row">
                    <Table.Td fw={600}>{s.number}</Table.Td>
                    <Table.Td>{day(s.date)}</Table.Td>
                    <Table.Td ta="right">{s.chequeCount}</Table.Td>
                    <Table.Td ta="right">{money(s.total)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => download.mutate(s.id)}
                        aria-label={t('relations.depositSlips.pdfOf', { number: s.number })}
                      >
                        {t('relations.depositSlips.pdf')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </>
  );
}
