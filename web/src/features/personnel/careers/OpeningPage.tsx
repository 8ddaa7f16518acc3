import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
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
import type { ApplicantDto } from '../../../../../src/personnel/recruitment/contract.ts';
import { useOrgRole } from '../../../auth/session.ts';
import { RECRUITMENT_SERVE } from '../../../referentiel/activities.ts';
import { downloadBlob } from '../../../ui/download.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { ButtonLink } from '../../../ui/links.tsx';
import { notify } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { LoadError } from '../../../ui/StatusPages.tsx';
import { day, money } from '../../relations/format.ts';
import { InterviewModal, NewApplicantModal } from './ApplicantModals.tsx';
import {
  careersKeys,
  closeOpening,
  downloadRefusalLetter,
  hoursText,
  openingQuery,
  publishOpening,
  refuseApplicant,
  setStep,
} from './careers-api.ts';
import { OpeningModal } from './OpeningModal.tsx';
import { OPENING_COLORS } from './RecruitmentPage.tsx';

const route = getRouteApi('/orgs/$orgId/personnel/recruitment/$openingId/');
const STEPS = ['received', 'preselected', 'interview', 'offer'] as const;
const OPEN = new Set<string>(STEPS);
const APPLICANT_COLORS = {
  received: 'gray',
  preselected: 'blue',
  interview: 'indigo',
  offer: 'violet',
  hired: 'teal',
  refused: 'red',
} as const;

