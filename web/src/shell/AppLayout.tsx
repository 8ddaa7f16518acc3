import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../ui/links.tsx';
import { MainNav } from './MainNav.tsx';
import { OrgSwitcher } from './OrgSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Header (organisation, user), navigation and main content; without an organisation, no navigation. */
export function AppLayout({ orgId, children }: { orgId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the md breakpoint the navigation slides over the page: out of the tab order while hidden.
  const narrow = useMediaQuery('(max-width: 61.99em)');
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu after each navigation
  useEffect(() => close(), [pathname, close]);

  const skipToMain = () => document.getElementById('main')?.focus();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={
        orgId ? { width: 250, breakpoint: 'md', collapsed: { mobile: !opened, desktop: false } } : undefined
      }
      padding="lg"
    >
      <AppShell.Header>
        <button type="button" className="skip-link" onClick={skipToMain}>
          {t('shell.skipToContent')}
        </button>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            {orgId ? (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={opened}
                aria-controls="main-nav"
              />
            ) : null}
            <AnchorLink to="/" fw={800} fz="xl" underline="never" c="blue.9">
              {t('app.name')}
            </AnchorLink>
            {orgId ? <OrgSwitcher orgId={orgId} /> : null}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      {orgId ? (
        <AppShell.Navbar
          p="sm"
          id="main-nav"
          aria-label={t('shell.mainNavigation')}
          inert={narrow && !opened ? true : undefined}
        >
          <MainNav orgId={orgId} />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
