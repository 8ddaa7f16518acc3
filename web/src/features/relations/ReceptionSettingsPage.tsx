import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RequestFormSettingsDto,
  TEMPLATE_PLACEHOLDERS,
} from '../../../../src/relations/requests/contract.ts';
import { useOrgRole } from '../../auth/session.ts';
import { RECEPTION_SERVE } from '../../referentiel/activities.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import {
  deleteTemplate,
  recordsKeys,
  requestFormQuery,
  saveRequestForm,
  saveTemplate,
  templatesQuery,
} from './records-api.ts';

const route = getRouteApi('/orgs/$orgId/relations/reception');

function FormSettings({
  orgId,
  settings,
  editable,
}: {
  orgId: string;
  settings: RequestFormSettingsDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [intro, setIntro] = useState(settings.intro ?? '');
  const [categories, setCategories] = useState(settings.categories.join('\n'));
  const [answerDays, setAnswerDays] = useState<number | string>(settings.answerDays);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      saveRequestForm(orgId, {
        enabled,
        intro: intro.trim() || null,
        categories: categories
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
        answerDays: Number(answerDays) || 7,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(recordsKeys.form(orgId), saved);
      setError(null);
      notify('success', t('records.reception.saved'));
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  const link = `${window.location.origin}/contact/${orgId}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('records.reception.formTitle')}
        </Title>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Checkbox
          label={t('records.reception.enabled')}
          checked={enabled}
          disabled={!editable}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          data-testid="form-enabled"
        />
        <Text size="sm">
          {t('records.reception.publicLink')}{' '}
          <Anchor href={link} target="_blank" data-testid="form-public-link">
            {link}
          </Anchor>
        </Text>
        <Textarea
          label={t('records.reception.intro')}
          value={intro}
          disabled={!editable}
          onChange={(e) => setIntro(e.currentTarget.value)}
        />
        <Textarea
          label={t('records.reception.categories')}
          autosize
          minRows={3}
          value={categories}
          disabled={!editable}
          onChange={(e) => setCategories(e.currentTarget.value)}
        />
        <NumberInput
          label={t('records.reception.answerDays')}
          min={1}
          max={90}
          value={answerDays}
          disabled={!editable}
          onChange={setAnswerDays}
          maw={200}
        />
        {editable ? (
          <Group justify="flex-end">
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="form-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Templates({ orgId, writable }: { orgId: string; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useQuery(templatesQuery(orgId));
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: recordsKeys.templates(orgId) });
  const add = useMutation({
    mutationFn: () => saveTemplate(orgId, null, { name: name.trim(), category: null, body: body.trim() }),
    onSuccess: async () => {
      setName('');
      setBody('');
      setError(null);
      await refresh();
      notify('success', t('records.reception.templateSaved'));
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteTemplate(orgId, id),
    onSuccess: async () => {
      await refresh();
      notify('success', t('records.reception.templateDeleted'));
    },
  });
  const list = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('records.reception.templatesTitle')}
        </Title>
        <Text size="sm">
          {t('records.reception.placeholders', { list, interpolation: { escapeValue: false } })}
        </Text>
        {templates.isPending ? (
          <Loader />
        ) : (templates.data ?? []).length === 0 ? (
          <Text size="sm">{t('records.reception.noTemplates')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {(templates.data ?? []).map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{x.body}</Table.Td>
                  <Table.Td>
                    {writable ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(x.id)}
                      >
                        {t('records.reception.deleteTemplate', { name: x.name })}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {writable ? (
          <>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label={t('records.reception.templateName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="template-name"
            />
            <Textarea
              label={t('records.reception.templateBody')}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              data-testid="template-body"
            />
            <Group justify="flex-end">
              <Button onClick={() => add.mutate()} loading={add.isPending} data-testid="template-add">
                {t('records.reception.addTemplate')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function ReceptionSettingsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const settings = useQuery(requestFormQuery(orgId));
  return (
    <>
      <PageHeader title={t('records.reception.title')} served={RECEPTION_SERVE} />
      <Stack gap="md">
        {settings.isError ? (
          <LoadError error={settings.error} />
        ) : settings.isPending ? (
          <Loader />
        ) : (
          <FormSettings orgId={orgId} settings={settings.data} editable={can('org.manage')} />
        )}
        <Templates orgId={orgId} writable={can('parties.write')} />
      </Stack>
    </>
  );
}
