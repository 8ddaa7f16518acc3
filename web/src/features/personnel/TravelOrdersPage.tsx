import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../src/kernel/dates/index.ts';
import { type TravelOrderDto, transportModes } from '../../../../src/personnel/expenses/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { TRAVEL_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ListTable } from '../../ui/ListTable.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { day, money } from '../relations/format.ts';
import { parseEuros } from '../relations/receipt-form-model.ts';
import {
  createTravelOrder,
  employeesQuery,
  payAdvance,
  type TravelOrderBody,
  travelKeys,
  travelOrderAction,
  travelOrdersQuery,
} from './expenses-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/travel');
const COLORS = { draft: 'gray', approved: 'blue', done: 'teal', cancelled: 'gray' } as const;

function NewOrderForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const employees = useQuery(employeesQuery(orgId));
  const [employeeId, setEmployeeId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [destination, setDestination] = useState('');
  const [departureDate, setDepartureDate] = useState(todayIn());
  const [returnDate, setReturnDate] = useState(todayIn());
  const [transport, setTransport] = useState<TravelOrderBody['transport']>('personal_car');
  const [fiscalPower, setFiscalPower] = useState('');
  const [electric, setElectric] = useState(false);
  const [estimated, setEstimated] = useState('');
  const [advance, setAdvance] = useState('');
  const save = useMutation({
    mutationFn: () =>
      createTravelOrder(orgId, {
        employeeId,
        purpose: purpose.trim(),
        destination: destination.trim(),
        departureDate,
        returnDate,
        transport,
        fiscalPower: transport === 'personal_car' && fiscalPower ? Number(fiscalPower) : null,
        electric: transport === 'personal_car' && electric,
        estimatedCost: estimated ? (parseEuros(estimated) ?? -1) : 0,
        advance: advance ? (parseEuros(advance) ?? -1) : 0,
      }),
    onSuccess: async () => {
      notify('success', t('personnel.travel.saved'));
      setPurpose('');
      setDestination('');
      await queryClient.invalidateQueries({ queryKey: travelKeys.orders(orgId) });
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('personnel.travel.newTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="order-form"
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <NativeSelect
            label={t('personnel.travel.fields.employee')}
            required
            value={employeeId}
            onChange={(e) => setEmployeeId(e.currentTarget.value)}
            data={[
              { value: '', label: t('personnel.travel.chooseEmployee') },
              ...(employees.data?.items ?? [])
                .filter((e) => !e.leftOn)
                .map((e) => ({ value: e.id, label: `${e.lastName} ${e.firstName}` })),
            ]}
            data-testid="order-employee"
          />
          <TextInput
            label={t('personnel.travel.fields.purpose')}
            required
            maxLength={200}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            data-testid="order-purpose"
          />
          <TextInput
            label={t('personnel.travel.fields.destination')}
            required
            maxLength={200}
            value={destination}
            onChange={(e) => setDestination(e.currentTarget.value)}
            data-testid="order-destination"
          />
          <TextInput
            type="date"
            label={t('personnel.travel.fields.departureDate')}
            required
            value={departureDate}
            onChange={(e) => setDepartureDate(e.currentTarget.value)}
            data-testid="order-departure"
          />
          <TextInput
            type="date"
            label={t('personnel.travel.fields.returnDate')}
            required
            value={returnDate}
            onChange={(e) => setReturnDate(e.currentTarget.value)}
            data-testid="order-return"
          />
          <NativeSelect
            label={t('personnel.travel.fields.transport')}
            value={transport}
            onChange={(e) => setTransport(e.currentTarget.value as TravelOrderBody['transport'])}
            data={transportModes.map((m) => ({ value: m, label: t(`personnel.travel.transports.${m}`) }))}
            data-testid="order-transport"
          />
          {transport === 'personal_car' ? (
            <>
              <TextInput
                label={t('personnel.travel.fields.fiscalPower')}
                description={t('personnel.travel.hints.fiscalPower')}
                required
                inputMode="numeric"
                value={fiscalPower}
                onChange={(e) => setFiscalPower(e.currentTarget.value)}
                data-testid="order-power"
              />
              <Checkbox
                mt="lg"
                label={t('personnel.travel.fields.electric')}
                checked={electric}
                onChange={(e) => setElectric(e.currentTarget.checked)}
                data-testid="order-electric"
              />
            </>
          ) : null}
          <TextInput
            label={t('personnel.travel.fields.estimatedCost')}
            inputMode="decimal"
            value={estimated}
            onChange={(e) => setEstimated(e.currentTarget.value)}
            data-testid="order-estimated"
          />
          <TextInput
            label={t('personnel.travel.fields.advance')}
            inputMode="decimal"
            value={advance}
            onChange={(e) => setAdvance(e.currentTarget.value)}
            data-testid="order-advance"
          />
        </SimpleGrid>
        {save.error ? (
          <Alert color="red" role="alert" mt="sm" data-testid="order-error">
            {errorMessage(save.error, t)}
          </Alert>
        ) : null}
        <Button type="submit" mt="sm" loading={save.isPending} data-testid="order-save">
          {t('personnel.travel.save')}
        </Button>
      </form>
    </Paper>
  );
}

function OrderActions({ orgId, order }: { orgId: string; order: TravelOrderDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: travelKeys.orders(orgId) });
  };
  const act = useMutation({
    mutationFn: (action: 'approve' | 'complete' | 'cancel') => travelOrderAction(orgId, order.id, action),
    onSuccess: done,
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const advance = useMutation({
    mutationFn: () => payAdvance(orgId, order.id, { date: todayIn(), method: 'transfer' }),
    onSuccess: done,
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const label = (key: 'approveOf' | 'advanceOf' | 'completeOf' | 'cancelOf') =>
    t(`personnel.travel.actions.${key}`, { n: order.number ?? order.destination });
  return (
    <Group gap={4} wrap="nowrap">
      {order.status === 'draft' ? (
        <Button
          size="xs"
          onClick={() => act.mutate('approve')}
          aria-label={label('approveOf')}
          data-testid="order-approve"
        >
          {t('personnel.travel.actions.approve')}
        </Button>
      ) : null}
      {(order.status === 'approved' || order.status === 'done') &&
      order.advance > 0 &&
      !order.advancePaidOn ? (
        <Button
          size="xs"
          variant="light"
          onClick={() => advance.mutate()}
          aria-label={label('advanceOf')}
          data-testid="order-pay-advance"
        >
          {t('personnel.travel.actions.advance')}
        </Button>
      ) : null}
      {order.status === 'approved' ? (
        <Button
          size="xs"
          variant="light"
          onClick={() => act.mutate('complete')}
          aria-label={label('completeOf')}
          data-testid="order-complete"
        >
          {t('personnel.travel.actions.complete')}
        </Button>
      ) : null}
      {(order.status === 'draft' || order.status === 'approved') && !order.advancePaidOn ? (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => {
            if (window.confirm(t('personnel.travel.cancelConfirm'))) act.mutate('cancel');
          }}
          aria-label={label('cancelOf')}
          data-testid="order-cancel"
        >
          {t('personnel.travel.actions.cancel')}
        </Button>
      ) : null}
    </Group>
  );
}

/** Personnel › Déplacements: travel orders, entered, approved, their advance paid, done. */
export function TravelOrdersPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(travelOrdersQuery(orgId));
  const writable = can('personnel.write');
  return (
    <>
      <PageHeader title={t('personnel.travel.title')} served={TRAVEL_SERVE} />
      <Stack gap="md">
        {writable ? <NewOrderForm orgId={orgId} /> : null}
        <Text size="sm" aria-live="polite">
          {query.isPending
            ? t('common.loading')
            : t('personnel.travel.total', { count: query.data?.items.length ?? 0 })}
        </Text>
        <ListTable
          query={query}
          minWidth={960}
          testId="order-table"
          caption={t('personnel.travel.caption')}
          headers={
            <>
              <Table.Th>{t('personnel.travel.fields.number')}</Table.Th>
              <Table.Th>{t('personnel.travel.fields.employee')}</Table.Th>
              <Table.Th>{t('personnel.travel.fields.destination')}</Table.Th>
              <Table.Th>{t('personnel.travel.fields.dates')}</Table.Th>
              <Table.Th>{t('personnel.travel.fields.transport')}</Table.Th>
              <Table.Th ta="right">{t('personnel.travel.fields.advance')}</Table.Th>
              <Table.Th>{t('personnel.travel.fields.status')}</Table.Th>
              <Table.Th>{t('personnel.travel.fields.actions')}</Table.Th>
            </>
          }
          columns={8}
          emptyText={t('personnel.travel.empty')}
          row={(o) => (
            <Table.Tr key={o.id} data-testid="order-row">
              <Table.Td fw={600}>{o.number ?? t('personnel.travel.draftNumber')}</Table.Td>
              <Table.Td>{o.employeeName}</Table.Td>
              <Table.Td>
                {o.destination}
                <Text size="xs" c="dimmed">
                  {o.purpose}
                </Text>
              </Table.Td>
              <Table.Td>
                {day(o.departureDate)} → {day(o.returnDate)}
              </Table.Td>
              <Table.Td>
                {t(`personnel.travel.transports.${o.transport}`)}
                {o.fiscalPower ? ` (${o.fiscalPower} CV${o.electric ? ', ⚡' : ''})` : ''}
              </Table.Td>
              <Table.Td ta="right">
                {o.advance > 0 ? money(o.advance) : '—'}
                {o.advancePaidOn ? (
                  <Text size="xs" c="dimmed">
                    {t('personnel.travel.paidOn', { date: day(o.advancePaidOn) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={COLORS[o.status]} data-testid="order-status">
                  {t(`personnel.travel.statuses.${o.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{writable ? <OrderActions orgId={orgId} order={o} /> : null}</Table.Td>
            </Table.Tr>
          )}
        />
      </Stack>
    </>
  );
}
