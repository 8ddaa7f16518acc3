import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractTypes } from '../../../../../src/personnel/employees/contract.ts';
import { channels } from '../../../../../src/personnel/recruitment/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { RECRUITMENT_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { AnchorLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { newIdempotencyKey } from '../../parties/party-api.ts';
import { day } from '../../relations/format.ts';
import {
  careersKeys,
  createOpening,
  type OpeningBody,
  openingsQuery,
  parseEurosText,
  parseHours,
  purgeApplicants,
  retentionQuery,
} from './careers-api.ts';

const route = getRouteApi('/orgs/$orgId/personnel/recruitment/');
export const OPENING_COLORS = {
  draft: 'gray',
  published: 'blue',
  closed: 'grape',
  filled: 'teal',
} as const;

function NewOpeningModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [key] = useState(newIdempotencyKey);
  const [v, setV] = useState({
    title: '',
    service: '',
    contractType: 'cdi' as OpeningBody['contractType'],
    hours: '35',
    salaryMin: '',
    salaryMax: '',
    place: '',
    description: '',
    channels: ['france_travail'] as string[],
    closesOn: '',
  });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const create = useMutation({
    mutationFn: () => {
      const hours = parseHours(v.hours);
      if (hours === null) throw new Error(t('personnel.recruitment.errors.hours'));
      return createOpening(
        orgId,
        {
          title: v.title,
          service: v.service || null,
          contractType: v.contractType,
          weeklyHours: hours,
          salaryMin: parseEurosText(v.salaryMin),
          salaryMax: parseEurosText(v.salaryMax),
          place: v.place || null,
          description: v.description,
          channels: v.channels,
          opensOn: null,
          closesOn: v.closesOn || null,
        },
        key,
      );
    },
    onSuccess: (opening) => {
      notify('success', t('personnel.recruitment.created'));
      void navigate({
        to: '/orgs/$orgId/personnel/recruitment/$openingId',
        params: { orgId, openingId: opening.id },
      });
    },
  });
  return (
    <FormModal
      title={t('personnel.recruitment.new')}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        create.mutate();
      }}
      formTestId="opening-form"
      help={t('personnel.recruitment.help')}
      alert={create.error ? errorMessage(create.error, t) : null}
      pending={create.isPending}
      submitLabel={t('personnel.recruitment.saveDraft')}
      submitTestId="opening-submit"
    >
      <TextInput
        label={t('personnel.recruitment.fields.title')}
        required
        autoFocus
        value={v.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        data-testid="opening-title"
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('personnel.recruitment.fields.service')}
          value={v.service}
          onChange={(e) => set({ service: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('personnel.recruitment.fields.contractType')}
          value={v.contractType}
          onChange={(e) => set({ contractType: e.currentTarget.value as OpeningBody['contractType'] })}
          data={contractTypes.map((c) => ({ value: c, label: t(`personnel.recruitment.contracts.${c}`) }))}
        />
        <TextInput
          label={t('personnel.recruitment.fields.hours')}
          value={v.hours}
          onChange={(e) => set({ hours: e.currentTarget.value })}
        />
        <TextInput
          label={t('personnel.recruitment.fields.place')}
          value={v.place}
          onChange={(e) => set({ place: e.currentTarget.value })}
        />
        <TextInput
          label={t('personnel.recruitment.fields.salaryMin')}
          value={v.salaryMin}
          onChange={(e) => set({ salaryMin: e.currentTarget.value })}
        />
        <TextInput
          label={t('personnel.recruitment.fields.salaryMax')}
          value={v.salaryMax}
          onChange={(e) => set({ salaryMax: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Textarea
        label={t('personnel.recruitment.fields.description')}
        autosize
        minRows={4}
        value={v.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        data-testid="opening-description"
      />
      <Checkbox.Group
        label={t('personnel.recruitment.fields.channels')}
        value={v.channels}
        onChange={(value) => set({ channels: value })}
      >
        <Group gap="sm" mt={4}>
          {channels.map((c) => (
            <Checkbox key={c} value={c} label={t(`personnel.recruitment.channels.${c}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        type="date"
        label={t('personnel.recruitment.fields.closesOn')}
        value={v.closesOn}
        onChange={(e) => set({ closesOn: e.currentTarget.value })}
      />
    </FormModal>
  );
}

function Retention({ orgId, writable }: { orgId: string; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const due = useQuery(retentionQuery(orgId));
  const purge = useMutation({
    mutationFn: () => purgeApplicants(orgId),
    onSuccess: async (r) => {
      notify('success', t('personnel.recruitment.purged', { count: r.purged }));
      await queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const items = due.data?.items ?? [];
  return (
    <section aria-labelledby="retention-title">
      <Title order={2} size="h4" mt="xl" mb="xs" id="retention-title">
        {t('personnel.recruitment.retentionTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('personnel.recruitment.retentionHelp')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="retention-none">
          {t('personnel.recruitment.retentionNone')}
        </Text>
      ) : (
        <Alert color="orange" data-testid="retention-due">
          <Text size="sm">{t('personnel.recruitment.retentionDue', { count: items.length })}</Text>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                {i.name} — {i.openingTitle} — {day(i.lastContactOn)}
              </li>
            ))}
          </ul>
          {writable ? (
            <Button
              color="red"
              loading={purge.isPending}
              onClick={() => {
                if (window.confirm(t('personnel.recruitment.purgeConfirm'))) purge.mutate();
              }}
            >
              {t('personnel.recruitment.purge')}
            </Button>
          ) : null}
        </Alert>
      )}
    </section>
  );
}

export function RecruitmentPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('personnel.write');
  const query = useQuery(openingsQuery(orgId));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('personnel.recruitment.title')}
        served={RECRUITMENT_SERVE}
        actions={
          writable ? (
            <Button onClick={() => setCreating(true)} data-testid="opening-new">
              {t('personnel.recruitment.new')}
            </Button>
          ) : null
        }
      />
      <ListTable
        query={query}
        minWidth={760}
        testId="openings-table"
        caption={t('personnel.recruitment.caption')}
        headers={
          <>
            <Table.Th>{t('personnel.recruitment.fields.title')}</Table.Th>
            <Table.Th>{t('personnel.recruitment.fields.contractType')}</Table.Th>
            <Table.Th>{t('personnel.recruitment.fields.closesOn')}</Table.Th>
            <Table.Th ta="right">{t('personnel.recruitment.fields.applicants')}</Table.Th>
            <Table.Th>{t('personnel.recruitment.fields.status')}</Table.Th>
          </>
        }
        columns={5}
        emptyText={t('personnel.recruitment.empty')}
        row={(o) => (
          <Table.Tr key={o.id} data-testid="opening-row">
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/personnel/recruitment/$openingId"
                params={{ orgId, openingId: o.id }}
                fw={600}
              >
                {o.title}
              </AnchorLink>
              {o.service ? <Text size="xs">{o.service}</Text> : null}
            </Table.Td>
            <Table.Td>{t(`personnel.recruitment.contracts.${o.contractType}`)}</Table.Td>
            <Table.Td>{day(o.closesOn)}</Table.Td>
            <Table.Td ta="right">{o.applicantCount}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={OPENING_COLORS[o.status]}>
                {t(`personnel.recruitment.statuses.${o.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Retention orgId={orgId} writable={writable} />
      {creating ? <NewOpeningModal orgId={orgId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
