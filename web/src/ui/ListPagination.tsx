import { Box, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The page numbers under a list, each named for screen readers (« Page 3 », « Page suivante »); nothing
 * when the list fits on one page.
 */
export function ListPagination({
  pages,
  page,
  onChange,
  className,
}: {
  pages: number;
  page: number;
  onChange: (page: number) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Box component="nav" aria-label={t('pagination.label')} mt="md" className={className}>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
      />
    </Box>
  );
}
