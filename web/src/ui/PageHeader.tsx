import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ServedActivity } from '../referentiel/activities.ts';
import { ActivityBadges } from './ActivityBadges.tsx';
import { useDocumentTitle } from './use-document-title.ts';

export function PageHeader({
  title,
  served,
  actions,
}: {
  title: string;
  /** The référentiel activities the screen serves; an empty list shows the neutral badge, none shows nothing. */
  served?: readonly ServedActivity[];
  actions?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {served ? <ActivityBadges served={served} /> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