function ApplicantRow({
  orgId,
  openingId,
  a,
  writable,
  onInterview,
}: {
  orgId: string;
  openingId: string;
  a: ApplicantDto;
  writable: boolean;
  onInterview: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = `${a.firstName} ${a.lastName}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
  const onError = (error: unknown) => notify('error', errorMessage(error, t));
  const step = useMutation({
    mutationFn: (s: string) => setStep(orgId, a.id, s),
    onSuccess: refresh,
    onError,
  });
  const refuse = useMutation({
    mutationFn: () => refuseApplicant(orgId, a.id, new Date().toISOString().slice(0, 10)),
    onSuccess: refresh,
    onError,
  });
  const open = OPEN.has(a.status);
  return (
    <Table.Tr data-testid="applicant-row">
      <Table.Td fw={600}>
        {a.lastName} {a.firstName}
        <Text size="xs">{[a.email, a.phone].filter(Boolean).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>{day(a.cvReceivedOn)}</Table.Td>
      <Table.Td>{a.source ?? ''}</Table.Td>
      <Table.Td>
        {writable && open ? (
          <NativeSelect
            size="xs"
            aria-label={t('personnel.recruitment.stepFor', { name })}
            value={a.status}
            onChange={(e) => step.mutate(e.currentTarget.value)}
            data={STEPS.map((s) => ({ value: s, label: t(`personnel.recruitment.applicantStatuses.${s}`) }))}
            data-testid="applicant-step"
          />
        ) : (
          <Badge variant="light" color={APPLICANT_COLORS[a.status]}>
            {t(`personnel.recruitment.applicantStatuses.${a.status}`)}
            {a.refusedOn ? ` — ${day(a.refusedOn)}` : ''}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {a.interviews.map((i) => (
          <Text size="xs" key={i.id}>
            {day(i.heldOn)} — {i.interviewers}
            {i.notes ? ` : ${i.notes}` : ''}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {writable && open ? (
            <>
              <Button size="compact-sm" variant="default" onClick={onInterview}>
                {t('personnel.recruitment.interview')}
              </Button>
              <ButtonLink
                size="compact-sm"
                to="/orgs/$orgId/personnel/recruitment/$openingId/hire/$applicantId"
                params={{ orgId, openingId, applicantId: a.id }}
                aria-label={t('personnel.recruitment.hireFor', { name })}
                data-testid="applicant-hire"
              >
                {t('personnel.recruitment.hire')}
              </ButtonLink>
              <Button
                size="compact-sm"
                variant="default"
                color="red"
                loading={refuse.isPending}
                aria-label={t('personnel.recruitment.refuseFor', { name })}
                onClick={() => {
                  if (window.confirm(t('personnel.recruitment.refuseConfirm', { name }))) refuse.mutate();
                }}
              >
                {t('personnel.recruitment.refuse')}
              </Button>
            </>
          ) : null}
          {a.status === 'refused' ? (
            <Button
              size="compact-sm"
              variant="default"
              aria-label={t('personnel.recruitment.letterFor', { name })}
              onClick={async () => {
                try {
                  const file = await downloadRefusalLetter(orgId, a.id);
                  downloadBlob(file.blob, file.fileName ?? 'refus.pdf');
                } catch (error) {
                  onError(error);
                }
              }}
            >
              {t('personnel.recruitment.letter')}
            </Button>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function OpeningPage() {
  const { t } = useTranslation();
  const { orgId, openingId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const writable = can('personnel.write');
  const queryClient = useQueryClient();
  const query = useQuery(openingQuery(orgId, openingId));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [interviewing, setInterviewing] = useState<ApplicantDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: careersKeys.all(orgId) });
  const publish = useMutation({ mutationFn: () => publishOpening(orgId, openingId), onSuccess: refresh });
  const close = useMutation({ mutationFn: () => closeOpening(orgId, openingId), onSuccess: refresh });
  if (query.isError) return <LoadError error={query.error} />;
  if (!query.data) return <PageLoader />;
  const o = query.data;
  const failure = publish.error ?? close.error;
  return (
    <>
      <PageHeader
        title={o.title}
        served={RECRUITMENT_SERVE}
        actions={
          writable ? (
            <>
              {o.status === 'draft' ? (
                <Button
                  loading={publish.isPending}
                  onClick={() => publish.mutate()}
                  data-testid="opening-publish"
                >
                  {t('personnel.recruitment.publish')}
                </Button>
              ) : null}
              {o.status === 'draft' || o.status === 'published' ? (
                <Button variant="default" onClick={() => setEditing(true)} data-testid="opening-edit">
                  {t('personnel.recruitment.edit')}
                </Button>
              ) : null}
              {o.status === 'published' ? (
                <Button onClick={() => setAdding(true)} data-testid="applicant-new">
                  {t('personnel.recruitment.addApplicant')}
                </Button>
              ) : null}
              {o.status === 'draft' || o.status === 'published' ? (
                <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
                  {t('personnel.recruitment.close')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {failure ? (
        <Alert color="red" role="alert" mb="md" data-testid="opening-error">
          {errorMessage(failure, t)}
        </Alert>
      ) : null}
      <Paper withBorder p="md" mb="lg">
        <Stack gap={4}>
          <Group gap="sm">
            <Badge variant="light" color={OPENING_COLORS[o.status]} data-testid="opening-status">
              {t(`personnel.recruitment.statuses.${o.status}`)}
            </Badge>
            <Text size="sm">
              {t(`personnel.recruitment.contracts.${o.contractType}`)} · {hoursText(o.weeklyHours)}
              {o.salaryMin !== null || o.salaryMax !== null
                ? ` · ${[o.salaryMin, o.salaryMax]
                    .filter((x): x is number => x !== null)
                    .map((x) => money(x))
                    .join(' – ')}`
                : ''}
              {o.place ? ` · ${o.place}` : ''}
            </Text>
          </Group>
          <Text size="sm">
            {t('personnel.recruitment.fields.channels')} :{' '}
            {o.channels.map((c) => t(`personnel.recruitment.channels.${c}`)).join(', ') || '—'}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.description}
          </Text>
        </Stack>
      </Paper>
      <Title order={2} size="h4" mb="xs">
        {t('personnel.recruitment.applicantsTitle', { count: o.applicants.length })}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="applicants-table">
          <caption>
            <VisuallyHidden>{t('personnel.recruitment.applicantsCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('personnel.recruitment.fields.applicant')}</Table.Th>
              <Table.Th>{t('personnel.recruitment.fields.cvReceivedOn')}</Table.Th>
              <Table.Th>{t('personnel.recruitment.fields.sourceShort')}</Table.Th>
              <Table.Th>{t('personnel.recruitment.fields.status')}</Table.Th>
              <Table.Th>{t('personnel.recruitment.fields.interviews')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.applicants.map((a) => (
              <ApplicantRow
                key={a.id}
                orgId={orgId}
                openingId={openingId}
                a={a}
                writable={writable}
                onInterview={() => setInterviewing(a)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? <OpeningModal orgId={orgId} opening={o} onClose={() => setEditing(false)} /> : null}
      {adding ? (
        <NewApplicantModal orgId={orgId} openingId={openingId} onClose={() => setAdding(false)} />
      ) : null}
      {interviewing ? (
        <InterviewModal
          orgId={orgId}
          applicantId={interviewing.id}
          name={`${interviewing.firstName} ${interviewing.lastName}`}
          onClose={() => setInterviewing(null)}
        />
      ) : null}
    </>
  );
}
