import { Box, Group } from '@mantine/core';
import { type LinkProps, useRouterState } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links.tsx';

/** A page of an organisation: the router's own paths, so a mistyped `to` fails the type check. */
type OrgPath = Extract<NonNullable<LinkProps['to']>, `/orgs/$orgId${string}`>;

export interface SectionNavItem {
  to: OrgPath;
  label: ParseKeys;
  testId: string;
}

/**
 * The sub-navigation of an area (Relations, Production, Personnel…): one row of links under the main
 * menu. The current item is the longest one the address starts with, so a page nested under another
 * item's address (the payables under purchases/) lights its own item only.
 */
export function SectionNav({
  items,
  orgId,
  label,
  testId,
}: {
  items: readonly SectionNavItem[];
  orgId: string;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const hrefs = items.map((item) => item.to.replace('$orgId', orgId));
  const current = hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Box
      component="nav"
      aria-label={label}
      mb="lg"
      pb="sm"
      className="agora-no-print"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      data-testid={testId}
    >
      <Group component="ul" gap={4} wrap="wrap" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item, i) => {
          const active = hrefs[i] === current;
          return (
            <li key={item.to}>
              <ButtonLink
                to={item.to}
                params={{ orgId } as never}
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
    </Box>
  );
}
