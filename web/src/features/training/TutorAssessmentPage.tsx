import {
  Alert,
  Button,
  Checkbox,
  Container,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateFr } from '../../../../src/kernel/dates/index.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import {
  type PublicTutorAssessmentDto,
  publicTutorAssessmentQuery,
  submitTutorAssessment,
} from './pfmp-api.ts';

const LEVELS = [1, 2, 3, 4] as const;
type Row = { level: string; comment: string };

/**
 * The PFMP tutor's page, opened from the link the teacher sent (decision 0029): no account, no menu. The
 * tutor reads the placement, fills the référentiel's indicators, signs and sends once; on reload, thanks.
 */
export function TutorAssessmentPage({ token }: { token: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('training.tutorPage.title'));
  const page = useQuery(publicTutorAssessmentQuery(token));
  const [sent, setSent] = useState<string | null>(null);
  let body: React.ReactNode;
  if (page.isPending) body = <Loader aria-label={t('common.loading')} />;
  else if (page.isError)
    body = (
      <Alert
        color="red"
        role="alert"
        title={t('training.tutorPage.unavailableTitle')}
        data-testid="tutor-unavailable"
      >
        {isApiError(page.error) && page.error.status === 404
          ? t('training.tutorPage.unavailable')
          : t('errors.unexpected')}
      </Alert>
    );
  else if (sent || page.data.status === 'submitted')
    body = (
      <Alert
        color="teal"
        role="status"
        title={t('training.tutorPage.thanksTitle')}
        data-testid="tutor-thanks"
      >
        {t('training.tutorPage.thanks', {
          school: page.data.schoolName,
          date: formatDateFr(sent ?? page.data.submitted?.assessedOn ?? ''),
        })}
      </Alert>
    );
  else body = <AssessmentForm token={token} data={page.data} onSent={setSent} />;
  return (
    <Container size="md" py="xl" component="main">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('training.tutorPage.title')}</Title>
          {page.data ? (
            <Text c="dimmed">
              {t('training.tutorPage.subtitle', {
                school: page.data.schoolName,
                student: page.data.studentName,
                host: page.data.hostName,
              })}
            </Text>
          ) : null}
        </div>
        {body}
      </Stack>
    </Container>
  );
}

