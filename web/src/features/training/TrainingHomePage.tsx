import {
  Alert,
  Button,
  Card,
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
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
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
      <Stack>
        <Title order={2} size="h3">
          {t('training.classes.title')}
        </Title>
        {classes.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : classes.isError ? (
          <LoadError error={classes.error} />
        ) : classes.data.items.length === 0 ? (
          <Text c="dimmed">{t('training.classes.none')}</Text>
        ) : (
          <Table striped data-testid="classes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.classes.name')}</Table.Th>
                <Table.Th>{t('training.classes.schoolYear')}</Table.Th>
                <Table.Th>{t('training.classes.students')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {classes.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <AnchorLink to="/orgs/$orgId/training/classes/$classId" params={{ orgId, classId: c.id }}>
                      {c.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{c.schoolYear}</Table.Td>
                  <Table.Td>{c.studentCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Card withBorder component="section" aria-labelledby="new-class-title">
          <form noValidate onSubmit={classForm.onSubmit((values) => addClass.mutate(values))}>
            <Stack gap="sm">
              <Title order={3} size="h4" id="new-class-title">
                {t('training.classes.new')}
              </Title>
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
              <Button type="submit" loading={addClass.isPending} data-testid="create-class">
                {t('training.classes.create')}
              </Button>
            </Stack>
          </form>
        </Card>
      </Stack>
      <Stack>
        <Title order={2} size="h3">
          {t('training.scenarios.title')}
        </Title>
        {scenarios.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : scenarios.isError ? (
          <LoadError error={scenarios.error} />
        ) : scenarios.data.items.length === 0 ? (
          <Text c="dimmed">{t('training.scenarios.none')}</Text>
        ) : (
          <Table striped data-testid="scenarios-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.scenarios.name')}</Table.Th>
                <Table.Th>{t('training.scenarios.today')}</Table.Th>
                <Table.Th>{t('training.scenarios.template')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scenarios.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.title}</Table.Td>
                  <Table.Td>{s.simulatedStart}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/orgs/$orgId" params={{ orgId: s.templateOrgId }}>
                      {t('training.scenarios.open')}
                    </AnchorLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Card withBorder component="section" aria-labelledby="new-scenario-title">
          <form noValidate onSubmit={scenarioForm.onSubmit((values) => addScenario.mutate(values))}>
            <Stack gap="sm">
              <Title order={3} size="h4" id="new-scenario-title">
                {t('training.scenarios.new')}
              </Title>
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
              <Button type="submit" loading={addScenario.isPending} data-testid="create-scenario">
                {t('training.scenarios.create')}
              </Button>
            </Stack>
          </form>
        </Card>
      </Stack>
    </SimpleGrid>
  );
}
