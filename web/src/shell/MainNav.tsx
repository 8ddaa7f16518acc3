import { ScrollArea, Stack, Text } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../auth/session.ts';
import { NavLinkLink } from '../ui/links.tsx';

type Target =
  | '/orgs/$orgId/relations'
  | '/orgs/$orgId/parties'
  | '/orgs/$orgId/production'
  | '/orgs/$orgId/personnel'
  | '/orgs/$orgId/accounting'
  | '/orgs/$orgId/training'
  | '/orgs/$orgId/settings'
  | '/orgs/$orgId/settings/users'
  | '/orgs/$orgId/settings/mail'
  | '/orgs/$orgId/settings/outbox';

function Item({
  orgId,
  to,
  label,
  nested,
  testId,
}: {
  orgId: string;
  to: Target;
  label: string;
  nested?: boolean;
  testId: string;
}) {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const href = to.replace('$orgId', orgId);
  // The settings page is the parent of the users page: only an exact match makes it current.
  const active = to === '/orgs/$orgId/settings' ? pathname === href : pathname.startsWith(href);
  return (
    <NavLinkLink
      to={to}
      params={{ orgId }}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      pl={nested ? 'xl' : undefined}
      data-testid={testId}
    />
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/** The référentiel's areas, then accounting and training, then settings. */
export function MainNav({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { can } = useOrgRole(orgId);
  return (
    <ScrollArea type="never">
      <Stack gap="md">
        <Section label={t('nav.areas')}>
          {/* A student in the school's own organisation reads only its training pages (its sandbox has the rest). */}
          {can('parties.read') ? (
            <>
              <Item
                orgId={orgId}
                to="/orgs/$orgId/relations"
                label={t('areas.relations')}
                testId="nav-relations"
              />
              <Item
                orgId={orgId}
                to="/orgs/$orgId/parties"
                label={t('nav.parties')}
                nested
                testId="nav-parties"
              />
              <Item
                orgId={orgId}
                to="/orgs/$orgId/production"
                label={t('areas.production')}
                testId="nav-production"
              />
              {/* Personal data: only the roles that need it see the area (permission personnel.read). */}
              {can('personnel.read') ? (
                <Item
                  orgId={orgId}
                  to="/orgs/$orgId/personnel"
                  label={t('areas.personnel')}
                  testId="nav-personnel"
                />
              ) : null}
              <Item
                orgId={orgId}
                to="/orgs/$orgId/accounting"
                label={t('areas.accounting')}
                testId="nav-accounting"
              />
            </>
          ) : null}
          <Item orgId={orgId} to="/orgs/$orgId/training" label={t('areas.training')} testId="nav-training" />
        </Section>
        <Section label={t('nav.settings')}>
          <Item
            orgId={orgId}
            to="/orgs/$orgId/settings"
            label={t('nav.organisation')}
            testId="nav-settings"
          />
          {can('users.read') ? (
            <Item orgId={orgId} to="/orgs/$orgId/settings/users" label={t('nav.users')} testId="nav-users" />
          ) : null}
          {can('mail.manage') ? (
            <Item orgId={orgId} to="/orgs/$orgId/settings/mail" label={t('nav.mail')} testId="nav-mail" />
          ) : null}
          {can('mail.read') ? (
            <Item
              orgId={orgId}
              to="/orgs/$orgId/settings/outbox"
              label={t('nav.outbox')}
              testId="nav-outbox"
            />
          ) : null}
        </Section>
      </Stack>
    </ScrollArea>
  );
}
