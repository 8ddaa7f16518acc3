import { Box, Group, Text } from '@mantine/core';
import { Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/links.tsx';

type Target =
  | '/orgs/$orgId/accounting/entries'
  | '/orgs/$orgId/accounting/entries/new'
  | '/orgs/$orgId/accounting/accounts'
  | '/orgs/$orgId/accounting/journals'
  | '/orgs/$orgId/accounting/fiscal-years'
  | '/orgs/$orgId/accounting/reports/trial-balance'
  | '/orgs/$orgId/accounting/reports/general-ledger'
  | '/orgs/$orgId/accounting/reports/journals'
  | '/orgs/$orgId/accounting/reports/aged-balance'
  | '/orgs/$orgId/accounting/reports/income-statement'
  | '/orgs/$orgId/accounting/reports/balance-sheet'
  | '/orgs/$orgId/accounting/lettering'
  | '/orgs/$orgId/accounting/fec';

type Item = {
  to: Target;
  label:
    | 'accounting.nav.entries'
    | 'accounting.nav.newEntry'
    | 'accounting.nav.accounts'
    | 'accounting.nav.journals'
    | 'accounting.nav.fiscalYears'
    | 'accounting.nav.trialBalance'
    | 'accounting.nav.generalLedger'
    | 'accounting.nav.journalListing'
    | 'accounting.nav.agedBalance'
    | 'accounting.nav.incomeStatement'
    | 'accounting.nav.balanceSheet'
    | 'accounting.nav.lettering'
    | 'accounting.nav.fec';
  testId: string;
};

const GROUPS: {
  label:
    | 'accounting.nav.groups.entries'
    | 'accounting.nav.groups.setup'
    | 'accounting.nav.groups.reports'
    | 'accounting.nav.groups.controls';
  items: Item[];
}[] = [
  {
    label: 'accounting.nav.groups.entries',
    items: [
      { to: '/orgs/$orgId/accounting/entries', label: 'accounting.nav.entries', testId: 'subnav-entries' },
      {
        to: '/orgs/$orgId/accounting/entries/new',
        label: 'accounting.nav.newEntry',
        testId: 'subnav-new-entry',
      },
    ],
  },
  {
    label: 'accounting.nav.groups.setup',
    items: [
      { to: '/orgs/$orgId/accounting/accounts', label: 'accounting.nav.accounts', testId: 'subnav-accounts' },
      { to: '/orgs/$orgId/accounting/journals', label: 'accounting.nav.journals', testId: 'subnav-journals' },
      {
        to: '/orgs/$orgId/accounting/fiscal-years',
        label: 'accounting.nav.fiscalYears',
        testId: 'subnav-fiscal-years',
      },
    ],
  },
  {
    label: 'accounting.nav.groups.reports',
    items: [
      {
        to: '/orgs/$orgId/accounting/reports/trial-balance',
        label: 'accounting.nav.trialBalance',
        testId: 'subnav-trial-balance',
      },
      {
        to: '/orgs/$orgId/accounting/reports/general-ledger',
        label: 'accounting.nav.generalLedger',
        testId: 'subnav-general-ledger',
      },
      {
        to: '/orgs/$orgId/accounting/reports/journals',
        label: 'accounting.nav.journalListing',
        testId: 'subnav-journal-listing',
      },
      {
        to: '/orgs/$orgId/accounting/reports/aged-balance',
        label: 'accounting.nav.agedBalance',
        testId: 'subnav-aged-balance',
      },
      {
        to: '/orgs/$orgId/accounting/reports/income-statement',
        label: 'accounting.nav.incomeStatement',
        testId: 'subnav-income-statement',
      },
      {
        to: '/orgs/$orgId/accounting/reports/balance-sheet',
        label: 'accounting.nav.balanceSheet',
        testId: 'subnav-balance-sheet',
      },
    ],
  },
  {
    label: 'accounting.nav.groups.controls',
    items: [
      {
        to: '/orgs/$orgId/accounting/lettering',
        label: 'accounting.nav.lettering',
        testId: 'subnav-lettering',
      },
      { to: '/orgs/$orgId/accounting/fec', label: 'accounting.nav.fec', testId: 'subnav-fec' },
    ],
  },
];

/** The ledger's own navigation, above each of its screens: entries, setup, reports, controls. */
export function AccountingLayout() {
  const { t } = useTranslation();
  const { orgId } = useParams({ from: '/orgs/$orgId/accounting' });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const base = `/orgs/${orgId}/accounting`;
  const isActive = (to: Target) => {
    const href = to.replace('/orgs/$orgId/accounting', base);
    // "Écritures" stays current on an entry's page, but not on the new-entry grid, which has its own link.
    if (to === '/orgs/$orgId/accounting/entries')
      return pathname.startsWith(href) && !pathname.startsWith(`${href}/new`);
    return pathname === href || pathname.startsWith(`${href}/`);
  };
  return (
    <>
      <Box
        component="nav"
        aria-label={t('accounting.nav.label')}
        mb="lg"
        pb="sm"
        className="agora-no-print"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="accounting-subnav"
      >
        <Group gap="lg" align="flex-start" wrap="wrap">
          {GROUPS.map((group) => (
            <div key={group.label}>
              <Text
                size="xs"
                fw={700}
                tt="uppercase"
                c="dimmed"
                mb={4}
                id={`subnav-group-${group.label.split('.').pop()}`}
              >
                {t(group.label)}
              </Text>
              <Group
                component="ul"
                gap={4}
                wrap="wrap"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-labelledby={`subnav-group-${group.label.split('.').pop()}`}
              >
                {group.items.map((item) => {
                  const active = isActive(item.to);
                  return (
                    <li key={item.to}>
                      <ButtonLink
                        to={item.to}
                        params={{ orgId }}
                        size="compact-sm"
                        variant={active ? 'light' : 'subtle'}
                        color={active ? 'blue' : 'dark'}
                        aria-current={active ? 'page' : undefined}
                        data-testid={item.testId}
                      >
                        {t(item.label)}
                      </ButtonLink>
                    </li>
                  );
                })}
              </Group>
            </div>
          ))}
        </Group>
      </Box>
      <Outlet />
    </>
  );
}
