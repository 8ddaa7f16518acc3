import { Alert, Group, NativeSelect, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { CreationCard } from '../../ui/CreationCard.tsx';
import { ListSection } from '../../ui/ListSection.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryTable } from '../../ui/QueryTable.tsx';
import { addTutor, createHost, type HostBody, hostsQuery, pfmpKeys, pfmpStudentsQuery } from './pfmp-api.ts';

const route = getRouteApi('/orgs/$orgId/training/pfmp/');

/** PFMP: the school's host organisations and tutors (teachers), and the students whose placements one follows. */
export function PfmpHomePage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { can } = useOrgRole(orgId);
  return (
    <>
      <PageHeader title={t('training.pfmp.title')} served={[]} />
      {!can('training.read') ? (
        <Alert color="blue">{t('training.home.notASchool')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: can('training.manage') ? 2 : 1 }} spacing="xl">
          <Students orgId={orgId} />
          {can('training.manage') ? <Hosts orgId={orgId} /> : null}
        </SimpleGrid>
      )}
    </>
  );
}

function Students({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  const students = useQuery(pfmpStudentsQuery(orgId));
  return (
    <ListSection title={t('training.pfmp.students')} titleId="pfmp-students-title">
      <QueryTable
        query={students}
        empty={t('training.pfmp.noStudent')}
        testId="pfmp-students"
        headers={[t('training.students.name'), t('training.classes.name'), t('training.pfmp.agreements')]}
        row={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <AnchorLink
                to="/orgs/$orgId/training/pfmp/students/$studentId"
                params={{ orgId, studentId: s.id }}
              >
                {s.name}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              {can('training.manage') ? (
                <AnchorLink
                  to="/orgs/$orgId/training/pfmp/classes/$classId"
                  params={{ orgId, classId: s.classId }}
                  title={t('training.pfmpOverview.title', { name: s.className })}
                >
                  {s.className}
                </AnchorLink>
              ) : (
                s.className
              )}
            </Table.Td>
            <Table.Td>{s.agreements}</Table.Td>
          </Table.Tr>
        )}
      />
    </ListSection>
  );
}

const EMPTY_HOST: HostBody = {
  name: '',
  siret: '',
  address: '',
  sector: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

function Hosts({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hosts = useQuery(hostsQuery(orgId));
  const hostForm = useForm({ mode: 'uncontrolled', initialValues: EMPTY_HOST });
  const tutorForm = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', function: '', email: '', phone: '' },
  });
  const [tutorHost, setTutorHost] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: pfmpKeys.all(orgId) });
  const add = useMutation({
    mutationFn: (values: HostBody) => createHost(orgId, values),
    onSuccess: async (host) => {
      hostForm.reset();
      await refresh();
      notify('success', t('training.pfmp.hostCreated', { name: host.name }));
    },
  });
  const addOne = useMutation({
    mutationFn: (values: { name: string; function: string; email: string; phone: string }) =>
      addTutor(orgId, tutorHost || hosts.data?.items[0]?.id || '', values),
    onSuccess: async () => {
      tutorForm.reset();
      await refresh();
      notify('success', t('training.pfmp.tutorCreated'));
    },
  });
  const items = hosts.data?.items ?? [];
  return (
    <ListSection title={t('training.pfmp.hosts')} titleId="pfmp-hosts-title">
      <QueryTable
        query={hosts}
        empty={t('training.pfmp.noHost')}
        testId="pfmp-hosts"
        headers={[t('training.pfmp.hostName'), t('training.pfmp.sector'), t('training.pfmp.tutors')]}
        row={(h) => (
          <Table.Tr key={h.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {h.name}
              </Text>
              <Text size="xs">{h.address}</Text>
              {h.siret ? <Text size="xs">SIRET {h.siret}</Text> : null}
            </Table.Td>
            <Table.Td>{h.sector}</Table.Td>
            <Table.Td>{h.tutors.map((tu) => `${tu.name} (${tu.function})`).join(', ') || '—'}</Table.Td>
          </Table.Tr>
        )}
      />
      <CreationCard
        titleId="new-host-title"
        title={t('training.pfmp.newHost')}
        onSubmit={hostForm.onSubmit((values) => add.mutate(values))}
        error={add.error}
        pending={add.isPending}
        submitLabel={t('training.pfmp.createHost')}
        submitTestId="create-host"
      >
        <TextInput
          label={t('training.pfmp.hostName')}
          required
          key={hostForm.key('name')}
          {...hostForm.getInputProps('name')}
        />
        <Group grow>
          <TextInput label="SIRET" key={hostForm.key('siret')} {...hostForm.getInputProps('siret')} />
          <TextInput
            label={t('training.pfmp.sector')}
            required
            key={hostForm.key('sector')}
            {...hostForm.getInputProps('sector')}
          />
        </Group>
        <TextInput
          label={t('training.pfmp.address')}
          required
          key={hostForm.key('address')}
          {...hostForm.getInputProps('address')}
        />
        <Group grow>
          <TextInput
            label={t('training.pfmp.contactName')}
            key={hostForm.key('contactName')}
            {...hostForm.getInputProps('contactName')}
          />
          <TextInput
            label={t('training.pfmp.contactEmail')}
            type="email"
            key={hostForm.key('contactEmail')}
            {...hostForm.getInputProps('contactEmail')}
          />
          <TextInput
            label={t('training.pfmp.contactPhone')}
            key={hostForm.key('contactPhone')}
            {...hostForm.getInputProps('contactPhone')}
          />
        </Group>
      </CreationCard>
      {items.length > 0 ? (
        <CreationCard
          titleId="new-tutor-title"
          title={t('training.pfmp.newTutor')}
          onSubmit={tutorForm.onSubmit((values) => addOne.mutate(values))}
          error={addOne.error}
          pending={addOne.isPending}
          submitLabel={t('training.pfmp.createTutor')}
          submitTestId="create-tutor"
        >
          <NativeSelect
            label={t('training.pfmp.host')}
            data={items.map((h) => ({ value: h.id, label: h.name }))}
            value={tutorHost || items[0]!.id}
            onChange={(e) => setTutorHost(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('training.pfmp.tutorName')}
              required
              key={tutorForm.key('name')}
              {...tutorForm.getInputProps('name')}
            />
            <TextInput
              label={t('training.pfmp.tutorFunction')}
              required
              key={tutorForm.key('function')}
              {...tutorForm.getInputProps('function')}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('training.pfmp.tutorEmail')}
              type="email"
              key={tutorForm.key('email')}
              {...tutorForm.getInputProps('email')}
            />
            <TextInput
              label={t('training.pfmp.tutorPhone')}
              key={tutorForm.key('phone')}
              {...tutorForm.getInputProps('phone')}
            />
          </Group>
        </CreationCard>
      ) : null}
    </ListSection>
  );
}