function AssessmentForm({
  token,
  data,
  onSent,
}: {
  token: string;
  data: PublicTutorAssessmentDto;
  onSent: (assessedOn: string) => void;
}) {
  const { t } = useTranslation();
  const activityOf = (taskCode: string) => taskCode.replace(/\.t\d+$/, '');
  const done = new Set(data.activities.map((a) => activityOf(a.code)));
  // Start on the first competency of an activity the student did; the tutor may pick any other.
  const first = data.competencies.find((c) => c.activities.some((a) => done.has(a))) ?? data.competencies[0];
  const [competency, setCompetency] = useState(first?.code ?? '');
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [comment, setComment] = useState('');
  const [tutorName, setTutorName] = useState(data.tutor?.name ?? '');
  const [tutorFunction, setTutorFunction] = useState(data.tutor?.function ?? '');
  const [certified, setCertified] = useState(false);
  const levelLabel = (level: number) => t(`training.pfmp.levels.${level as 1}`);
  const assessed = Object.entries(rows).filter(([, r]) => r.level);
  const send = useMutation({
    mutationFn: () =>
      submitTutorAssessment(token, {
        tutorName,
        tutorFunction,
        certified,
        comment,
        items: assessed.map(([indicatorCode, r]) => ({
          indicatorCode,
          level: Number(r.level),
          comment: r.comment,
        })),
      }),
    onSuccess: (answer) => onSent(answer.assessedOn),
  });
  const fieldErrors = isApiError(send.error) ? send.error.fieldErrors : {};
  const selected = data.competencies.find((c) => c.code === competency) ?? first;
  const countIn = (code: string) => assessed.filter(([k]) => k.startsWith(`${code}.i`)).length;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="tutor-placement">
        <Title order={2} size="h3" id="tutor-placement" mb="xs">
          {t('training.tutorPage.placement')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('training.tutorPage.student', { name: data.studentName })}</List.Item>
          <List.Item>{t('training.tutorPage.host', { name: data.hostName })}</List.Item>
          <List.Item>{t('training.tutorPage.schoolYear', { year: data.schoolYear })}</List.Item>
          {data.periods.map((p) => (
            <List.Item key={p.startsOn}>
              {t('training.tutorPage.period', { from: formatDateFr(p.startsOn), to: formatDateFr(p.endsOn) })}
            </List.Item>
          ))}
        </List>
        <Text size="xs" mt="xs">
          {t('training.tutorPage.validUntil', { date: formatDate(data.expiresAt) })}
        </Text>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="tutor-activities">
        <Title order={2} size="h3" id="tutor-activities" mb="xs">
          {t('training.tutorPage.activities')}
        </Title>
        {data.activities.length === 0 ? (
          <Text size="sm">{t('training.tutorPage.noActivity')}</Text>
        ) : (
          <List size="sm" spacing={2} data-testid="tutor-activities">
            {data.activities.map((a) => (
              <List.Item key={a.code}>
                {a.code} — {a.title}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="tutor-grid">
        <Stack gap="sm">
          <Title order={2} size="h3" id="tutor-grid">
            {t('training.tutorPage.grid')}
          </Title>
          <Text size="sm">{t('training.tutorPage.gridHelp')}</Text>
          <List size="sm" spacing={2}>
            {LEVELS.map((l) => (
              <List.Item key={l}>
                {l} — {levelLabel(l)}
              </List.Item>
            ))}
          </List>
          <NativeSelect
            label={t('training.pfmp.competency')}
            data={data.competencies.map((c) => {
              const n = countIn(c.code);
              return {
                value: c.code,
                label: `${c.code} ${c.title}${n ? ` (${t('training.tutorPage.assessedIn', { count: n })})` : ''}`,
              };
            })}
            value={selected?.code ?? ''}
            onChange={(e) => setCompetency(e.currentTarget.value)}
          />
          {selected?.indicators.map((indicator) => {
            const row = rows[indicator.code] ?? { level: '', comment: '' };
            const update = (next: Partial<Row>) =>
              setRows((current) => ({ ...current, [indicator.code]: { ...row, ...next } }));
            return (
              <Group key={indicator.code} grow align="flex-end" data-testid="tutor-indicator">
                <NativeSelect
                  label={`${indicator.code} ${indicator.label}`}
                  data={[
                    { value: '', label: t('training.pfmp.notAssessed') },
                    ...LEVELS.map((l) => ({ value: String(l), label: `${l} — ${levelLabel(l)}` })),
                  ]}
                  value={row.level}
                  onChange={(e) => update({ level: e.currentTarget.value })}
                />
                <TextInput
                  label={t('training.pfmp.indicatorComment', { code: indicator.code })}
                  value={row.comment}
                  onChange={(e) => update({ comment: e.currentTarget.value })}
                />
              </Group>
            );
          })}
          <Text size="sm" fw={600} aria-live="polite" data-testid="tutor-assessed-count">
            {t('training.tutorPage.assessedCount', { count: assessed.length })}
          </Text>
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="tutor-signature">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="tutor-signature">
              {t('training.tutorPage.signature')}
            </Title>
            <Textarea
              label={t('training.pfmp.assessmentComment')}
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group grow align="flex-start">
              <TextInput
                required
                label={t('training.tutorPage.tutorName')}
                autoComplete="name"
                value={tutorName}
                error={fieldErrors.tutorName}
                onChange={(e) => setTutorName(e.currentTarget.value)}
              />
              <TextInput
                required
                label={t('training.tutorPage.tutorFunction')}
                autoComplete="organization-title"
                value={tutorFunction}
                error={fieldErrors.tutorFunction}
                onChange={(e) => setTutorFunction(e.currentTarget.value)}
              />
            </Group>
            <Checkbox
              label={t('training.tutorPage.certify')}
              checked={certified}
              error={fieldErrors.certified}
              onChange={(e) => setCertified(e.currentTarget.checked)}
            />
            <ErrorAlert error={send.error} testId="tutor-error" />
            {fieldErrors.items ? (
              <Text size="sm" c="red.8">
                {fieldErrors.items}
              </Text>
            ) : null}
            <Group>
              <Button type="submit" loading={send.isPending} data-testid="tutor-send">
                {t('training.tutorPage.send')}
              </Button>
            </Group>
            <Text size="xs">{t('training.tutorPage.privacy', { school: data.schoolName })}</Text>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
