import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITIES, type ServedActivity } from '../referentiel/activities.ts';

/**
 * Which activities of the référentiel a screen serves: what makes the product a training tool too.
 * With no activity (settings screens), a neutral badge says so.
 */
export function ActivityBadges({ served }: { served: readonly ServedActivity[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} data-testid="activity-badges">
      <Text size="sm" c="dimmed" component="span">
        {t('referentiel.served')}
      </Text>
      {served.length === 0 ? (
        <Badge variant="outline" color="gray" data-testid="activity-badge">
          {t('badges.none')}
        </Badge>
      ) : (
        served.map((item) => (
          <Badge
            key={`${item.code}-${item.label}`}
            variant="light"
            color="indigo"
            title={`${item.code} ${t(ACTIVITIES[item.code].title)}`}
            data-testid="activity-badge"
          >
            {item.code} {t(item.label)}
          </Badge>
        ))
      )}
    </Group>
  );
}
