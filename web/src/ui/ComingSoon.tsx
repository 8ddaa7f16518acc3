import { Alert, Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ACTIVITIES, AREA_SCOPE, type Area } from '../referentiel/activities.ts';
import { AnchorLink } from './links.tsx';
import { PageHeader } from './PageHeader.tsx';

const TITLES = {
  relations: 'areas.relations',
  production: 'areas.production',
  personnel: 'areas.personnel',
  accounting: 'areas.accounting',
  training: 'areas.training',
} as const;

const INTROS = {
  relations: 'comingSoon.intro.relations',
  production: 'comingSoon.intro.production',
  personnel: 'comingSoon.intro.personnel',
  accounting: 'comingSoon.intro.accounting',
  training: 'comingSoon.intro.training',
} as const;

// Areas where a screen already serves part of the activities.
const AVAILABLE = {
  relations: 'comingSoon.available.relations',
  production: 'comingSoon.available.production',
} as const;

/** An area not built yet: what it will serve in the référentiel, nothing more. */
export function ComingSoon({ area }: { area: Area }) {
  const { t } = useTranslation();
  const { orgId } = useParams({ strict: false });
  const available = area === 'relations' || area === 'production' ? AVAILABLE[area] : null;
  const scope = AREA_SCOPE[area];
  // The training mode spans every activity; their titles are enough there.
  const withTasks = area !== 'training';
  return (
    <>
      <PageHeader
        title={t(TITLES[area])}
        actions={
          <Badge color="gray.8" size="lg">
            {t('comingSoon.badge')}
          </Badge>
        }
      />
      <Stack gap="md" maw={820}>
        <Text>{t(INTROS[area])}</Text>
        {available && orgId ? (
          <Alert color="blue" title={t('comingSoon.available.title')} data-testid="already-available">
            <Text size="sm">{t(available)}</Text>
            <AnchorLink to="/orgs/$orgId/parties" params={{ orgId }} size="sm">
              {t('comingSoon.available.open')}
            </AnchorLink>
          </Alert>
        ) : null}
        <Title order={2} size="h4">
          {t('comingSoon.willServe')}
        </Title>
        {scope.map(({ activity, tasks }) => {
          const a = ACTIVITIES[activity];
          const shown = tasks ?? a.tasks;
          return (
            <Paper key={`${area}-${activity}`} withBorder p="md" data-testid={`upcoming-activity-${a.code}`}>
              <Text fw={700}>
                {a.code} {t(a.title)}
              </Text>
              {withTasks ? (
                <List size="sm" mt="xs" spacing={4}>
                  {shown.map((task) => (
                    <List.Item key={task}>{t(task)}</List.Item>
                  ))}
                </List>
              ) : null}
            </Paper>
          );
        })}
      </Stack>
    </>
  );
}
