import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** « Archiver » / « Restaurer » on a row of a list, named after the row for screen readers. */
export function ArchiveToggle({
  name,
  archived,
  loading,
  onToggle,
}: {
  name: string;
  archived: boolean;
  loading: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="subtle"
      color="dark"
      loading={loading}
      onClick={onToggle}
      aria-label={t(archived ? 'parties.restoreNamed' : 'parties.archiveNamed', { name })}
    >
      {archived ? t('parties.restore') : t('parties.archive')}
    </Button>
  );
}
