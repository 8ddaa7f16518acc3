import { Button, Combobox, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src/kernel/roles/permissions.ts';
import { useMe } from '../auth/session.ts';

export function OrgSwitcher({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const current = me.organisations.find((o) => o.id === orgId);
  const roleLabel = (role: Role) => t(`userRoles.${role}`);
  return (
    <Menu position="bottom-start" width={320} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          rightSection={<Combobox.Chevron />}
          data-testid="org-switcher"
          maw={{ base: 200, sm: 360 }}
          styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
        >
          <VisuallyHidden>{t('shell.organisation')} : </VisuallyHidden>
          {current?.name ?? t('shell.chooseOrganisation')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.yourOrganisations')}</Menu.Label>
        {me.organisations.map((org) => (
          <Menu.Item
            key={org.id}
            onClick={() => navigate({ to: '/orgs/$orgId', params: { orgId: org.id } })}
            aria-current={org.id === orgId ? 'true' : undefined}
            fw={org.id === orgId ? 700 : undefined}
          >
            {org.name}
            <Text size="xs" c="dimmed" component="span" display="block">
              {roleLabel(org.role)}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => navigate({ to: '/orgs/new' })} data-testid="org-create">
          {t('shell.createOrganisation')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
