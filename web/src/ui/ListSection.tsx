import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list's part of a page: its title as a second-level heading, then the list and what goes with it. Given a
 * titleId, the part is a section named by that title, so screen readers offer it among the page's regions.
 */
export function ListSection({
  title,
  titleId,
  children,
}: {
  title: string;
  titleId?: string;
  children: ReactNode;
}) {
  const heading = (
    <Title order={2} size="h3" id={titleId}>
      {title}
    </Title>
  );
  return titleId ? (
    <Stack component="section" aria-labelledby={titleId}>
      {heading}
      {children}
    </Stack>
  ) : (
    <Stack>
      {heading}
      {children}
    </Stack>
  );
}
