import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../src/kernel/roles/permissions.ts';
import { useMe, useOrgRole } from '../../auth/session.ts';
import { errorMessage } from '../../ui/errors.ts';
import { formatDate } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { AddMemberForm } from './AddMemberForm.tsx';
import { changeMemberRole, type Member, membersQuery, removeMember, settingsKeys } from './settings-api.ts';

const route = getRouteApi('/orgs/$orgId/settings/users');

export function MembersPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const { can } = useOrgRole(orgId);
  const readable = can('users.read');
  const manageable = can('users.manage');
  const query = useQuery({ ...membersQuery(orgId), enabled: readable });
  const [removing, setRemoving] = useState<Member | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.members(orgId) });
  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      changeMemberRole(orgId, member.id, role),
    onSuccess: async (member) => {
      await refresh();
      notify('success', t('members.roleChanged', { name: member.name, role: t(`userRoles.${member.role}`) }));
    },
    onError: async (error) => {
      await refresh();
      notify('error', errorMessage(error, t));
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => removeMember(orgId, member.id),
    onSuccess: async (_, member) => {
      setRemoving(null);
      await refresh();
      notify('success', t('members.removed', { name: member.name }));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`userRoles.${role}`) }));

  return (
    <>
      <PageHeader title={t('members.title')} served={[]} />
      {!readable ? (
        <Alert color="blue">{t('errors.forbidden')}</Alert>
      ) : query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table.ScrollContainer minWidth={640} mb="xl">
          <Table striped verticalSpacing="xs" data-testid="members-table">
            <caption>
              <VisuallyHidden>{t('members.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.fields.name')}</Table.Th>
                <Table.Th>{t('members.fields.email')}</Table.Th>
                <Table.Th>{t('members.fields.role')}</Table.Th>
                <Table.Th>{t('members.fields.since')}</Table.Th>
                {manageable ? (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((member) => {
                const self = member.id === me.user.id;
                return (
                  <Table.Tr key={member.id} data-testid="member-row">
                    <Table.Td>
                      {member.name}
                      {self ? (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          {t('members.you')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      {manageable && !self ? (
                        <NativeSelect
                          aria-label={t('members.roleOf', { name: member.name })}
                          size="xs"
                          value={member.role}
                          data={roleOptions}
                          disabled={changeRole.isPending}
                          onChange={(e) => changeRole.mutate({ member, role: e.currentTarget.value as Role })}
                          data-testid="member-role"
                        />
                      ) : (
                        t(`userRoles.${member.role}`)
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(member.since)}</Table.Td>
                    {manageable ? (
                      <Table.Td>
                        {self ? null : (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setRemoving(member)}
                            aria-label={t('members.removeNamed', { name: member.name })}
                          >
                            {t('members.remove')}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {manageable ? <AddMemberForm orgId={orgId} onAdded={refresh} /> : null}

      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('members.removeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text mb="lg">{t('members.removeConfirm', { name: removing?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => removing && remove.mutate(removing)}
            data-testid="member-remove-confirm"
          >
            {t('members.remove')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
