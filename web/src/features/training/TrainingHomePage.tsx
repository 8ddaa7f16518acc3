import {
  Alert,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { CreationCard } from '../../ui/CreationCard.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { ListSection } from '../../ui/ListSection.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryTable } from '../../ui/QueryTable.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { SandboxList } from './SandboxList.tsx';
import { MySituations } from './SituationLists.tsx';
import {
  classesQuery,
  createClass,
  createScenario,
  myTrainingQuery,
  scenariosQuery,
  trainingKeys,
} from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/');

export function TrainingHomePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { role, can } = useOrgRole(orgId);
  return (
    <>
      <PageHeader title={t('training.home.title')} served={[]} />
      {!can('training.read') ? (
        <Alert color="blue">{t('training.home.notASchool')}</Alert>
      ) : role === 'student' ? (
        <StudentHome orgId={orgId} />
      ) : (
        <TeacherHome orgId={orgId} />
      )}
    </>
  );
}

function StudentHome({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const query = useQuery(myTrainingQuery(orgId));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('training.home.myClass')}
      </Title>
      <Text data-testid="my-class">
        {query.data.classes.map((c) => `${c.name} (${c.schoolYear})`).join(', ') ||
          t('training.home.noClass')}
      </Text>
      <Title order={2} size="h3">
        {t('training.home.mySandboxes')}
      </Title>
      <SandboxList orgId={orgId} sandboxes={query.data.sandboxes} mine />
      <MySituations orgId={orgId} />
    </Stack>
  );
}

function TeacherHome({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const classes = useQuery(classesQuery(orgId));
  const scenarios = useQuery(scenariosQuery(orgId));
  const classForm = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', level: 'premiere', schoolYear: '2026-2027' },
  });
  const scenarioForm = useForm({ mode: 'uncontrolled', initialValues: { title: '', source: 'trading' } });
  const addClass = useMutation({
    mutationFn: (values: { name: string; level: string; schoolYear: string }) => createClass(orgId, values),
    onSuccess: async (created) => {
      classForm.reset();
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all(orgId) });
      notify('success', t('training.classes.created', { name: created.name }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const addScenario = useMutation({
    mutationFn: (values: { title: string; source: string }) => createScenario(orgId, values),
    onSuccess: async (created) => {
      scenarioForm.reset();
      await queryClient.invalidateQueries({ queryKey: trainingKeys.scenarios(orgId) });
      notify('success', t('training.scenarios.created', { name: created.title }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <ListSection title={t('training.classes.title')}>
        <QueryTable
          query={classes}
          empty={t('training.classes.none')}
          testId="classes-table"
          headers={[
            t('training.classes.name'),
            t('training.classes.schoolYear'),
            t('training.classes.students'),
          ]}
          row={(c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <AnchorLink to="/orgs/$orgId/training/classes/$classId" params={{ orgId, classId: c.id }}>
                  {c.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{c.schoolYear}</Table.Td>
              <Table.Td>{c.studentCount}</Table.Td>
            </Table.Tr>
          )}
        />
        <CreationCard
          titleId="new-class-title"
          title={t('training.classes.new')}
          onSubmit={classForm.onSubmit((values) => addClass.mutate(values))}
          pending={addClass.isPending}
          submitLabel={t('training.classes.create')}
          submitTestId="create-class"
        >
          <TextInput
            label={t('training.classes.name')}
            required
            key={classForm.key('name')}
            {...classForm.getInputProps('name')}
          />
          <Group grow>
            <NativeSelect
              label={t('training.classes.level')}
              data={['seconde', 'premiere', 'terminale'].map((value) => ({
                value,
                label: t(`training.levels.${value as 'seconde'}`),
              }))}
              key={classForm.key('level')}
              {...classForm.getInputProps('level')}
            />
            <TextInput
              label={t('training.classes.schoolYear')}
              key={classForm.key('schoolYear')}
              {...classForm.getInputProps('schoolYear')}
            />
          </Group>
        </CreationCard>
      </ListSection>
      <ListSection title={t('training.scenarios.title')}>
        <QueryTable
          query={scenarios}
          empty={t('training.scenarios.none')}
          testId="scenarios-table"
          headers={[
            t('training.scenarios.name'),
            t('training.scenarios.today'),
            t('training.scenarios.template'),
          ]}
          row={(s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.title}</Table.Td>
              <Table.Td>{s.simulatedStart}</Table.Td>
              <Table.Td>
                <AnchorLink to="/orgs/$orgId" params={{ orgId: s.templateOrgId }}>
                  {t('training.scenarios.open')}
                </AnchorLink>
              </Table.Td>
            </Table.Tr>
          )}
        />
        <CreationCard
          titleId="new-scenario-title"
          title={t('training.scenarios.new')}
          onSubmit={scenarioForm.onSubmit((values) => addScenario.mutate(values))}
          pending={addScenario.isPending}
          submitLabel={t('training.scenarios.create')}
          submitTestId="create-scenario"
        >
          <TextInput
            label={t('training.scenarios.name')}
            required
            key={scenarioForm.key('title')}
            {...scenarioForm.getInputProps('title')}
          />
          <NativeSelect
            label={t('training.scenarios.source')}
            data={['trading', 'association', 'blank'].map((value) => ({
              value,
              label: t(`training.sources.${value as 'blank'}`),
            }))}
            key={scenarioForm.key('source')}
            {...scenarioForm.getInputProps('source')}
          />
        </CreationCard>
      </ListSection>
    </SimpleGrid>
  );
}
