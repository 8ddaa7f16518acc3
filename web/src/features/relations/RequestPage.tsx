import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateFr, todayIn } from '../../../../src/kernel/dates/index.ts';
import { fillTemplate, type RequestDto } from '../../../../src/relations/requests/contract.ts';
import { useMe, useOrgRole } from '../../auth/session.ts';
import { RECEPTION_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { day } from './format.ts';
import { RequestForm } from './RequestForm.tsx';
import { RequestStatusBadge } from './RequestListPage.tsx';
import { answerRequest, recordsKeys, requestQuery, templatesQuery } from './records-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/requests/$requestId');

function AnswerPanel({ orgId, request }: { orgId: string; request: RequestDto }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const templates = useQuery(templatesQuery(orgId));
  const [templateId, setTemplateId] = useState('');
  const [answer, setAnswer] = useState(request.answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const organisation = me.organisations.find((o) => o.id === orgId)?.name ?? '';
  const send = useMutation({
    mutationFn: (close: boolean) => answerRequest(orgId, request.id, { answer: answer.trim(), close }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(requestQuery(orgId, request.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: recordsKeys.requests(orgId) });
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'parties'] });
      notify('success', t('records.requests.answered'));
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  const apply = () => {
    const template = templates.data?.find((x) => x.id === templateId);
    if (!template) return;
    setAnswer(
      fillTemplate(template.body, {
        nom: request.partyName ?? request.senderName ?? '',
        objet: request.subject,
        organisation,
        date: formatDateFr(todayIn()),
        signataire: me.user.name,
      }),
    );
  };
  const submit = (close: boolean) => {
    if (!answer.trim()) return setError(t('records.requests.errors.answer'));
    setError(null);
    send.mutate(close);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('records.requests.answerTitle')}
        </Title>
        {request.answeredAt ? (
          <Text size="sm">
            {t('records.requests.answeredOn', { date: day(request.answeredAt.slice(0, 10)) })}
          </Text>
        ) : null}
        {(templates.data ?? []).length > 0 ? (
          <Group align="flex-end">
            <NativeSelect
              label={t('records.requests.template')}
              value={templateId}
              onChange={(e) => setTemplateId(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...(templates.data ?? []).map((x) => ({ value: x.id, label: x.name })),
              ]}
              data-testid="answer-template"
            />
            <Button variant="default" onClick={apply} disabled={!templateId} data-testid="answer-apply">
              {t('records.requests.applyTemplate')}
            </Button>
          </Group>
        ) : null}
        <Textarea
          label={t('records.requests.fields.answer')}
          autosize
          minRows={5}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          error={error}
          data-testid="answer-text"
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => submit(false)}
            loading={send.isPending}
            data-testid="answer-send"
          >
            {t('records.requests.sendAnswer')}
          </Button>
          <Button onClick={() => submit(true)} loading={send.isPending} data-testid="answer-close">
            {t('records.requests.answerAndClose')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function RequestPage() {
  const { t } = useTranslation();
  const { orgId, requestId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const query = useQuery(requestQuery(orgId, requestId));
  const queryClient = useQueryClient();
  if (query.isError) return <LoadError error={query.error} />;
  if (query.isPending) return <Loader />;
  const r = query.data;
  const writable = can('parties.write');
  return (
    <>
      <PageHeader
        title={t('records.requests.detailTitle', { subject: r.subject })}
        served={RECEPTION_SERVE}
        actions={
          <>
            {r.partyId ? (
              <ButtonLink
                to="/orgs/$orgId/relations/customers/$partyId"
                params={{ orgId, partyId: r.partyId }}
                variant="default"
                data-testid="request-customer-file"
              >
                {t('records.requests.customerFile')}
              </ButtonLink>
            ) : null}
            <ButtonLink to="/orgs/$orgId/relations/requests" params={{ orgId }} variant="subtle">
              {t('records.requests.backToList')}
            </ButtonLink>
          </>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Group gap="sm" mb="xs">
            <RequestStatusBadge status={r.status} />
            <Text size="sm">
              {t(`records.channels.${r.channel}`)} · {t('records.requests.fields.receivedAt')}{' '}
              {day(r.receivedAt.slice(0, 10))}
            </Text>
          </Group>
          <Text size="sm">
            {t('records.requests.fields.sender')} :{' '}
            {[r.senderName, r.senderEmail, r.senderPhone].filter(Boolean).join(' · ') || '—'}
            {r.partyId ? (
              <>
                {' '}
                (
                <AnchorLink
                  to="/orgs/$orgId/relations/customers/$partyId"
                  params={{ orgId, partyId: r.partyId }}
                >
                  {r.partyName}
                </AnchorLink>
                )
              </>
            ) : null}
          </Text>
          <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="request-message">
            {r.message}
          </Text>
        </Paper>
        {writable ? (
          <>
            <AnswerPanel key={r.updatedAt} orgId={orgId} request={r} />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('records.requests.handling')}
              </Title>
              <RequestForm
                key={r.updatedAt}
                orgId={orgId}
                request={r}
                onDone={() => void queryClient.invalidateQueries({ queryKey: recordsKeys.requests(orgId) })}
              />
            </Paper>
          </>
        ) : r.answer ? (
          <Alert title={t('records.requests.fields.answer')}>{r.answer}</Alert>
        ) : null}
      </Stack>
    </>
  );
}
