import { Box, Group, Text } from '@mantine/core';
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
  /** The activity of the référentiel the item belongs to: consecutive items of a group sit together under
   * its name (Production has fifteen items; three named groups read faster than one row). */
  group?: ParseKeys;
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
  const link = (i: number) => {
    const item = items[i]!;
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
  };
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
      <Group
        component="ul"
        gap={items.some((i) => i.group) ? 'md' : 4}
        wrap="wrap"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {groupsOf(items).map(({ group, entries }) =>
          group ? (
            <li key={group} aria-label={t(group)}>
              <Text component="span" size="xs" c="gray.7" fw={600} mr={4}>
                {t(group)}
              </Text>
              <Group
                component="ul"
                gap={4}
                wrap="wrap"
                m={0}
                p={0}
                display="inline-flex"
                style={{ listStyle: 'none' }}
              >
                {entries.map((i) => link(i))}
              </Group>
            </li>
          ) : (
            link(entries[0]!)
          ),
        )}
      </Group>
    </Box>
  );
}

/** Consecutive items of the same group, in order; items without a group each stand alone. */
function groupsOf(items: readonly SectionNavItem[]): { group?: ParseKeys; entries: number[] }[] {
  const groups: { group?: ParseKeys; entries: number[] }[] = [];
  items.forEach((item, i) => {
    const last = groups.at(-1);
    if (item.group && last?.group === item.group) last.entries.push(i);
    else groups.push({ group: item.group, entries: [i] });
  });
  return groups;
}
