import {
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Loader,
  NativeSelect,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { ListSection } from '../../ui/ListSection.tsx';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryTable } from '../../ui/QueryTable.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { SandboxList } from './SandboxList.tsx';
import { ClassSituations } from './SituationLists.tsx';
import {
  classQuery,
  eraseStudent,
  exportStudent,
  getHandout,
  type HandoutDto,
  importStudents,
  type StudentDto,
  sandboxesQuery,
  scenariosQuery,
  startHandout,
  studentsQuery,
  trainingKeys,
} from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/classes/$classId');

export function ClassPage() {
  const { t } = useTranslation();
  const { orgId, classId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const cls = useQuery(classQuery(orgId, classId));
  if (cls.isPending) return <Loader aria-label={t('common.loading')} />;
  if (cls.isError) return <LoadError error={cls.error} />;
  return (
    <>
      <PageHeader
        title={`${cls.data.name} — ${cls.data.schoolYear}`}
        served={[]}
        actions={
          <>
            <ButtonLink
              to="/orgs/$orgId/training/assessment/$classId"
              params={{ orgId, classId }}
              variant="light"
              data-testid="class-synthesis"
            >
              {t('training.assessment.synthesis')}
            </ButtonLink>
            {can('training.manage') ? (
              <ButtonLink
                to="/orgs/$orgId/training/pfmp/classes/$classId"
                params={{ orgId, classId }}
                variant="light"
                data-testid="class-pfmp"
              >
                {t('training.pfmpOverview.link')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Stack gap="xl">
        <Students orgId={orgId} classId={classId} />
        <Handout orgId={orgId} classId={classId} />
        <Sandboxes orgId={orgId} classId={classId} />
        <ClassSituations orgId={orgId} classId={classId} />
      </Stack>
    </>
  );
}

function Students({ orgId, classId }: { orgId: string; classId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const students = useQuery(studentsQuery(orgId, classId));
  const [csv, setCsv] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.class(orgId, classId) });
  const importCsv = useMutation({
    mutationFn: () => importStudents(orgId, classId, csv),
    onSuccess: async (result) => {
      setCsv('');
      await refresh();
      notify('success', t('training.students.imported', { count: result.items.length }));
    },
  });
  const erase = useMutation({
    mutationFn: (student: StudentDto) => eraseStudent(orgId, student.id),
    onSuccess: async () => {
      await refresh();
      notify('success', t('training.students.erased'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const download = async (student: StudentDto) => {
    try {
      const data = await exportStudent(orgId, student.id);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `eleve-${student.id}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  };
  return (
    <ListSection title={t('training.students.title')} titleId="students-title">
      <QueryTable
        query={students}
        empty={t('training.students.none')}
        testId="students-table"
        headers={[
          t('training.students.name'),
          t('training.students.status'),
          t('training.students.code'),
          t('training.students.privacy'),
        ]}
        row={(s) => (
          <Table.Tr key={s.id} data-testid="student-row">
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/training/students/$studentId"
                params={{ orgId, studentId: s.id }}
                data-testid="student-link"
              >
                {s.lastInitial ? `${s.firstName} ${s.lastInitial}.` : s.firstName}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{s.joined ? t('training.students.joined') : t('training.students.invited')}</Table.Td>
            <Table.Td>
              {s.invitationCode ? (
                <Group gap="xs">
                  <Code data-testid="invitation-code">{s.invitationCode}</Code>
                  <Anchor
                    size="sm"
                    href={`/join?code=${s.invitationCode}`}
                    aria-label={t('training.students.linkFor', { name: s.firstName })}
                  >
                    {t('training.students.link')}
                  </Anchor>
                </Group>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Button size="compact-sm" variant="subtle" onClick={() => download(s)}>
                  {t('training.students.export')}
                </Button>
                <ConfirmButton
                  question={t('training.students.eraseConfirm')}
                  onConfirm={() => erase.mutate(s)}
                >
                  {t('training.students.erase')}
                </ConfirmButton>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm">{t('training.students.csvHelp')}</Text>
          <FileInput
            label={t('training.students.csvFile')}
            accept=".csv,text/csv"
            onChange={async (file) => setCsv(file ? await file.text() : '')}
          />
          <Textarea
            label={t('training.students.csvText')}
            autosize
            minRows={3}
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            data-testid="csv-input"
          />
          <ErrorAlert error={importCsv.error} />
          <Button
            onClick={() => importCsv.mutate()}
            disabled={!csv.trim()}
            loading={importCsv.isPending}
            data-testid="import-students"
          >
            {t('training.students.import')}
          </Button>
        </Stack>
      </Card>
    </ListSection>
  );
}

function Handout({ orgId, classId }: { orgId: string; classId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scenarios = useQuery(scenariosQuery(orgId));
  const [scenarioId, setScenarioId] = useState('');
  const [job, setJob] = useState<HandoutDto | null>(null);
  const start = useMutation({
    mutationFn: () => startHandout(orgId, classId, scenarioId || scenarios.data?.items[0]?.id || ''),
    onSuccess: setJob,
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  // The copies run on the server; the job row says how far they are.
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(async () => {
      try {
        const next = await getHandout(orgId, job.id);
        setJob(next);
        if (next.status !== 'running')
          await queryClient.invalidateQueries({ queryKey: trainingKeys.all(orgId) });
      } catch (error) {
        notify('error', errorMessage(error, t));
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [job, orgId, queryClient, t]);
  const items = scenarios.data?.items ?? [];
  return (
    <ListSection title={t('training.handout.title')} titleId="handout-title">
      {items.length === 0 ? (
        <Text c="dimmed">{t('training.handout.noScenario')}</Text>
      ) : (
        <Group align="flex-end">
          <NativeSelect
            label={t('training.handout.scenario')}
            data={items.map((s) => ({ value: s.id, label: s.title }))}
            value={scenarioId || items[0]!.id}
            onChange={(e) => setScenarioId(e.currentTarget.value)}
          />
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending || job?.status === 'running'}
            data-testid="hand-out"
          >
            {t('training.handout.start')}
          </Button>
        </Group>
      )}
      {job ? (
        <Stack gap={4}>
          <Progress
            value={job.total ? (100 * job.done) / job.total : 0}
            aria-label={t('training.handout.progress')}
            data-testid="handout-progress"
          />
          <Text size="sm" data-testid="handout-status">
            {job.status === 'failed'
              ? (job.error ?? t('training.handout.failed'))
              : t('training.handout.count', { done: job.done, total: job.total })}
          </Text>
        </Stack>
      ) : null}
    </ListSection>
  );
}

function Sandboxes({ orgId, classId }: { orgId: string; classId: string }) {
  const { t } = useTranslation();
  const sandboxes = useQuery(sandboxesQuery(orgId, classId));
  return (
    <ListSection title={t('training.sandboxes.title')} titleId="sandboxes-title">
      {sandboxes.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : sandboxes.isError ? (
        <LoadError error={sandboxes.error} />
      ) : (
        <SandboxList orgId={orgId} sandboxes={sandboxes.data.items} />
      )}
    </ListSection>
  );
}
