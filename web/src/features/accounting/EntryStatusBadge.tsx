import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryDto } from '../../../../src/ledger/entries/contract.ts';

/** Draft or validated, and where it came from when not typed by hand (reversal, opening, import…). */
export function EntryStatusBadge({ entry }: { entry: Pick<EntryDto, 'status' | 'origin' | 'reversedBy'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        size="sm"
        variant="light"
        color={entry.status === 'draft' ? 'grape' : 'teal'}
        data-testid="entry-status"
      >
        {t(`accounting.status.${entry.status}`)}
      </Badge>
      {entry.origin !== 'manual' ? (
        <Badge size="sm" variant="outline" color="gray">
          {t(`accounting.origin.${entry.origin}`)}
        </Badge>
      ) : null}
      {entry.reversedBy ? (
        <Badge size="sm" variant="outline" color="gray">
          {t('accounting.entries.reversed')}
        </Badge>
      ) : null}
    </Group>
  );
}
