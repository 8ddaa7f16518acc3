import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateFr, todayIn } from '../../../../../src/kernel/dates/index.ts';
import { partyRoles } from '../../../../../src/kernel/parties/contract.ts';
import type { CampaignDto } from '../../../../../src/relations/prospecting/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { PROSPECTING_SERVE } from '../../../referentiel/activities.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { AnchorLink, ButtonLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { applyServerErrors } from '../../../ui/server-errors.ts';
import { saveFile } from '../relations-api.ts';
import {
  ACTION_KINDS,
  type ActionKind,
  addTargets,
  type CampaignBody,
  campaignKeys,
  campaignQuery,
  convertTarget,
  downloadLetters,
  OUTCOMES,
  type Outcome,
  recordAction,
  removeTarget,
  sendMailing,
  updateCampaign,
} from './campaigns-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/campaigns/$campaignId');
type Target = CampaignDto['targets'][number];

// Merge fields are template tokens, not translations.
const PLACEHOLDERS =
  '{{civilite}} {{nom}} {{contact}} {{adresse}} {{code_postal}} {{ville}} {{email}} {{organisation}} {{date}}';

function CampaignForm({
  orgId,
  campaign,
  readOnly,
}: {
  orgId: string;
  campaign: CampaignDto;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: campaign.name,
      status: campaign.status,
      description: campaign.description ?? '',
      letterSubject: campaign.letterSubject ?? '',
      letterText: campaign.letterText ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const body: CampaignBody = {
        name: v.name.trim(),
        status: v.status,
        description: v.description.trim() || null,
        letterSubject: v.letterSubject.trim() || null,
        letterText: v.letterText.trim() || null,
      };
      return updateCampaign(orgId, campaign.id, body);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(campaignKeys.one(orgId, campaign.id), updated);
      notify('success', t('campaigns.saved'));
    },
    onError: (error) => {
      applyServerErrors(form, error);
      notify('error', errorMessage(error, t));
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="campaign-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Paper withBorder p="md" maw={900}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('campaigns.fields.name')} {...form.getInputProps('name')} />
            <NativeSelect
              label={t('campaigns.fields.status')}
              data={(['active', 'closed'] as const).map((s) => ({
                value: s,
                label: t(`campaigns.statuses.${s}`),
              }))}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('campaigns.fields.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <TextInput
            mt="sm"
            label={t('campaigns.fields.letterSubject')}
            data-testid="campaign-letter-subject"
            {...form.getInputProps('letterSubject')}
          />
          <Textarea
            mt="sm"
            label={t('campaigns.fields.letterText')}
            description={`${t('events.placeholders')} : ${PLACEHOLDERS}`}
            autosize
            minRows={6}
            data-testid="campaign-letter-text"
            {...form.getInputProps('letterText')}
          />
          {readOnly ? null : (
            <Group justify="flex-end" mt="md">
              <Button type="submit" loading={save.isPending} data-testid="campaign-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Paper>
      </fieldset>
    </form>
  );
}

function TargetFilter({ orgId, campaignId }: { orgId: string; campaignId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState('prospect');
  const [city, setCity] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [q, setQ] = useState('');
  const add = useMutation({
    mutationFn: () =>
      addTargets(orgId, campaignId, {
        roles: role ? [role] : [],
        city: city.trim() || undefined,
        postalCodePrefix: postalCode.trim() || undefined,
        q: q.trim() || undefined,
      }),
    onSuccess: ({ added, campaign }) => {
      queryClient.setQueryData(campaignKeys.one(orgId, campaignId), campaign);
      notify('success', t('campaigns.added', { count: added }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Paper withBorder p="md" mt="lg" maw={900}>
      <Title order={2} size="h4" mb="sm">
        {t('campaigns.filter')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('campaigns.filterRole')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          data={[
            { value: '', label: t('campaigns.anyRole') },
            ...partyRoles.map((r) => ({ value: r, label: t(`partyRoles.${r}`) })),
          ]}
          data-testid="target-role"
        />
        <TextInput
          label={t('campaigns.filterCity')}
          value={city}
          onChange={(e) => setCity(e.currentTarget.value)}
          data-testid="target-city"
        />
        <TextInput
          label={t('campaigns.filterPostalCode')}
          value={postalCode}
          onChange={(e) => setPostalCode(e.currentTarget.value)}
          w={160}
        />
        <TextInput
          label={t('campaigns.filterName')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Button loading={add.isPending} onClick={() => add.mutate()} data-testid="target-add">
          {t('campaigns.addTargets')}
        </Button>
      </Group>
    </Paper>
  );
}

function ActionModal({
  orgId,
  campaignId,
  target,
  onClose,
}: {
  orgId: string;
  campaignId: string;
  target: Target;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ActionKind>('call');
  const [date, setDate] = useState(todayIn());
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      recordAction(orgId, campaignId, target.partyId, {
        kind,
        date,
        outcome: outcome || null,
        notes: notes.trim() || null,
      }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.one(orgId, campaignId), campaign);
      notify('success', t('campaigns.actionSaved'));
      onClose();
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('campaigns.actionTitle', { name: target.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <NativeSelect
          label={t('campaigns.actionKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ActionKind)}
          data={ACTION_KINDS.map((k) => ({ value: k, label: t(`campaigns.actionKinds.${k}`) }))}
          data-testid="action-kind"
        />
        <TextInput
          label={t('campaigns.actionDate')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('campaigns.actionOutcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value as Outcome | '')}
          data={[
            { value: '', label: t('campaigns.outcomes.none') },
            ...OUTCOMES.map((o) => ({ value: o, label: t(`campaigns.outcomes.${o}`) })),
          ]}
          data-testid="action-outcome"
        />
        <Textarea
          label={t('campaigns.actionNotes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="action-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Targets({ orgId, campaign, writable }: { orgId: string; campaign: CampaignDto; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [acting, setActing] = useState<Target | null>(null);
  const refresh = (updated: CampaignDto) =>
    queryClient.setQueryData(campaignKeys.one(orgId, campaign.id), updated);
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const convert = useMutation({
    mutationFn: (target: Target) => convertTarget(orgId, campaign.id, target.partyId),
    onSuccess: (updated, target) => {
      refresh(updated);
      notify('success', t('campaigns.convertedNotice', { name: target.name }));
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (partyId: string) => removeTarget(orgId, campaign.id, partyId),
    onSuccess: refresh,
    onError,
  });
  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} size="h4" mb="xs">
        {t('campaigns.targets')} ({campaign.targets.length})
      </Title>
      <Group gap="xs" mb="sm" data-testid="campaign-outcomes">
        {[...OUTCOMES, 'none' as const].map((o) => (
          <Badge key={o} variant="light" color="gray">
            {t(`campaigns.outcomes.${o}`)} : {campaign.outcomes[o]}
          </Badge>
        ))}
        <Badge variant="light" color="teal">
          {t('campaigns.converted')} : {campaign.converted}
        </Badge>
        <Badge variant="light" color="blue" data-testid="campaign-quoted">
          {t('campaigns.quoted')} : {campaign.quoted}
        </Badge>
      </Group>
      {campaign.targets.length === 0 ? (
        <Text>{t('campaigns.noTargets')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="targets-table">
            <caption>
              <VisuallyHidden>{t('campaigns.targetsCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.target')}</Table.Th>
                <Table.Th>{t('campaigns.city')}</Table.Th>
                <Table.Th>{t('campaigns.actions')}</Table.Th>
                <Table.Th>{t('campaigns.outcome')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaign.targets.map((target) => (
                <Table.Tr key={target.partyId} data-testid="target-row">
                  <Table.Td>
                    {target.name}
                    {target.convertedAt ? (
                      <Badge ml="xs" size="sm" color="teal" variant="light">
                        {t('campaigns.converted')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{[target.postalCode, target.city].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>
                    {target.actions
                      .map((a) => `${t(`campaigns.actionKinds.${a.kind}`)} ${formatDateFr(a.date)}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td>
                    <Text span size="sm" data-testid="target-outcome">
                      {target.outcome ? t(`campaigns.outcomes.${target.outcome}`) : ''}
                    </Text>
                    {target.quote ? (
                      <AnchorLink
                        display="block"
                        size="sm"
                        to="/orgs/$orgId/relations/quotes/$documentId"
                        params={{ orgId, documentId: target.quote.id }}
                        data-testid="target-quote-link"
                      >
                        {target.quote.number
                          ? t('campaigns.quoteLink', {
                              number: target.quote.number,
                              status: t(`relations.sales.statuses.${target.quote.status}`),
                            })
                          : t('relations.sales.quote.draftTitle')}
                      </AnchorLink>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {writable ? (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setActing(target)}
                          data-testid="target-action"
                        >
                          {t('campaigns.recordAction')}
                          <VisuallyHidden> — {target.name}</VisuallyHidden>
                        </Button>
                        {target.quote &&
                        target.quote.status !== 'refused' &&
                        target.quote.status !== 'expired' ? null : (
                          <ButtonLink
                            size="compact-xs"
                            variant="light"
                            to="/orgs/$orgId/relations/quotes/new"
                            params={{ orgId }}
                            search={{ partyId: target.partyId, campaignId: campaign.id }}
                            data-testid="target-quote"
                          >
                            {t('campaigns.makeQuote')}
                            <VisuallyHidden> — {target.name}</VisuallyHidden>
                          </ButtonLink>
                        )}
                        {target.convertedAt ? null : (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => convert.mutate(target)}
                            data-testid="target-convert"
                          >
                            {t('campaigns.convert')}
                            <VisuallyHidden> — {target.name}</VisuallyHidden>
                          </Button>
                        )}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => remove.mutate(target.partyId)}
                        >
                          {t('campaigns.remove')}
                          <VisuallyHidden> — {target.name}</VisuallyHidden>
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {acting ? (
        <ActionModal orgId={orgId} campaignId={campaign.id} target={acting} onClose={() => setActing(null)} />
      ) : null}
    </Paper>
  );
}

export function CampaignDetailPage() {
  const { t } = useTranslation();
  const { orgId, campaignId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('prospecting.write');
  const queryClient = useQueryClient();
  const query = useQuery(campaignQuery(orgId, campaignId));
  const [attach, setAttach] = useState(true);
  const letters = useMutation({
    mutationFn: () => downloadLetters(orgId, campaignId),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? 'publipostage.pdf'),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const mailing = useMutation({
    mutationFn: () => sendMailing(orgId, campaignId, attach),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.one(orgId, campaignId) });
      notify('success', t('campaigns.queued', { count: result.queued }));
      if (result.withoutEmail.length > 0)
        notify('error', t('events.withoutEmail', { names: result.withoutEmail.join(', ') }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  const campaign = query.data;
  return (
    <>
      <PageHeader
        title={campaign.name}
        served={PROSPECTING_SERVE}
        actions={
          <>
            <Button
              variant="default"
              loading={letters.isPending}
              onClick={() => letters.mutate()}
              data-testid="campaign-letters"
            >
              {t('campaigns.letters')}
            </Button>
            {writable ? (
              <>
                <Checkbox
                  label={t('campaigns.attachLetter')}
                  checked={attach}
                  onChange={(e) => setAttach(e.currentTarget.checked)}
                />
                <Button
                  loading={mailing.isPending}
                  onClick={() => mailing.mutate()}
                  data-testid="campaign-mailing"
                >
                  {t('campaigns.mailing')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <CampaignForm key={campaign.updatedAt} orgId={orgId} campaign={campaign} readOnly={!writable} />
      {writable ? <TargetFilter orgId={orgId} campaignId={campaignId} /> : null}
      <Targets orgId={orgId} campaign={campaign} writable={writable} />
    </>
  );
}
